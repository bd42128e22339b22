import type { BuildResult, CommandSpec, OptionSpec, OptionValues, ServiceSpec } from '../command-spec.js';
import { jsonOption, stringOption } from '../command-spec.js';
import { jsonObjectValue } from './values.js';

const userName = (required: boolean): OptionSpec => stringOption('user-name', 'userName', 'Name of the IAM user.', required);
const roleName = stringOption('role-name', 'roleName', 'Name of the IAM role.', true);
const policyArn = stringOption('policy-arn', 'policyArn', 'ARN of the managed policy, such as arn:aws:iam::aws:policy/AdministratorAccess.', true);
const policyName = stringOption('policy-name', 'policyName', 'Name of the inline policy.', true);
const accessKeyId = stringOption('access-key-id', 'accessKeyId', 'Access key id, such as AKIAIOSFODNN7EXAMPLE.', true);
const versionId = stringOption('version-id', 'versionId', 'Policy version id, such as v2.', true);
const policyDocument = jsonOption('policy-document', 'Policy as inline JSON in single quotes.');

/** Copy the JSON object of option `option` to parameter `param`. */
function withDocument(option: string, param: string) {
  return (values: OptionValues, params: Record<string, unknown>): BuildResult => {
    const parsed = jsonObjectValue(values, option);
    if (!parsed.ok) return parsed;
    return { ok: true, params: { ...params, [param]: parsed.value } };
  };
}

const commands: CommandSpec[] = [
  { name: 'list-users', action: 'ListUsers', summary: 'List the IAM users.', options: [] },
  { name: 'get-user', action: 'GetUser', summary: 'Show one IAM user, or the caller when --user-name is left out.', options: [userName(false)] },
  { name: 'list-roles', action: 'ListRoles', summary: 'List the IAM roles.', options: [] },
  { name: 'list-policies', action: 'ListPolicies', summary: 'List the managed policies.', options: [] },
  { name: 'list-access-keys', action: 'ListAccessKeys', summary: "List a user's access keys and their status.", options: [userName(false)] },
  { name: 'list-attached-user-policies', action: 'ListAttachedUserPolicies', summary: 'List the managed policies attached to a user.', options: [userName(true)] },
  { name: 'list-user-policies', action: 'ListUserPolicies', summary: "List the names of a user's inline policies.", options: [userName(true)] },
  { name: 'list-groups-for-user', action: 'ListGroupsForUser', summary: 'List the groups a user belongs to.', options: [userName(true)] },
  { name: 'get-account-authorization-details', action: 'GetAccountAuthorizationDetails', summary: 'Show every user, group, role and policy with their permissions.', options: [] },
  { name: 'create-access-key', action: 'CreateAccessKey', summary: 'Create an access key for a user.', options: [userName(false)] },
  {
    name: 'update-access-key',
    example: 'aws iam update-access-key --user-name dev-deploy --access-key-id AKIAIOSFODNN7EXAMPLE --status Inactive',
    action: 'UpdateAccessKey',
    summary: 'Deactivate (Inactive) or reactivate (Active) an access key.',
    silent: true,
    options: [accessKeyId, { name: 'status', kind: 'string', param: 'status', required: true, choices: ['Active', 'Inactive'], help: 'New status of the key.' }, userName(false)],
  },
  { name: 'delete-access-key', action: 'DeleteAccessKey', summary: 'Delete an access key.', silent: true, options: [accessKeyId, userName(false)] },
  { name: 'delete-login-profile', action: 'DeleteLoginProfile', summary: "Remove a user's console password.", silent: true, options: [userName(true)] },
  {
    name: 'update-login-profile',
    action: 'UpdateLoginProfile',
    summary: 'Require (or stop requiring) a password reset at the next console sign-in.',
    silent: true,
    options: [
      userName(true),
      { name: 'password-reset-required', kind: 'boolean', param: 'passwordResetRequired', help: 'Whether the user must set a new password at the next sign-in.' },
    ],
  },
  { name: 'attach-user-policy', action: 'AttachUserPolicy', summary: 'Attach a managed policy to a user, such as a deny-all policy.', silent: true, options: [userName(true), policyArn] },
  { name: 'detach-user-policy', action: 'DetachUserPolicy', summary: 'Detach a managed policy from a user.', silent: true, options: [userName(true), policyArn] },
  { name: 'attach-role-policy', action: 'AttachRolePolicy', summary: 'Attach a managed policy to a role.', silent: true, options: [roleName, policyArn] },
  { name: 'detach-role-policy', action: 'DetachRolePolicy', summary: 'Detach a managed policy from a role.', silent: true, options: [roleName, policyArn] },
  {
    name: 'put-user-policy',
    example: `aws iam put-user-policy --user-name dev-deploy --policy-name deny-all --policy-document '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}'`,
    action: 'PutUserPolicy',
    summary: 'Add or replace an inline policy of a user.',
    silent: true,
    options: [userName(true), policyName, policyDocument],
    build: withDocument('policy-document', 'policyDocument'),
  },
  { name: 'delete-user-policy', action: 'DeleteUserPolicy', summary: 'Delete an inline policy of a user.', silent: true, options: [userName(true), policyName] },
  {
    name: 'put-role-policy',
    action: 'PutRolePolicy',
    summary: 'Add or replace an inline policy of a role.',
    silent: true,
    options: [roleName, policyName, policyDocument],
    build: withDocument('policy-document', 'policyDocument'),
  },
  { name: 'delete-role-policy', action: 'DeleteRolePolicy', summary: 'Delete an inline policy of a role.', silent: true, options: [roleName, policyName] },
  {
    name: 'remove-user-from-group',
    action: 'RemoveUserFromGroup',
    summary: 'Remove a user from a group.',
    silent: true,
    options: [stringOption('group-name', 'groupName', 'Name of the IAM group.', true), userName(true)],
  },
  {
    name: 'update-assume-role-policy',
    action: 'UpdateAssumeRolePolicy',
    summary: "Replace a role's trust policy, which says who may assume it.",
    silent: true,
    options: [roleName, policyDocument],
    build: withDocument('policy-document', 'policyDocument'),
  },
  { name: 'set-default-policy-version', action: 'SetDefaultPolicyVersion', summary: 'Make another version of a managed policy the one in force.', silent: true, options: [policyArn, versionId] },
  { name: 'delete-policy-version', action: 'DeletePolicyVersion', summary: 'Delete a version of a managed policy that is not the default.', silent: true, options: [policyArn, versionId] },
  { name: 'delete-user', action: 'DeleteUser', summary: 'Delete an IAM user (its keys, policies and groups must be removed first).', silent: true, options: [userName(true)] },
];

export const iamService: ServiceSpec = { name: 'iam', service: 'iam', summary: 'Users, roles, access keys and policies.', commands };
