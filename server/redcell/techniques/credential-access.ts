import { apiCall, createdKeyIds, keyRevoked, whoamiOnly } from '../calls.js';
import { param } from '../params.js';
import { defineTechnique, type Technique } from '../technique.js';

export const useStolenKey = defineTechnique({
  id: 'use-stolen-key',
  name: 'Use a stolen access key',
  tactic: 'credential-access',
  mitre: { id: 'T1078.004', name: 'Valid Accounts: Cloud Accounts' },
  description:
    "Sign calls with a leaked long-term key: check whose it is and list the owner's keys. A deactivated key fails with InvalidClientTokenId and a deleted one too, so this move shows whether blue teams have revoked it.",
  calls: ['sts:GetCallerIdentity', 'iam:ListAccessKeys'],
  params: {},
  findingTypes: ['UnauthorizedAccess:IAMUser/TorIPCaller', 'PenTest:IAMUser/KaliLinux', 'Discovery:IAMUser/AnomalousBehavior'],
  plan: (_params, context) => [apiCall('sts', 'GetCallerIdentity', {}, context.region), apiCall('iam', 'ListAccessKeys', {}, context.region)],
  isContained: (params, _outcomes, state) => keyRevoked(state, params.accessKey),
});

export const createKeyForUser = defineTechnique({
  id: 'create-key-for-user',
  name: 'Create an access key for another user',
  tactic: 'credential-access',
  mitre: { id: 'T1098.001', name: 'Account Manipulation: Additional Cloud Credentials' },
  description:
    "Create a second access key for another IAM user, such as an administrator, and keep its secret. IAM allows two keys per user, so the call fails with LimitExceeded when the user already has two. Contained once the new key is inactive or deleted.",
  calls: ['iam:CreateAccessKey'],
  params: {
    userName: param.user(true, { label: 'Target user', help: 'IAM user to create the key for.' }),
  },
  findingTypes: ['Persistence:IAMUser/AnomalousBehavior', 'UnauthorizedAccess:IAMUser/TorIPCaller'],
  plan: (params, context) => (params.userName ? [apiCall('iam', 'CreateAccessKey', { userName: params.userName }, context.region)] : whoamiOnly(context.region)),
  isContained: (_params, outcomes, state) => createdKeyIds(outcomes).every((id) => keyRevoked(state, id)),
});

export const credentialAccessTechniques: Technique[] = [useStolenKey, createKeyForUser];
