import type { IamEdge, IamEdgeKind, IamGraphState, IamNode, IamNodeFlag, IamNodeKind } from '../../../shared/iam-graph.js';
import { adminPrincipals, isAdminPolicy } from './access-check.js';
import { NodeId, type IamModel, type InlinePolicies } from './iam-model.js';
import { grantsAdminAccess, trustedPrincipals } from './policy-documents.js';

const KindOrder: Record<IamNodeKind, number> = { user: 0, group: 1, role: 2, policy: 3, accessKey: 4 };

/**
 * Render the model as graph nodes and edges, sorted so that equal models give equal output.
 * AWS managed policies appear only while something has them attached.
 */
export function renderModel(model: IamModel): IamGraphState {
  const admins = adminPrincipals(model);
  const nodes: IamNode[] = [];
  const edges: IamEdge[] = [];
  const edge = (kind: IamEdgeKind, source: string, target: string) => edges.push({ id: `${kind}:${source}>${target}`, kind, source, target });
  const flagsOf = (id: string, createdAfterSnapshot: boolean): IamNodeFlag[] => {
    const flags: IamNodeFlag[] = [];
    if (admins.has(id) && !model.adminAtSnapshot.has(id)) flags.push('escalated');
    if (createdAfterSnapshot) flags.push('new');
    return flags;
  };
  const inlineNodes = (ownerId: string, ownerLabel: string, inline: InlinePolicies) => {
    for (const [name, document] of inline) {
      const id = NodeId.inline(ownerId, name);
      const attributes = { Type: `Inline policy of ${ownerLabel}`, 'Administrator access': yesNo(grantsAdminAccess(document)) };
      nodes.push({ id, kind: 'policy', label: name, attributes, flags: [] });
      edge('inline-policy', ownerId, id);
    }
  };
  const attachedPolicies = new Set<string>();
  const attach = (ownerId: string, arns: Set<string>) => {
    for (const arn of arns) {
      attachedPolicies.add(arn);
      edge('attached', ownerId, NodeId.policy(arn));
    }
  };

  for (const user of model.users.values()) {
    const id = NodeId.user(user.name);
    const attributes = compact({
      ARN: user.arn,
      Created: user.created,
      'Console password': user.loginProfile === undefined ? undefined : yesNo(user.loginProfile),
      'Password changed': user.passwordChanged,
      Tags: user.tags.length > 0 ? user.tags.join(', ') : undefined,
      'Administrator access': yesNo(admins.has(id)),
    });
    nodes.push({ id, kind: 'user', label: user.name, attributes, flags: flagsOf(id, user.createdAfterSnapshot) });
    for (const group of user.groups) if (model.groups.has(group)) edge('member-of', id, NodeId.group(group));
    attach(id, user.attached);
    inlineNodes(id, `user ${user.name}`, user.inline);
  }

  for (const group of model.groups.values()) {
    const id = NodeId.group(group.name);
    const attributes = compact({ ARN: group.arn, Created: group.created, 'Administrator access': yesNo(admins.has(id)) });
    nodes.push({ id, kind: 'group', label: group.name, attributes, flags: flagsOf(id, group.createdAfterSnapshot) });
    attach(id, group.attached);
    inlineNodes(id, `group ${group.name}`, group.inline);
  }

  for (const role of model.roles.values()) {
    const id = NodeId.role(role.name);
    const trusted = trustedPrincipals(role.trustPolicy);
    const outside: string[] = [...trusted.federated];
    for (const arn of trusted.aws) {
      const source = principalNode(model, arn);
      if (source) edge('can-assume', source, id);
      else outside.push(arn === '*' ? 'anyone (*)' : arn);
    }
    const attributes = compact({
      ARN: role.arn,
      Created: role.created,
      'Trusted services': trusted.services.length > 0 ? trusted.services.join(', ') : undefined,
      'Trusted principals': outside.length > 0 ? outside.join(', ') : undefined,
      'Administrator access': yesNo(admins.has(id)),
    });
    nodes.push({ id, kind: 'role', label: role.name, attributes, flags: flagsOf(id, role.createdAfterSnapshot) });
    attach(id, role.attached);
    inlineNodes(id, `role ${role.name}`, role.inline);
  }

  for (const policy of model.policies.values()) {
    if (!policy.customerManaged && !attachedPolicies.has(policy.arn)) continue;
    const attributes = compact({
      ARN: policy.arn,
      Type: policy.customerManaged ? 'Customer managed' : 'AWS managed',
      Created: policy.created,
      'Default version': policy.defaultVersion,
      'Administrator access': yesNo(isAdminPolicy(model, policy.arn)),
    });
    const id = NodeId.policy(policy.arn);
    nodes.push({ id, kind: 'policy', label: policy.name, attributes, flags: policy.createdAfterSnapshot ? ['new'] : [] });
  }

  for (const key of model.keys.values()) {
    const id = NodeId.key(key.id);
    const attributes = compact({ User: key.userName, Status: key.status, Created: key.created });
    nodes.push({ id, kind: 'accessKey', label: key.id, attributes, flags: key.createdAfterSnapshot ? ['new'] : [] });
    if (model.users.has(key.userName)) edge('owns-key', NodeId.user(key.userName), id);
  }

  const present = new Set(nodes.map((node) => node.id));
  return {
    nodes: nodes.sort((a, b) => KindOrder[a.kind] - KindOrder[b.kind] || compareIds(a.id, b.id)),
    // Guard against an edge that points at a node that is not rendered.
    edges: edges.filter((item) => present.has(item.source) && present.has(item.target)).sort((a, b) => compareIds(a.id, b.id)),
  };
}

/** Compare in code-unit order, which is the same in every locale and much faster than localeCompare. */
function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Find the node of a user or role ARN of this account, when the model has one. */
function principalNode(model: IamModel, arn: string): string | undefined {
  const match = /^arn:aws[a-z-]*:iam::(\d{12}):(user|role)\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (!match || match[1] !== model.accountId) return undefined;
  const [, , type, name] = match;
  if (type === 'user' && model.users.has(name!)) return NodeId.user(name!);
  if (type === 'role' && model.roles.has(name!)) return NodeId.role(name!);
  return undefined;
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

function compact(values: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') result[key] = value;
  return result;
}
