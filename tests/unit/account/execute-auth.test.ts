import { describe, expect, it } from 'vitest';
import type { ApiCall } from '../../../server/account/api-call.js';
import { executeCall } from '../../../server/account/index.js';
import { ALICE_KEY, PIPELINE_KEY, keyContext, responderContext, seedPack } from './pack.js';

const listKeys: ApiCall = { service: 'iam', action: 'ListAccessKeys', params: { userName: 'dev-deploy' }, region: 'us-east-1' };
const deactivate = (accessKeyId: string): ApiCall => ({ service: 'iam', action: 'UpdateAccessKey', params: { userName: 'alice.chen', accessKeyId, status: 'Inactive' }, region: 'us-east-1' });

describe('executeCall authentication', () => {
  it('rejects a deactivated key and records it', () => {
    const state = seedPack();
    expect(executeCall(state, deactivate(ALICE_KEY), responderContext()).ok).toBe(true);

    const outcome = executeCall(state, listKeys, keyContext(ALICE_KEY));
    expect(outcome.ok).toBe(false);
    expect(outcome.errorCode).toBe('InvalidClientTokenId');
    expect(outcome.errorMessage).toBe('The security token included in the request is invalid.');
    expect(outcome.response).toBeNull();
    expect(outcome.record?.errorCode).toBe('InvalidClientTokenId');
    expect(outcome.record?.userIdentity).toMatchObject({ type: 'IAMUser', userName: 'alice.chen', accessKeyId: ALICE_KEY });
  });

  it('uses each service code', () => {
    const state = seedPack();
    executeCall(state, deactivate(ALICE_KEY), responderContext());
    const cases: [ApiCall, string][] = [
      [{ service: 's3', action: 'ListBuckets', params: {}, region: 'us-east-1' }, 'InvalidAccessKeyId'],
      [{ service: 'ec2', action: 'DescribeInstances', params: {}, region: 'us-east-1' }, 'AuthFailure'],
      [{ service: 'sts', action: 'GetCallerIdentity', params: {}, region: 'us-east-1' }, 'InvalidClientTokenId'],
      [{ service: 'cloudtrail', action: 'DescribeTrails', params: {}, region: 'us-east-1' }, 'UnrecognizedClientException'],
      [{ service: 'guardduty', action: 'ListDetectors', params: {}, region: 'us-east-1' }, 'UnrecognizedClientException'],
    ];
    for (const [call, code] of cases) expect(executeCall(state, call, keyContext(ALICE_KEY)).errorCode).toBe(code);
  });

  it('records EC2 failures with the Client prefix', () => {
    const state = seedPack();
    executeCall(state, deactivate(ALICE_KEY), responderContext());
    const outcome = executeCall(state, { service: 'ec2', action: 'DescribeInstances', params: {}, region: 'us-east-1' }, keyContext(ALICE_KEY));
    expect(outcome.record?.errorCode).toBe('Client.AuthFailure');
  });

  it('rejects a deleted key', () => {
    const state = seedPack();
    const remove: ApiCall = { service: 'iam', action: 'DeleteAccessKey', params: { userName: 'dev-deploy', accessKeyId: PIPELINE_KEY }, region: 'us-east-1' };
    expect(executeCall(state, remove, responderContext()).changes).toEqual([`Access key ${PIPELINE_KEY} of IAM user dev-deploy was deleted.`]);

    const outcome = executeCall(state, listKeys, keyContext(PIPELINE_KEY));
    expect(outcome.errorCode).toBe('InvalidClientTokenId');
    expect(outcome.record).toBeNull();
    const s3 = executeCall(state, { service: 's3', action: 'GetObject', params: { bucketName: 'apexcorp-customer-data', key: 'crm/contracts/enterprise-accounts-2025Q4.xlsx' }, region: 'us-east-1' }, keyContext(PIPELINE_KEY));
    expect(s3.errorCode).toBe('InvalidAccessKeyId');
    expect(s3.errorMessage).toBe('The AWS Access Key Id you provided does not exist in our records.');
  });

  it('rejects a session of a deleted role', () => {
    const state = seedPack();
    delete state.roles.IncidentResponder;
    const outcome = executeCall(state, listKeys, responderContext());
    expect(outcome.errorCode).toBe('InvalidClientTokenId');
    expect(outcome.record?.userIdentity).toMatchObject({ type: 'AssumedRole' });
  });

  it('rejects an unknown action', () => {
    const outcome = executeCall(seedPack(), { service: 'iam', action: 'CreateVirtualMFADevice', params: {}, region: 'us-east-1' }, responderContext());
    expect(outcome.errorCode).toBe('InvalidAction');
    expect(outcome.errorMessage).toContain('CreateVirtualMFADevice');
    expect(outcome.record).toBeNull();
    const unknownService = { service: 'lambda', action: 'ListFunctions', params: {}, region: 'us-east-1' } as unknown as ApiCall;
    expect(executeCall(seedPack(), unknownService, responderContext()).errorCode).toBe('InvalidAction');
  });

  it('rejects an invalid call time', () => {
    const outcome = executeCall(seedPack(), listKeys, { ...responderContext(), at: 'yesterday' });
    expect(outcome.errorCode).toBe('InvalidParameterValue');
    expect(outcome.errorMessage).toContain('"yesterday"');
  });

  it('rejects invalid parameters by field', () => {
    const state = seedPack();
    const before = JSON.stringify(state);
    const outcome = executeCall(state, { service: 'iam', action: 'UpdateAccessKey', params: { accessKeyId: 'nope', status: 'Inactive' }, region: 'us-east-1' }, responderContext());
    expect(outcome.errorCode).toBe('ValidationError');
    expect(outcome.errorMessage).toMatch(/^Invalid parameter accessKeyId for UpdateAccessKey: must be an access key id/);
    const extra = executeCall(state, { service: 'ec2', action: 'StopInstances', params: { instanceIds: ['i-1'], hibernate: true }, region: 'us-east-1' }, responderContext());
    expect(extra.errorCode).toBe('InvalidParameterValue');
    expect(extra.errorMessage).toContain('unknown parameter hibernate');
    expect(JSON.stringify(state)).toBe(before);
  });
});
