import { roleArn, userArn } from './arns.js';
import { awsManagedPolicyDocument } from './managed-policies.js';
import type { AccountState, PolicyDocument } from './state.js';

/** The authenticated caller of a call: an IAM user signing with a key, or a session of a role. */
export type Principal =
  | { kind: 'user'; accountId: string; userName: string; userId: string; arn: string; accessKeyId: string }
  | {
      kind: 'role';
      accountId: string;
      roleName: string;
      roleId: string;
      roleArn: string;
      sessionName: string;
      /** The session's ARN, `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`, as policies and errors name it. */
      arn: string;
      accessKeyId: string;
    };

/** Build the principal of a user, given the key it signs with. */
export function userPrincipal(state: AccountState, userName: string, accessKeyId: string): Principal {
  const user = state.users[userName];
  return {
    kind: 'user',
    accountId: state.accountId,
    userName,
    userId: user?.userId ?? '',
    arn: user?.arn ?? userArn(state.accountId, userName),
    accessKeyId,
  };
}

/** Build the principal of a role session. */
export function rolePrincipal(state: AccountState, roleName: string, sessionName: string, accessKeyId: string): Principal {
  const role = state.roles[roleName];
  return {
    kind: 'role',
    accountId: state.accountId,
    roleName,
    roleId: role?.roleId ?? '',
    roleArn: role?.arn ?? roleArn(state.accountId, roleName),
    sessionName,
    arn: `arn:aws:sts::${state.accountId}:assumed-role/${roleName}/${sessionName}`,
    accessKeyId,
  };
}

/**
 * Collect the identity-based policy documents that apply to a principal: its inline and attached
 * policies and, for a user, those of its groups. A managed policy contributes its default version.
 */
export function identityPolicies(state: AccountState, principal: Principal): PolicyDocument[] {
  const documents: PolicyDocument[] = [];
  const addAll = (inline: Record<string, PolicyDocument>, attached: string[]): void => {
    documents.push(...Object.values(inline));
    for (const arn of attached) {
      const document = managedPolicyDocument(state, arn);
      if (document) documents.push(document);
    }
  };

  if (principal.kind === 'role') {
    const role = state.roles[principal.roleName];
    if (role) addAll(role.inlinePolicies, role.attachedPolicies);
    return documents;
  }
  const user = state.users[principal.userName];
  if (!user) return documents;
  addAll(user.inlinePolicies, user.attachedPolicies);
  for (const groupName of user.groups) {
    const group = state.groups[groupName];
    if (group) addAll(group.inlinePolicies, group.attachedPolicies);
  }
  return documents;
}

/** The default version of a managed policy, falling back to the built-in table for AWS managed ones. */
export function managedPolicyDocument(state: AccountState, policyArn: string): PolicyDocument | undefined {
  const policy = state.policies[policyArn];
  const stored = policy?.versions[policy.defaultVersionId];
  return stored ?? awsManagedPolicyDocument(policyArn);
}
