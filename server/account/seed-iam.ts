import { parsePolicyDocument } from '../investigation/iam-graph/policy-documents.js';
import { parseIamSnapshot } from '../investigation/iam-graph/snapshot.js';
import { groupArn, roleArn, userArn } from './arns.js';
import { iamIdFrom } from './ids.js';
import { isAwsManagedArn } from './managed-policies.js';
import type { AccountState, PolicyDocument } from './state.js';

/**
 * IAM part of the seed: the users, groups, roles, managed policies and access keys of the pack's
 * IAM snapshot (`aws iam get-account-authorization-details` output), read with the same parser
 * as the IAM graph. Inline documents there are URL-encoded JSON.
 */

/** Name of the role blue teams' commands run as. */
export const IncidentResponderRole = 'IncidentResponder';
const AdministratorAccessArn = 'arn:aws:iam::aws:policy/AdministratorAccess';

/** Add the snapshot's IAM entities to the state. Throws when the snapshot does not parse. */
export function seedIamSnapshot(state: AccountState, value: unknown): void {
  const snapshot = parseIamSnapshot(value);
  const accountId = state.accountId;
  const text = (record: Record<string, unknown>, field: string): string | undefined => (typeof record[field] === 'string' ? (record[field] as string) : undefined);

  for (const detail of snapshot.Policies) {
    const versions: Record<string, PolicyDocument> = {};
    for (const version of detail.PolicyVersionList) versions[version.VersionId] = parsePolicyDocument(version.Document) ?? {};
    state.policies[detail.Arn] = {
      arn: detail.Arn,
      policyName: detail.PolicyName,
      customerManaged: !isAwsManagedArn(detail.Arn),
      defaultVersionId: detail.DefaultVersionId ?? Object.keys(versions)[0] ?? 'v1',
      versions,
    };
  }

  for (const detail of snapshot.GroupDetailList) {
    state.groups[detail.GroupName] = {
      groupName: detail.GroupName,
      groupId: text(detail, 'GroupId') ?? iamIdFrom('AGPA', detail.GroupName, 'groupId'),
      arn: detail.Arn ?? groupArn(accountId, detail.GroupName),
      attachedPolicies: attachAll(state, detail.AttachedManagedPolicies),
      inlinePolicies: inlineAll(detail.GroupPolicyList),
    };
  }

  for (const detail of snapshot.UserDetailList) {
    for (const groupName of detail.GroupList) ensureGroup(state, groupName);
    state.users[detail.UserName] = {
      userName: detail.UserName,
      userId: text(detail, 'UserId') ?? iamIdFrom('AIDA', detail.UserName, 'userId'),
      arn: detail.Arn ?? userArn(accountId, detail.UserName),
      createDate: detail.CreateDate ?? '',
      groups: [...detail.GroupList],
      attachedPolicies: attachAll(state, detail.AttachedManagedPolicies),
      inlinePolicies: inlineAll(detail.UserPolicyList),
      // get-account-authorization-details does not list login profiles, so a user has a console password only when the pack adds LoginProfile.
      loginProfile: detail.LoginProfile ? { createDate: detail.CreateDate ?? '', passwordResetRequired: false } : null,
      tags: detail.Tags.map((tag) => ({ key: tag.Key, value: tag.Value })),
    };
  }

  for (const detail of snapshot.RoleDetailList) {
    state.roles[detail.RoleName] = {
      roleName: detail.RoleName,
      roleId: text(detail, 'RoleId') ?? iamIdFrom('AROA', detail.RoleName, 'roleId'),
      arn: detail.Arn ?? roleArn(accountId, detail.RoleName),
      createDate: detail.CreateDate ?? '',
      trustPolicy: parsePolicyDocument(detail.AssumeRolePolicyDocument) ?? {},
      attachedPolicies: attachAll(state, detail.AttachedManagedPolicies),
      inlinePolicies: inlineAll(detail.RolePolicyList),
    };
  }

  for (const key of snapshot.AccessKeyMetadata) {
    ensureUser(state, key.UserName);
    state.accessKeys[key.AccessKeyId] = { accessKeyId: key.AccessKeyId, userName: key.UserName, status: key.Status === 'Inactive' ? 'Inactive' : 'Active', createDate: key.CreateDate ?? '' };
  }
}

/** Add the incident responders' role, trusted by the account root and with AdministratorAccess, unless the pack has one. */
export function ensureIncidentResponder(state: AccountState, createDate: string): void {
  if (Object.hasOwn(state.roles, IncidentResponderRole)) return;
  ensureManagedPolicy(state, AdministratorAccessArn);
  state.roles[IncidentResponderRole] = {
    roleName: IncidentResponderRole,
    roleId: iamIdFrom('AROA', `${state.accountId}/${IncidentResponderRole}`, 'roleId'),
    arn: roleArn(state.accountId, IncidentResponderRole),
    createDate,
    trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${state.accountId}:root` }, Action: 'sts:AssumeRole' }] },
    attachedPolicies: [AdministratorAccessArn],
    inlinePolicies: {},
  };
}

/** Add a user the records show but the snapshot does not list. */
export function ensureUser(state: AccountState, userName: string): void {
  if (Object.hasOwn(state.users, userName)) return;
  state.users[userName] = {
    userName,
    userId: iamIdFrom('AIDA', `${state.accountId}/${userName}`, 'userId'),
    arn: userArn(state.accountId, userName),
    createDate: '',
    groups: [],
    attachedPolicies: [],
    inlinePolicies: {},
    loginProfile: null,
    tags: [],
  };
}

function ensureGroup(state: AccountState, groupName: string): void {
  if (Object.hasOwn(state.groups, groupName)) return;
  state.groups[groupName] = { groupName, groupId: iamIdFrom('AGPA', groupName, 'groupId'), arn: groupArn(state.accountId, groupName), attachedPolicies: [], inlinePolicies: {} };
}

function ensureManagedPolicy(state: AccountState, policyArn: string, name?: string): void {
  if (Object.hasOwn(state.policies, policyArn)) return;
  const policyName = name ?? policyArn.slice(policyArn.lastIndexOf('/') + 1);
  const customerManaged = !isAwsManagedArn(policyArn);
  state.policies[policyArn] = { arn: policyArn, policyName, customerManaged, defaultVersionId: 'v1', versions: {} };
}

function attachAll(state: AccountState, policies: { PolicyArn: string; PolicyName?: string | undefined }[]): string[] {
  for (const policy of policies) ensureManagedPolicy(state, policy.PolicyArn, policy.PolicyName);
  return policies.map((policy) => policy.PolicyArn);
}

function inlineAll(policies: { PolicyName: string; PolicyDocument?: unknown }[]): Record<string, PolicyDocument> {
  const inline: Record<string, PolicyDocument> = {};
  for (const policy of policies) inline[policy.PolicyName] = parsePolicyDocument(policy.PolicyDocument) ?? {};
  return inline;
}
