import { z } from 'zod';
import {
  emptyModel,
  newGroup,
  newRole,
  newUser,
  type IamModel,
  type InlinePolicies,
} from './iam-model.js';
import { parsePolicyDocument } from './policy-documents.js';

/**
 * The IAM snapshot of a scenario pack: the output of `aws iam get-account-authorization-details`
 * plus `AccessKeyMetadata` as `aws iam list-access-keys` returns it and the `SnapshotTime`.
 * Only the fields the graph uses are checked, and the rest pass through.
 */
const AttachedPolicy = z.looseObject({ PolicyArn: z.string().min(1), PolicyName: z.string().optional() });
const InlinePolicy = z.looseObject({ PolicyName: z.string().min(1), PolicyDocument: z.unknown().optional() });
const Tag = z.looseObject({ Key: z.string(), Value: z.string() });

const UserDetail = z.looseObject({
  UserName: z.string().min(1),
  Arn: z.string().optional(),
  CreateDate: z.string().optional(),
  GroupList: z.array(z.string()).default([]),
  AttachedManagedPolicies: z.array(AttachedPolicy).default([]),
  UserPolicyList: z.array(InlinePolicy).default([]),
  Tags: z.array(Tag).default([]),
  LoginProfile: z.unknown().optional(),
});

const GroupDetail = z.looseObject({
  GroupName: z.string().min(1),
  Arn: z.string().optional(),
  CreateDate: z.string().optional(),
  AttachedManagedPolicies: z.array(AttachedPolicy).default([]),
  GroupPolicyList: z.array(InlinePolicy).default([]),
});

const RoleDetail = z.looseObject({
  RoleName: z.string().min(1),
  Arn: z.string().optional(),
  CreateDate: z.string().optional(),
  AssumeRolePolicyDocument: z.unknown().optional(),
  AttachedManagedPolicies: z.array(AttachedPolicy).default([]),
  RolePolicyList: z.array(InlinePolicy).default([]),
});

const PolicyDetail = z.looseObject({
  PolicyName: z.string().min(1),
  Arn: z.string().min(1),
  CreateDate: z.string().optional(),
  DefaultVersionId: z.string().optional(),
  PolicyVersionList: z.array(z.looseObject({ VersionId: z.string(), Document: z.unknown().optional() })).default([]),
});

const AccessKey = z.looseObject({
  UserName: z.string().min(1),
  AccessKeyId: z.string().min(1),
  Status: z.string().default('Active'),
  CreateDate: z.string().optional(),
});

export const IamSnapshot = z.looseObject({
  SnapshotTime: z.string().optional(),
  UserDetailList: z.array(UserDetail).default([]),
  GroupDetailList: z.array(GroupDetail).default([]),
  RoleDetailList: z.array(RoleDetail).default([]),
  Policies: z.array(PolicyDetail).default([]),
  AccessKeyMetadata: z.array(AccessKey).default([]),
});
export type IamSnapshot = z.infer<typeof IamSnapshot>;

/** Parse a snapshot file's JSON. The error names the first field that does not fit. */
export function parseIamSnapshot(value: unknown): IamSnapshot {
  const parsed = IamSnapshot.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`The IAM snapshot is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown problem'}.`);
}

/** Build the model of the account at the snapshot. Policies referenced but not listed are added as AWS managed. */
export function modelFromSnapshot(snapshot: IamSnapshot, accountId: string): IamModel {
  const model = emptyModel(accountId);

  for (const detail of snapshot.Policies) {
    const versions = new Map(detail.PolicyVersionList.map((version) => [version.VersionId, parsePolicyDocument(version.Document)]));
    model.policies.set(detail.Arn, {
      arn: detail.Arn,
      name: detail.PolicyName,
      customerManaged: !detail.Arn.includes(':iam::aws:policy/'),
      created: detail.CreateDate,
      createdAfterSnapshot: false,
      defaultVersion: detail.DefaultVersionId,
      versions,
    });
  }

  for (const detail of snapshot.GroupDetailList) {
    const group = newGroup(detail.GroupName, false);
    Object.assign(group, { arn: detail.Arn, created: detail.CreateDate });
    attachAll(model, group.attached, detail.AttachedManagedPolicies);
    readInline(group.inline, detail.GroupPolicyList);
    model.groups.set(group.name, group);
  }

  for (const detail of snapshot.UserDetailList) {
    const user = newUser(detail.UserName, false);
    Object.assign(user, { arn: detail.Arn, created: detail.CreateDate });
    for (const groupName of detail.GroupList) {
      user.groups.add(groupName);
      if (!model.groups.has(groupName)) model.groups.set(groupName, newGroup(groupName, false));
    }
    attachAll(model, user.attached, detail.AttachedManagedPolicies);
    readInline(user.inline, detail.UserPolicyList);
    user.tags = detail.Tags.map((tag) => `${tag.Key}=${tag.Value}`);
    // NOTE: get-account-authorization-details does not list login profiles, so a console password is unknown unless the pack adds LoginProfile.
    if (detail.LoginProfile !== undefined) user.loginProfile = detail.LoginProfile !== null;
    model.users.set(user.name, user);
  }

  for (const detail of snapshot.RoleDetailList) {
    const role = newRole(detail.RoleName, false);
    Object.assign(role, { arn: detail.Arn, created: detail.CreateDate, trustPolicy: parsePolicyDocument(detail.AssumeRolePolicyDocument) });
    attachAll(model, role.attached, detail.AttachedManagedPolicies);
    readInline(role.inline, detail.RolePolicyList);
    model.roles.set(role.name, role);
  }

  for (const key of snapshot.AccessKeyMetadata) {
    model.keys.set(key.AccessKeyId, { id: key.AccessKeyId, userName: key.UserName, status: key.Status, created: key.CreateDate, createdAfterSnapshot: false });
    if (!model.users.has(key.UserName)) model.users.set(key.UserName, newUser(key.UserName, false));
  }
  return model;
}

/** Add a policy the model does not know yet, as AWS managed when its ARN is in the `aws` namespace. */
export function ensurePolicy(model: IamModel, policyArn: string, name?: string): void {
  if (model.policies.has(policyArn)) return;
  const awsManaged = policyArn.includes(':iam::aws:policy/');
  model.policies.set(policyArn, {
    arn: policyArn,
    name: name ?? policyArn.slice(policyArn.lastIndexOf('/') + 1),
    customerManaged: !awsManaged,
    createdAfterSnapshot: false,
    versions: new Map(),
  });
}

function attachAll(model: IamModel, attached: Set<string>, policies: { PolicyArn: string; PolicyName?: string | undefined }[]): void {
  for (const policy of policies) {
    ensurePolicy(model, policy.PolicyArn, policy.PolicyName);
    attached.add(policy.PolicyArn);
  }
}

function readInline(inline: InlinePolicies, policies: { PolicyName: string; PolicyDocument?: unknown }[]): void {
  for (const policy of policies) inline.set(policy.PolicyName, parsePolicyDocument(policy.PolicyDocument));
}
