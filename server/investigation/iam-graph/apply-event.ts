import { field, rawField, type IamEvent } from './iam-event.js';
import { NodeId, newGroup, newRole, newUser, type IamModel, type InlinePolicies, type ModelUser } from './iam-model.js';
import { parsePolicyDocument, policyNameOf } from './policy-documents.js';
import { ensurePolicy } from './snapshot.js';

/** Effect of an event for the change list, as a sentence and the nodes it is about. */
export interface EventEffect {
  summary: string;
  subjects: string[];
}

type Handler = (model: IamModel, event: IamEvent) => EventEffect | null;

/**
 * Apply one IAM event to the model. Returns null, leaving the model as it was, for an event
 * name the graph does not track or a request that lacks the fields the change needs.
 * Request fields follow the IAM API reference, in the camelCase CloudTrail records them with.
 */
export function applyIamEvent(model: IamModel, event: IamEvent): EventEffect | null {
  const handler = Object.hasOwn(Handlers, event.eventName) ? Handlers[event.eventName] : undefined;
  return handler ? handler(model, event) : null;
}

/** Event names the graph tracks, for the query that selects them. */
export function trackedEventNames(): string[] {
  return Object.keys(Handlers);
}

const request = (event: IamEvent, name: string) => field(event.requestParameters, name);

/** Return the user a request names, or the calling IAM user when it names none, as the IAM API does. */
function targetUser(event: IamEvent): string | undefined {
  return request(event, 'userName') ?? event.callerUserName ?? undefined;
}

function ensureUser(model: IamModel, name: string): ModelUser {
  let user = model.users.get(name);
  if (!user) {
    user = newUser(name, false);
    model.users.set(name, user);
  }
  return user;
}

type Owner = { id: string; label: string; attached: Set<string>; inline: InlinePolicies };

function userOwner(model: IamModel, event: IamEvent): Owner | undefined {
  const name = request(event, 'userName');
  if (!name) return undefined;
  const user = ensureUser(model, name);
  return { id: NodeId.user(name), label: `user ${name}`, attached: user.attached, inline: user.inline };
}

function groupOwner(model: IamModel, event: IamEvent): Owner | undefined {
  const name = request(event, 'groupName');
  if (!name) return undefined;
  let group = model.groups.get(name);
  if (!group) {
    group = newGroup(name, false);
    model.groups.set(name, group);
  }
  return { id: NodeId.group(name), label: `group ${name}`, attached: group.attached, inline: group.inline };
}

function roleOwner(model: IamModel, event: IamEvent): Owner | undefined {
  const name = request(event, 'roleName');
  if (!name) return undefined;
  let role = model.roles.get(name);
  if (!role) {
    role = newRole(name, false);
    model.roles.set(name, role);
  }
  return { id: NodeId.role(name), label: `role ${name}`, attached: role.attached, inline: role.inline };
}

type OwnerOf = (model: IamModel, event: IamEvent) => Owner | undefined;

function attachPolicy(ownerOf: OwnerOf): Handler {
  return (model, event) => {
    const policyArn = request(event, 'policyArn');
    if (!policyArn) return null;
    const owner = ownerOf(model, event);
    if (!owner) return null;
    ensurePolicy(model, policyArn);
    owner.attached.add(policyArn);
    return { summary: `${event.actor} attached ${policyNameOf(policyArn)} to ${owner.label}`, subjects: [owner.id, NodeId.policy(policyArn)] };
  };
}

function detachPolicy(ownerOf: OwnerOf): Handler {
  return (model, event) => {
    const policyArn = request(event, 'policyArn');
    if (!policyArn) return null;
    const owner = ownerOf(model, event);
    if (!owner) return null;
    owner.attached.delete(policyArn);
    return { summary: `${event.actor} detached ${policyNameOf(policyArn)} from ${owner.label}`, subjects: [owner.id, NodeId.policy(policyArn)] };
  };
}

function putInlinePolicy(ownerOf: OwnerOf): Handler {
  return (model, event) => {
    const policyName = request(event, 'policyName');
    if (!policyName) return null;
    const owner = ownerOf(model, event);
    if (!owner) return null;
    owner.inline.set(policyName, parsePolicyDocument(rawField(event.requestParameters, 'policyDocument')));
    return { summary: `${event.actor} put inline policy ${policyName} on ${owner.label}`, subjects: [owner.id, NodeId.inline(owner.id, policyName)] };
  };
}

function deleteInlinePolicy(ownerOf: OwnerOf): Handler {
  return (model, event) => {
    const policyName = request(event, 'policyName');
    if (!policyName) return null;
    const owner = ownerOf(model, event);
    if (!owner) return null;
    owner.inline.delete(policyName);
    return { summary: `${event.actor} deleted inline policy ${policyName} of ${owner.label}`, subjects: [owner.id, NodeId.inline(owner.id, policyName)] };
  };
}

const Handlers: Record<string, Handler> = {
  CreateUser(model, event) {
    const name = request(event, 'userName');
    if (!name) return null;
    const user = newUser(name, true);
    user.arn = field(event.responseElements, 'user', 'arn');
    user.created = event.eventTime;
    model.users.set(name, user);
    return { summary: `${event.actor} created user ${name}`, subjects: [NodeId.user(name)] };
  },

  DeleteUser(model, event) {
    const name = request(event, 'userName');
    if (!name || !model.users.delete(name)) return null;
    for (const [id, key] of model.keys) if (key.userName === name) model.keys.delete(id);
    return { summary: `${event.actor} deleted user ${name}`, subjects: [NodeId.user(name)] };
  },

  CreateAccessKey(model, event) {
    const userName = field(event.responseElements, 'accessKey', 'userName') ?? targetUser(event);
    const keyId = field(event.responseElements, 'accessKey', 'accessKeyId');
    if (!userName || !keyId) return null;
    ensureUser(model, userName);
    const status = field(event.responseElements, 'accessKey', 'status') ?? 'Active';
    model.keys.set(keyId, { id: keyId, userName, status, created: event.eventTime, createdAfterSnapshot: true });
    return { summary: `${event.actor} created access key ${keyId} for ${userName}`, subjects: [NodeId.user(userName), NodeId.key(keyId)] };
  },

  UpdateAccessKey(model, event) {
    const keyId = request(event, 'accessKeyId');
    const status = request(event, 'status');
    const key = keyId ? model.keys.get(keyId) : undefined;
    if (!keyId || !status || !key) return null;
    key.status = status;
    return { summary: `${event.actor} set access key ${keyId} of ${key.userName} to ${status}`, subjects: [NodeId.key(keyId)] };
  },

  DeleteAccessKey(model, event) {
    const keyId = request(event, 'accessKeyId');
    const key = keyId ? model.keys.get(keyId) : undefined;
    if (!keyId || !key) return null;
    model.keys.delete(keyId);
    return { summary: `${event.actor} deleted access key ${keyId} of ${key.userName}`, subjects: [NodeId.key(keyId), NodeId.user(key.userName)] };
  },

  CreateLoginProfile(model, event) {
    const name = targetUser(event);
    if (!name) return null;
    ensureUser(model, name).loginProfile = true;
    return { summary: `${event.actor} created a console password for ${name}`, subjects: [NodeId.user(name)] };
  },

  UpdateLoginProfile(model, event) {
    const name = targetUser(event);
    if (!name) return null;
    const user = ensureUser(model, name);
    user.loginProfile = true;
    user.passwordChanged = event.eventTime;
    return { summary: `${event.actor} changed the console password of ${name}`, subjects: [NodeId.user(name)] };
  },

  DeleteLoginProfile(model, event) {
    const name = targetUser(event);
    if (!name) return null;
    ensureUser(model, name).loginProfile = false;
    return { summary: `${event.actor} deleted the console password of ${name}`, subjects: [NodeId.user(name)] };
  },

  AddUserToGroup(model, event) {
    const userName = request(event, 'userName');
    const groupName = request(event, 'groupName');
    if (!userName || !groupName) return null;
    ensureUser(model, userName).groups.add(groupName);
    if (!model.groups.has(groupName)) model.groups.set(groupName, newGroup(groupName, false));
    return { summary: `${event.actor} added ${userName} to group ${groupName}`, subjects: [NodeId.user(userName), NodeId.group(groupName)] };
  },

  RemoveUserFromGroup(model, event) {
    const userName = request(event, 'userName');
    const groupName = request(event, 'groupName');
    if (!userName || !groupName) return null;
    ensureUser(model, userName).groups.delete(groupName);
    return { summary: `${event.actor} removed ${userName} from group ${groupName}`, subjects: [NodeId.user(userName), NodeId.group(groupName)] };
  },

  CreateGroup(model, event) {
    const name = request(event, 'groupName');
    if (!name) return null;
    const group = newGroup(name, true);
    group.arn = field(event.responseElements, 'group', 'arn');
    group.created = event.eventTime;
    model.groups.set(name, group);
    return { summary: `${event.actor} created group ${name}`, subjects: [NodeId.group(name)] };
  },

  DeleteGroup(model, event) {
    const name = request(event, 'groupName');
    if (!name || !model.groups.delete(name)) return null;
    for (const user of model.users.values()) user.groups.delete(name);
    return { summary: `${event.actor} deleted group ${name}`, subjects: [NodeId.group(name)] };
  },

  CreateRole(model, event) {
    const name = request(event, 'roleName');
    if (!name) return null;
    const role = newRole(name, true);
    role.arn = field(event.responseElements, 'role', 'arn');
    role.created = event.eventTime;
    role.trustPolicy = parsePolicyDocument(rawField(event.requestParameters, 'assumeRolePolicyDocument'));
    model.roles.set(name, role);
    return { summary: `${event.actor} created role ${name}`, subjects: [NodeId.role(name)] };
  },

  DeleteRole(model, event) {
    const name = request(event, 'roleName');
    if (!name || !model.roles.delete(name)) return null;
    return { summary: `${event.actor} deleted role ${name}`, subjects: [NodeId.role(name)] };
  },

  UpdateAssumeRolePolicy(model, event) {
    const owner = roleOwner(model, event);
    if (!owner) return null;
    model.roles.get(request(event, 'roleName')!)!.trustPolicy = parsePolicyDocument(rawField(event.requestParameters, 'policyDocument'));
    return { summary: `${event.actor} changed who may assume ${owner.label}`, subjects: [owner.id] };
  },

  CreatePolicy(model, event) {
    const arn = field(event.responseElements, 'policy', 'arn');
    const name = request(event, 'policyName') ?? field(event.responseElements, 'policy', 'policyName');
    if (!arn || !name) return null;
    const version = field(event.responseElements, 'policy', 'defaultVersionId') ?? 'v1';
    const document = parsePolicyDocument(rawField(event.requestParameters, 'policyDocument'));
    model.policies.set(arn, { arn, name, customerManaged: true, created: event.eventTime, createdAfterSnapshot: true, defaultVersion: version, versions: new Map([[version, document]]) });
    return { summary: `${event.actor} created policy ${name}`, subjects: [NodeId.policy(arn)] };
  },

  DeletePolicy(model, event) {
    const arn = request(event, 'policyArn');
    if (!arn || !model.policies.delete(arn)) return null;
    return { summary: `${event.actor} deleted policy ${policyNameOf(arn)}`, subjects: [NodeId.policy(arn)] };
  },

  CreatePolicyVersion(model, event) {
    const arn = request(event, 'policyArn');
    const versionId = field(event.responseElements, 'policyVersion', 'versionId');
    if (!arn || !versionId) return null;
    ensurePolicy(model, arn);
    const policy = model.policies.get(arn)!;
    policy.versions.set(versionId, parsePolicyDocument(rawField(event.requestParameters, 'policyDocument')));
    const setAsDefault = rawField(event.requestParameters, 'setAsDefault');
    const isDefault = setAsDefault === true || setAsDefault === 'true';
    if (isDefault) policy.defaultVersion = versionId;
    const suffix = isDefault ? ' and made it the default' : '';
    return { summary: `${event.actor} created version ${versionId} of ${policy.name}${suffix}`, subjects: [NodeId.policy(arn)] };
  },

  SetDefaultPolicyVersion(model, event) {
    const arn = request(event, 'policyArn');
    const versionId = request(event, 'versionId');
    const policy = arn ? model.policies.get(arn) : undefined;
    if (!arn || !versionId || !policy) return null;
    policy.defaultVersion = versionId;
    return { summary: `${event.actor} made ${versionId} the default version of ${policy.name}`, subjects: [NodeId.policy(arn)] };
  },

  AttachUserPolicy: attachPolicy(userOwner),
  DetachUserPolicy: detachPolicy(userOwner),
  AttachGroupPolicy: attachPolicy(groupOwner),
  DetachGroupPolicy: detachPolicy(groupOwner),
  AttachRolePolicy: attachPolicy(roleOwner),
  DetachRolePolicy: detachPolicy(roleOwner),
  PutUserPolicy: putInlinePolicy(userOwner),
  DeleteUserPolicy: deleteInlinePolicy(userOwner),
  PutGroupPolicy: putInlinePolicy(groupOwner),
  DeleteGroupPolicy: deleteInlinePolicy(groupOwner),
  PutRolePolicy: putInlinePolicy(roleOwner),
  DeleteRolePolicy: deleteInlinePolicy(roleOwner),
};
