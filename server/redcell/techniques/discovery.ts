import { apiCall, keyRevoked } from '../calls.js';
import { param } from '../params.js';
import { defineTechnique, type Technique } from '../technique.js';

// Discovery gains knowledge, not access: blue teams contain it by revoking the key it used.

const cloudAccountDiscovery = { id: 'T1087.004', name: 'Account Discovery: Cloud Account' };

export const callerIdentity = defineTechnique({
  id: 'whoami',
  name: 'Check whose key it is',
  tactic: 'discovery',
  mitre: cloudAccountDiscovery,
  description:
    'Ask STS which principal the key belongs to, then read that user. Attackers do this first with any stolen key. GetCallerIdentity needs no permission, so it succeeds for every working key.',
  calls: ['sts:GetCallerIdentity', 'iam:GetUser'],
  params: {},
  findingTypes: ['Discovery:IAMUser/AnomalousBehavior', 'UnauthorizedAccess:IAMUser/TorIPCaller'],
  plan: (_params, context) => [apiCall('sts', 'GetCallerIdentity', {}, context.region), apiCall('iam', 'GetUser', {}, context.region)],
  isContained: (params, _outcomes, state) => keyRevoked(state, params.accessKey),
});

export const enumerateIamUsers = defineTechnique({
  id: 'enumerate-iam-users',
  name: 'Enumerate IAM users and their policies',
  tactic: 'discovery',
  mitre: cloudAccountDiscovery,
  description:
    'List the IAM users, then list the managed policies attached to each one, looking for an administrator or a user the key can take over. Every call is a separate CloudTrail event, so the burst stands out on a timeline.',
  calls: ['iam:ListUsers', 'iam:ListAttachedUserPolicies'],
  params: {
    maxUsers: param.count(1, 50, { label: 'Users to inspect', defaultValue: '10', help: 'How many users to list attached policies for, in name order.' }),
  },
  findingTypes: ['Discovery:IAMUser/AnomalousBehavior', 'UnauthorizedAccess:IAMUser/TorIPCaller'],
  plan: (params, context) => {
    const users = Object.keys(context.state.users).sort().slice(0, params.maxUsers);
    return [
      apiCall('iam', 'ListUsers', {}, context.region),
      ...users.map((userName) => apiCall('iam', 'ListAttachedUserPolicies', { userName }, context.region)),
    ];
  },
  isContained: (params, _outcomes, state) => keyRevoked(state, params.accessKey),
});

export const authorizationDetails = defineTechnique({
  id: 'download-authorization-details',
  name: 'Download the whole IAM configuration',
  tactic: 'discovery',
  mitre: { id: 'T1069.003', name: 'Permission Groups Discovery: Cloud Groups' },
  description:
    'Call GetAccountAuthorizationDetails, which returns every user, group, role and policy with their documents in one response. One call maps the whole account. It needs iam:GetAccountAuthorizationDetails.',
  calls: ['iam:GetAccountAuthorizationDetails'],
  params: {},
  findingTypes: ['Discovery:IAMUser/AnomalousBehavior', 'UnauthorizedAccess:IAMUser/TorIPCaller'],
  plan: (_params, context) => [apiCall('iam', 'GetAccountAuthorizationDetails', {}, context.region)],
  isContained: (params, _outcomes, state) => keyRevoked(state, params.accessKey),
});

export const enumerateS3 = defineTechnique({
  id: 'enumerate-s3',
  name: 'Enumerate S3 buckets and objects',
  tactic: 'discovery',
  mitre: { id: 'T1619', name: 'Cloud Storage Object Discovery' },
  description:
    'List the buckets, then list the objects of each one to find data worth taking. ListObjects is a data event: CloudTrail records it only on trails with S3 data events turned on.',
  calls: ['s3:ListBuckets', 's3:ListObjects'],
  params: {
    maxBuckets: param.count(1, 50, { label: 'Buckets to list', defaultValue: '10', help: 'How many buckets to list objects of, in name order.' }),
  },
  findingTypes: ['Discovery:IAMUser/AnomalousBehavior', 'Discovery:S3/AnomalousBehavior', 'UnauthorizedAccess:IAMUser/TorIPCaller', 'UnauthorizedAccess:S3/TorIPCaller'],
  plan: (params, context) => {
    const buckets = Object.values(context.state.buckets)
      .sort((a, b) => a.name.localeCompare(b.name))
      .slice(0, params.maxBuckets);
    return [
      apiCall('s3', 'ListBuckets', {}, context.region),
      ...buckets.map((bucket) => apiCall('s3', 'ListObjects', { bucketName: bucket.name }, bucket.region)),
    ];
  },
  isContained: (params, _outcomes, state) => keyRevoked(state, params.accessKey),
});

export const enumerateEc2 = defineTechnique({
  id: 'enumerate-ec2',
  name: 'Enumerate EC2 in a region',
  tactic: 'discovery',
  mitre: { id: 'T1580', name: 'Cloud Infrastructure Discovery' },
  description:
    'Describe the instances, security groups and snapshots of one region, looking for instance roles to borrow, open ports and disks to copy.',
  calls: ['ec2:DescribeInstances', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSnapshots'],
  params: {
    region: param.region(false, { label: 'Region', help: "Region to describe; empty for the scenario's primary region." }),
  },
  findingTypes: ['Discovery:IAMUser/AnomalousBehavior', 'UnauthorizedAccess:IAMUser/TorIPCaller'],
  plan: (params, context) => {
    const region = params.region ?? context.region;
    return [
      apiCall('ec2', 'DescribeInstances', {}, region),
      apiCall('ec2', 'DescribeSecurityGroups', {}, region),
      apiCall('ec2', 'DescribeSnapshots', {}, region),
    ];
  },
  isContained: (params, _outcomes, state) => keyRevoked(state, params.accessKey),
});

export const discoveryTechniques: Technique[] = [callerIdentity, enumerateIamUsers, authorizationDetails, enumerateS3, enumerateEc2];
