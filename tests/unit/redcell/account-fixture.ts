import type { ApiCall, CallOutcome } from '../../../server/account/api-call.js';
import type { AccountState } from '../../../server/account/state.js';

export const ACCOUNT_ID = '123456789012';
export const DEPLOY_KEY = 'AKIABZPUZDIKDNQIULWG';
export const ADMIN_KEY = 'AKIABZPUZDIKADMINKEY';
export const DETECTOR_ID = '714f940f6afce2acd8c375bdd7a79a3a';
export const ADMIN_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';
export const PIPELINE_POLICY = `arn:aws:iam::${ACCOUNT_ID}:policy/DevDeployPipelinePolicy`;

function user(userName: string, userId: string, extra: Partial<AccountState['users'][string]> = {}): AccountState['users'][string] {
  return {
    userName,
    userId,
    arn: `arn:aws:iam::${ACCOUNT_ID}:user/${userName}`,
    createDate: '2025-01-10T09:00:00Z',
    groups: [],
    attachedPolicies: [],
    inlinePolicies: {},
    loginProfile: null,
    tags: [],
    ...extra,
  };
}

/** Build a small account: a CI user with one key, an admin, a bucket with objects, a trail and a detector. */
export function smallAccount(): AccountState {
  return {
    accountId: ACCOUNT_ID,
    users: {
      'dev-deploy': user('dev-deploy', 'AIDABZPUZDIKCMY3CALC2', { attachedPolicies: [PIPELINE_POLICY] }),
      'dana.whitfield': user('dana.whitfield', 'AIDABZPUZDIKDANAW0001', { groups: ['Administrators'] }),
    },
    groups: {
      Administrators: { groupName: 'Administrators', groupId: 'AGPABZPUZDIKADMINS001', arn: `arn:aws:iam::${ACCOUNT_ID}:group/Administrators`, attachedPolicies: [ADMIN_ARN], inlinePolicies: {} },
    },
    roles: {
      'apexcorp-web-ec2-role': {
        roleName: 'apexcorp-web-ec2-role',
        roleId: 'AROABZPUZDIKWEBROLE01',
        arn: `arn:aws:iam::${ACCOUNT_ID}:role/apexcorp-web-ec2-role`,
        createDate: '2025-01-10T09:00:00Z',
        trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        attachedPolicies: [],
        inlinePolicies: {},
      },
    },
    policies: {
      [PIPELINE_POLICY]: {
        arn: PIPELINE_POLICY,
        policyName: 'DevDeployPipelinePolicy',
        customerManaged: true,
        defaultVersionId: 'v1',
        versions: { v1: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:PutObject'], Resource: '*' }] } },
      },
    },
    accessKeys: {
      [DEPLOY_KEY]: { accessKeyId: DEPLOY_KEY, userName: 'dev-deploy', status: 'Active', createDate: '2025-01-10T09:00:00Z' },
      [ADMIN_KEY]: { accessKeyId: ADMIN_KEY, userName: 'dana.whitfield', status: 'Active', createDate: '2025-01-10T09:00:00Z' },
    },
    buckets: {
      'apexcorp-customer-data': {
        name: 'apexcorp-customer-data',
        region: 'us-east-1',
        policy: null,
        publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
        objects: Array.from({ length: 30 }, (_, index) => ({ key: `exports/customers-${String(index).padStart(3, '0')}.csv`, size: 1_000 + index })).concat([{ key: 'readme.txt', size: 10 }]),
      },
    },
    securityGroups: {},
    instances: {
      'i-0fd91cc27ccef9e51': {
        instanceId: 'i-0fd91cc27ccef9e51',
        region: 'us-east-1',
        instanceType: 't3.large',
        imageId: 'ami-0c2a7f4b9e1d53a86',
        state: 'running',
        launchTime: '2026-03-19T10:04:52Z',
        securityGroupIds: [],
        roleName: 'apexcorp-web-ec2-role',
        tags: [{ key: 'Name', value: 'apexcorp-web-01' }],
      },
    },
    snapshots: {
      'snap-0a1b2c3d4e5f60718': { snapshotId: 'snap-0a1b2c3d4e5f60718', region: 'us-east-1', volumeSize: 100, sharedWith: [] },
    },
    trails: {
      'apexcorp-mgmt-trail': {
        name: 'apexcorp-mgmt-trail',
        arn: `arn:aws:cloudtrail:us-east-1:${ACCOUNT_ID}:trail/apexcorp-mgmt-trail`,
        homeRegion: 'us-east-1',
        isMultiRegion: true,
        logging: true,
        managementEvents: true,
        s3DataEvents: true,
        s3BucketName: 'apexcorp-cloudtrail-logs',
      },
    },
    detectors: {
      [DETECTOR_ID]: { detectorId: DETECTOR_ID, region: 'us-east-1', status: 'ENABLED', exists: true },
    },
  };
}

/** An outcome as the account engine would return it, built by hand. */
export function outcome(call: ApiCall, result: { ok?: boolean; errorCode?: string; response?: Record<string, unknown>; eventTime?: string } = {}): CallOutcome {
  const ok = result.ok ?? result.errorCode === undefined;
  return {
    call,
    ok,
    errorCode: ok ? null : (result.errorCode ?? 'AccessDenied'),
    errorMessage: ok ? null : 'denied',
    response: ok ? (result.response ?? {}) : null,
    record: {
      eventID: `evt-${call.action}`,
      eventTime: result.eventTime ?? '2026-05-08T02:10:00Z',
      eventName: call.action,
      eventSource: `${call.service}.amazonaws.com`,
      userIdentity: { type: 'IAMUser', principalId: 'AIDABZPUZDIKCMY3CALC2', accessKeyId: DEPLOY_KEY, userName: 'dev-deploy' },
    },
    changes: [],
  };
}

/** Outcomes of every planned call, all succeeding, with the CLI's responses for created resources. */
export function allSucceed(calls: ApiCall[], responses: Partial<Record<string, Record<string, unknown>>> = {}): CallOutcome[] {
  return calls.map((call) => outcome(call, { response: responses[call.action] ?? {} }));
}
