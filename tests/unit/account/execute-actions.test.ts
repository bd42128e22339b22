import { describe, expect, it } from 'vitest';
import type { ApiCall } from '../../../server/account/api-call.js';
import { executeCall } from '../../../server/account/index.js';
import { ALICE_KEY, PIPELINE_KEY, keyContext, responderContext, seedPack } from './pack.js';

const call = (service: ApiCall['service'], action: string, params: Record<string, unknown>, region = 'us-east-1'): ApiCall => ({ service, action, params, region });
const TRAIL = 'apexcorp-mgmt-trail';
const CONTRACT = { bucketName: 'apexcorp-customer-data', key: 'crm/contracts/enterprise-accounts-2025Q4.xlsx' };

describe('executeCall actions', () => {
  it('limits a user to two keys', () => {
    const state = seedPack();
    const first = executeCall(state, call('iam', 'CreateAccessKey', { userName: 'dev-deploy' }), responderContext('second-key'));
    expect(first.ok).toBe(true);
    const third = executeCall(state, call('iam', 'CreateAccessKey', { userName: 'dev-deploy' }), responderContext('third-key'));
    expect(third.errorCode).toBe('LimitExceeded');
    expect(third.errorMessage).toBe('Cannot exceed quota for AccessKeysPerUser: 2');
    expect(Object.values(state.accessKeys).filter((key) => key.userName === 'dev-deploy')).toHaveLength(2);
  });

  it('creates a key for the calling user', () => {
    const state = seedPack();
    const selfService = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: 'arn:aws:iam::123456789012:user/${aws:username}' }] };
    executeCall(state, call('iam', 'PutUserPolicy', { userName: 'alice.chen', policyName: 'self-service', policyDocument: selfService }), responderContext());
    expect(executeCall(state, call('iam', 'CreateAccessKey', { userName: 'bob.martinez' }), keyContext(ALICE_KEY, 'other-key')).errorCode).toBe('AccessDenied');

    const outcome = executeCall(state, call('iam', 'CreateAccessKey', {}), keyContext(ALICE_KEY, 'self-key'));
    expect(outcome.errorCode).toBeNull();
    expect(outcome.response?.AccessKey).toMatchObject({ UserName: 'alice.chen', Status: 'Active' });
  });

  it('stops recording after StopLogging', () => {
    const state = seedPack();
    const stop = executeCall(state, call('cloudtrail', 'StopLogging', { name: TRAIL }), responderContext('stop'));
    expect(stop.ok).toBe(true);
    expect(stop.record?.eventName).toBe('StopLogging');
    expect(stop.changes).toEqual([`Trail ${TRAIL} stopped logging.`]);

    const deactivate = executeCall(state, call('iam', 'UpdateAccessKey', { userName: 'dev-deploy', accessKeyId: PIPELINE_KEY, status: 'Inactive' }), responderContext('quiet'));
    expect(deactivate.ok).toBe(true);
    expect(deactivate.record).toBeNull();
    expect(state.accessKeys[PIPELINE_KEY]?.status).toBe('Inactive');
  });

  it('records again after StartLogging', () => {
    const state = seedPack();
    executeCall(state, call('cloudtrail', 'StopLogging', { name: TRAIL }), responderContext('stop'));
    const start = executeCall(state, call('cloudtrail', 'StartLogging', { name: `arn:aws:cloudtrail:us-east-1:123456789012:trail/${TRAIL}` }), responderContext('start'));
    expect(start.record?.eventName).toBe('StartLogging');
    expect(state.trails[TRAIL]?.logging).toBe(true);
    const status = executeCall(state, call('cloudtrail', 'GetTrailStatus', { name: TRAIL }), responderContext('status'));
    expect(status.response).toEqual({ IsLogging: true });
    expect(status.record).not.toBeNull();
  });

  it('needs S3 data events for GetObject records', () => {
    const state = seedPack();
    expect(executeCall(state, call('s3', 'GetObject', CONTRACT), keyContext(PIPELINE_KEY, 'read-1')).record?.eventCategory).toBe('Data');
    const selectors = executeCall(state, call('cloudtrail', 'PutEventSelectors', { trailName: TRAIL, readWriteType: 'All', includeManagementEvents: true, s3DataEvents: false }), responderContext('selectors'));
    expect(selectors.record?.eventName).toBe('PutEventSelectors');

    const read = executeCall(state, call('s3', 'GetObject', CONTRACT), keyContext(PIPELINE_KEY, 'read-2'));
    expect(read.ok).toBe(true);
    expect(read.response).toMatchObject({ ContentLength: 1963444 });
    expect(read.record).toBeNull();
    expect(executeCall(state, call('s3', 'ListBuckets', {}), keyContext(PIPELINE_KEY, 'list')).record?.eventCategory).toBe('Management');
  });

  it('changes a trail from its home region only', () => {
    const state = seedPack();
    const wrongRegion = executeCall(state, call('cloudtrail', 'StopLogging', { name: TRAIL }, 'eu-west-1'), responderContext());
    expect(wrongRegion.errorCode).toBe('InvalidHomeRegionException');
    expect(state.trails[TRAIL]?.logging).toBe(true);
  });

  it('reports missing resources', () => {
    const state = seedPack();
    const cases: [ApiCall, string, string][] = [
      [call('iam', 'DeleteUser', { userName: 'ghost' }), 'NoSuchEntity', 'The user with name ghost cannot be found.'],
      [call('iam', 'DeleteAccessKey', { userName: 'alice.chen', accessKeyId: PIPELINE_KEY }), 'NoSuchEntity', `The Access Key with id ${PIPELINE_KEY} cannot be found.`],
      [call('iam', 'CreateUser', { userName: 'alice.chen' }), 'EntityAlreadyExists', 'User with name alice.chen already exists.'],
      [call('iam', 'DeleteLoginProfile', { userName: 'alice.chen' }), 'NoSuchEntity', 'Login Profile for User alice.chen cannot be found.'],
      [call('iam', 'AttachUserPolicy', { userName: 'alice.chen', policyArn: 'arn:aws:iam::123456789012:policy/Nope' }), 'NoSuchEntity', 'Policy arn:aws:iam::123456789012:policy/Nope does not exist or is not attachable.'],
      [call('ec2', 'StopInstances', { instanceIds: ['i-0123456789abcdef0'] }), 'InvalidInstanceID.NotFound', "The instance ID 'i-0123456789abcdef0' does not exist"],
      [call('ec2', 'RevokeSecurityGroupIngress', { groupId: 'sg-0000', protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '0.0.0.0/0' }), 'InvalidGroup.NotFound', "The security group 'sg-0000' does not exist"],
      [call('s3', 'GetBucketPolicy', { bucketName: 'no-such-bucket' }), 'NoSuchBucket', 'The specified bucket does not exist'],
      [call('cloudtrail', 'DeleteTrail', { name: 'other-trail' }), 'TrailNotFoundException', 'Unknown trail: other-trail for the user: 123456789012'],
      [call('guardduty', 'DeleteDetector', { detectorId: 'abc' }), 'BadRequestException', 'The request is rejected because the input detectorId is not owned by the current account.'],
      [call('ec2', 'ModifySnapshotAttribute', { snapshotId: 'snap-1', operationType: 'remove', groupNames: ['all'] }), 'InvalidSnapshot.NotFound', "The snapshot 'snap-1' does not exist."],
    ];
    for (const [request, code, message] of cases) {
      const outcome = executeCall(state, request, responderContext());
      expect(outcome.errorCode, request.action).toBe(code);
      expect(outcome.errorMessage, request.action).toBe(message);
      expect(outcome.record?.errorCode, request.action).toBe(request.service === 'ec2' ? `Client.${code}` : code);
    }
  });

  it('refuses to delete a user with keys', () => {
    const outcome = executeCall(seedPack(), call('iam', 'DeleteUser', { userName: 'dev-deploy' }), responderContext());
    expect(outcome.errorCode).toBe('DeleteConflict');
    expect(outcome.errorMessage).toBe('Cannot delete entity, must delete access keys first.');
  });

  it('contains an instance and its group', () => {
    const state = seedPack();
    const run = executeCall(state, call('ec2', 'RunInstances', { imageId: 'ami-0abc1234', instanceType: 'c5.4xlarge', minCount: 2, maxCount: 2 }), keyContext(PIPELINE_KEY, 'miner'));
    expect(run.errorCode).toBe('UnauthorizedOperation');
    const launched = executeCall(state, call('ec2', 'RunInstances', { imageId: 'ami-0abc1234', instanceType: 'c5.4xlarge', minCount: 2, maxCount: 2 }), responderContext('miner'));
    const ids = (launched.response?.Instances as { InstanceId: string }[]).map((instance) => instance.InstanceId);
    expect(ids).toHaveLength(2);

    const stop = executeCall(state, call('ec2', 'StopInstances', { instanceIds: ids }), responderContext('stop'));
    expect(stop.changes).toEqual(ids.map((id) => `Instance ${id} was stopped.`));
    const terminate = executeCall(state, call('ec2', 'TerminateInstances', { instanceIds: [ids[0]] }), responderContext('terminate'));
    expect(terminate.response?.TerminatingInstances).toEqual([{ InstanceId: ids[0], CurrentState: { Code: 32, Name: 'shutting-down' }, PreviousState: { Code: 80, Name: 'stopped' } }]);
    const restart = executeCall(state, call('ec2', 'StartInstances', { instanceIds: [ids[0]] }), responderContext('restart'));
    expect(restart.errorCode).toBe('IncorrectInstanceState');
    const elsewhere = executeCall(state, call('ec2', 'DescribeInstances', { instanceIds: [ids[1]] }, 'us-west-2'), responderContext('elsewhere'));
    expect(elsewhere.errorCode).toBe('InvalidInstanceID.NotFound');
  });

  it('opens and closes a security group rule', () => {
    const state = seedPack();
    const groupId = Object.keys(state.securityGroups)[0]!;
    const rule = { groupId, protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '0.0.0.0/0' };
    expect(executeCall(state, call('ec2', 'AuthorizeSecurityGroupIngress', rule), responderContext('open')).ok).toBe(true);
    const duplicate = executeCall(state, call('ec2', 'AuthorizeSecurityGroupIngress', rule), responderContext('again'));
    expect(duplicate.errorCode).toBe('InvalidPermission.Duplicate');
    expect(executeCall(state, call('ec2', 'RevokeSecurityGroupIngress', rule), responderContext('close')).changes).toEqual([`Security group ${groupId} no longer allows tcp 22-22 from 0.0.0.0/0.`]);
  });

  it('shares and unshares a snapshot', () => {
    const state = seedPack();
    const created = executeCall(state, call('ec2', 'CreateSnapshot', { volumeId: 'vol-0abc12345678' }), responderContext('snapshot'));
    const snapshotId = String(created.response?.SnapshotId);
    const share = executeCall(state, call('ec2', 'ModifySnapshotAttribute', { snapshotId, operationType: 'add', groupNames: ['all'] }), responderContext('share'));
    expect(share.changes).toEqual([`Snapshot ${snapshotId} is now shared with everyone (public).`]);
    expect(share.record?.requestParameters).toMatchObject({ createVolumePermission: { add: { items: [{ group: 'all' }] } } });
    executeCall(state, call('ec2', 'ModifySnapshotAttribute', { snapshotId, operationType: 'remove', groupNames: ['all'] }), responderContext('unshare'));
    expect(state.snapshots[snapshotId]?.sharedWith).toEqual([]);
  });

  it('blocks public access to a bucket', () => {
    const state = seedPack();
    const bucketName = 'apexcorp-customer-data';
    expect(executeCall(state, call('s3', 'GetPublicAccessBlock', { bucketName }), responderContext()).errorCode).toBe('NoSuchPublicAccessBlockConfiguration');
    const put = executeCall(state, call('s3', 'PutPublicAccessBlock', { bucketName, blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }), responderContext());
    expect(put.changes).toEqual([`Public access to bucket ${bucketName} is now fully blocked.`]);
    expect(executeCall(state, call('s3', 'GetPublicAccessBlock', { bucketName }), responderContext()).response).toEqual({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    });
  });

  it('disables and recreates a detector', () => {
    const state = seedPack();
    const detectorId = '714f940f6afce2acd8c375bdd7a79a3a';
    expect(executeCall(state, call('guardduty', 'UpdateDetector', { detectorId, enable: false }), responderContext()).changes).toEqual([`GuardDuty detector ${detectorId} in us-east-1 is now DISABLED.`]);
    expect(executeCall(state, call('guardduty', 'CreateDetector', { enable: true }), responderContext()).errorCode).toBe('BadRequestException');
    executeCall(state, call('guardduty', 'DeleteDetector', { detectorId }), responderContext());
    expect(executeCall(state, call('guardduty', 'ListDetectors', {}), responderContext()).response).toEqual({ DetectorIds: [] });
    const created = executeCall(state, call('guardduty', 'CreateDetector', { enable: true }), responderContext('new-detector'));
    expect(created.response?.DetectorId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('manages policy versions', () => {
    const state = seedPack();
    const policyArn = 'arn:aws:iam::123456789012:policy/DevDeployPipelinePolicy';
    const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecr:*', Resource: '*' }] };
    const created = executeCall(state, call('iam', 'CreatePolicyVersion', { policyArn, policyDocument: document, setAsDefault: true }), responderContext());
    expect(created.response).toMatchObject({ PolicyVersion: { VersionId: 'v4', IsDefaultVersion: true } });
    expect(executeCall(state, call('iam', 'DeletePolicyVersion', { policyArn, versionId: 'v4' }), responderContext()).errorCode).toBe('DeleteConflict');
    expect(executeCall(state, call('iam', 'SetDefaultPolicyVersion', { policyArn, versionId: 'v3' }), responderContext()).ok).toBe(true);
    expect(executeCall(state, call('iam', 'AttachUserPolicy', { userName: 'dev-deploy', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }), keyContext(PIPELINE_KEY)).ok).toBe(true);
  });

  it('answers read calls from the model', () => {
    const state = seedPack();
    const keys = executeCall(state, call('iam', 'ListAccessKeys', { userName: 'dev-deploy' }), responderContext());
    expect(keys.response).toEqual({ AccessKeyMetadata: [{ UserName: 'dev-deploy', AccessKeyId: PIPELINE_KEY, Status: 'Active', CreateDate: '2025-11-20T08:00:00Z' }] });
    const trails = executeCall(state, call('cloudtrail', 'DescribeTrails', {}), responderContext());
    expect(trails.response?.trailList).toMatchObject([{ Name: TRAIL, IsMultiRegionTrail: true }]);
    const groups = executeCall(state, call('iam', 'ListGroupsForUser', { userName: 'dana.whitfield' }), responderContext());
    expect(groups.response?.Groups).toMatchObject([{ GroupName: 'Administrators' }]);
    const details = executeCall(state, call('iam', 'GetAccountAuthorizationDetails', {}), responderContext());
    expect((details.response?.UserDetailList as unknown[]).length).toBe(5);
  });
});
