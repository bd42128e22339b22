/**
 * The account's IAM state as the graph builder tracks it: identities, policies and keys with
 * the facts the graph shows. Snapshot loading and CloudTrail events change this model, and
 * `renderModel` turns it into nodes and edges.
 */

/** Inline policies by name, with an undefined document when it could not be read. */
export type InlinePolicies = Map<string, Record<string, unknown> | undefined>;

interface Identity {
  name: string;
  arn?: string;
  created?: string;
  /** True when CloudTrail shows it was created after the snapshot. */
  createdAfterSnapshot: boolean;
  attached: Set<string>;
  inline: InlinePolicies;
}

export interface ModelUser extends Identity {
  groups: Set<string>;
  /** Console password: true or false when known, undefined when the snapshot does not record it. */
  loginProfile?: boolean;
  passwordChanged?: string;
  tags: string[];
}

export type ModelGroup = Identity;

export interface ModelRole extends Identity {
  trustPolicy?: Record<string, unknown>;
}

export interface ModelPolicy {
  arn: string;
  name: string;
  /** True for the account's own policies, false for AWS managed ones. */
  customerManaged: boolean;
  created?: string;
  createdAfterSnapshot: boolean;
  defaultVersion?: string;
  /** Documents by version id, empty for AWS managed policies. */
  versions: Map<string, Record<string, unknown> | undefined>;
}

export interface ModelKey {
  id: string;
  userName: string;
  status: string;
  created?: string;
  createdAfterSnapshot: boolean;
}

export interface IamModel {
  accountId: string;
  users: Map<string, ModelUser>;
  groups: Map<string, ModelGroup>;
  roles: Map<string, ModelRole>;
  policies: Map<string, ModelPolicy>;
  keys: Map<string, ModelKey>;
  /** Node ids of the users, groups and roles that had administrator-like access at the snapshot. */
  adminAtSnapshot: Set<string>;
}

export function emptyModel(accountId: string): IamModel {
  return { accountId, users: new Map(), groups: new Map(), roles: new Map(), policies: new Map(), keys: new Map(), adminAtSnapshot: new Set() };
}

export function newUser(name: string, createdAfterSnapshot: boolean): ModelUser {
  return { name, createdAfterSnapshot, attached: new Set(), inline: new Map(), groups: new Set(), tags: [] };
}

export function newGroup(name: string, createdAfterSnapshot: boolean): ModelGroup {
  return { name, createdAfterSnapshot, attached: new Set(), inline: new Map() };
}

export function newRole(name: string, createdAfterSnapshot: boolean): ModelRole {
  return { name, createdAfterSnapshot, attached: new Set(), inline: new Map() };
}

/** Node ids, shared by the renderer and the event handlers that name what they touched. */
export const NodeId = {
  user: (name: string) => `user:${name}`,
  group: (name: string) => `group:${name}`,
  role: (name: string) => `role:${name}`,
  policy: (arn: string) => `policy:${arn}`,
  inline: (ownerId: string, policyName: string) => `inline:${ownerId}/${policyName}`,
  key: (accessKeyId: string) => `key:${accessKeyId}`,
};
