import { describe, expect, it } from 'vitest';
import type { ApiCall } from '../../../server/account/api-call.js';
import { executeCall } from '../../../server/account/index.js';
import { ALICE_KEY, PIPELINE_KEY, keyContext, responderContext, seedPack } from './pack.js';

const iam = (action: string, params: Record<string, unknown>): ApiCall => ({ service: 'iam', action, params, region: 'us-east-1' });
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const DENY_ALL = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] };

describe('executeCall authorization', () => {
  it('denies a user without permission', () => {
    const outcome = executeCall(seedPack(), iam('ListRoles', {}), keyContext(PIPELINE_KEY));
    expect(outcome.errorCode).toBe('AccessDenied');
    expect(outcome.errorMessage).toBe(
      'User: arn:aws:iam::123456789012:user/dev-deploy is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::123456789012:role/ because no identity-based policy allows the iam:ListRoles action',
    );
    expect(outcome.record?.errorMessage).toBe(outcome.errorMessage);
  });

  it('allows what the user policy grants', () => {
    const state = seedPack();
    const outcome = executeCall(state, iam('AttachUserPolicy', { userName: 'dev-deploy', policyArn: ADMIN }), keyContext(PIPELINE_KEY));
    expect(outcome.ok).toBe(true);
    expect(outcome.changes).toEqual([`Policy ${ADMIN} was attached to IAM user dev-deploy.`]);
    expect(executeCall(state, iam('ListRoles', {}), keyContext(PIPELINE_KEY)).ok).toBe(true);
  });

  it('lets an explicit deny beat AdministratorAccess', () => {
    const state = seedPack();
    executeCall(state, iam('AttachUserPolicy', { userName: 'dev-deploy', policyArn: ADMIN }), keyContext(PIPELINE_KEY));
    const put = executeCall(state, iam('PutUserPolicy', { userName: 'dev-deploy', policyName: 'quarantine', policyDocument: DENY_ALL }), responderContext());
    expect(put.ok).toBe(true);

    const outcome = executeCall(state, iam('CreateUser', { userName: 'backdoor' }), keyContext(PIPELINE_KEY));
    expect(outcome.errorCode).toBe('AccessDenied');
    expect(outcome.errorMessage).toBe(
      'User: arn:aws:iam::123456789012:user/dev-deploy is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::123456789012:user/backdoor with an explicit deny in an identity-based policy',
    );
    expect(state.users.backdoor).toBeUndefined();
  });

  it('requires iam:PassRole for an instance profile', () => {
    const state = seedPack();
    const ec2Only = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }] };
    executeCall(state, iam('PutUserPolicy', { userName: 'alice.chen', policyName: 'ec2', policyDocument: ec2Only }), responderContext());
    const run: ApiCall = { service: 'ec2', action: 'RunInstances', params: { imageId: 'ami-0abc1234', instanceType: 't3.micro', minCount: 1, maxCount: 1, iamInstanceProfile: 'apexcorp-web-ec2-role' }, region: 'us-east-1' };
    const before = Object.keys(state.instances).length;

    const outcome = executeCall(state, run, keyContext(ALICE_KEY));
    expect(outcome.errorCode).toBe('UnauthorizedOperation');
    expect(outcome.errorMessage).toBe(
      'You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/alice.chen is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/apexcorp-web-ec2-role because no identity-based policy allows the iam:PassRole action',
    );
    expect(outcome.record?.errorCode).toBe('Client.UnauthorizedOperation');
    expect(Object.keys(state.instances)).toHaveLength(before);

    const withoutProfile = executeCall(state, { ...run, params: { imageId: 'ami-0abc1234', instanceType: 't3.micro', minCount: 1, maxCount: 1 } }, keyContext(ALICE_KEY));
    expect(withoutProfile.ok).toBe(true);
  });

  it('denies EC2 calls as UnauthorizedOperation', () => {
    const outcome = executeCall(seedPack(), { service: 'ec2', action: 'DescribeInstances', params: {}, region: 'us-east-1' }, keyContext(PIPELINE_KEY));
    expect(outcome.errorCode).toBe('UnauthorizedOperation');
    expect(outcome.errorMessage).toBe(
      'You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/dev-deploy is not authorized to perform: ec2:DescribeInstances because no identity-based policy allows the ec2:DescribeInstances action',
    );
  });

  it('denies GuardDuty calls as AccessDeniedException', () => {
    const outcome = executeCall(seedPack(), { service: 'guardduty', action: 'ListDetectors', params: {}, region: 'us-east-1' }, keyContext(PIPELINE_KEY));
    expect(outcome.errorCode).toBe('AccessDeniedException');
  });

  it('applies a bucket policy deny', () => {
    const state = seedPack();
    const read = { service: 's3' as const, action: 'GetObject', params: { bucketName: 'apexcorp-customer-data', key: 'crm/contracts/enterprise-accounts-2025Q4.xlsx' }, region: 'us-east-1' };
    expect(executeCall(state, read, keyContext(PIPELINE_KEY)).ok).toBe(true);

    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::123456789012:user/dev-deploy' }, Action: 's3:*', Resource: ['arn:aws:s3:::apexcorp-customer-data', 'arn:aws:s3:::apexcorp-customer-data/*'] }] };
    expect(executeCall(state, { service: 's3', action: 'PutBucketPolicy', params: { bucketName: 'apexcorp-customer-data', policy }, region: 'us-east-1' }, responderContext()).ok).toBe(true);

    const outcome = executeCall(state, read, keyContext(PIPELINE_KEY));
    expect(outcome.errorCode).toBe('AccessDenied');
    expect(outcome.errorMessage).toBe(
      'User: arn:aws:iam::123456789012:user/dev-deploy is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::apexcorp-customer-data/crm/contracts/enterprise-accounts-2025Q4.xlsx" with an explicit deny in a resource-based policy',
    );
  });

  it('lets a bucket policy grant a user', () => {
    const state = seedPack();
    executeCall(state, iam('CreateUser', { userName: 'auditor' }), responderContext('create-user'));
    const created = executeCall(state, iam('CreateAccessKey', { userName: 'auditor' }), responderContext('create-key'));
    const auditorKey = String((created.response?.AccessKey as Record<string, unknown>).AccessKeyId);
    const read = { service: 's3' as const, action: 'ListObjects', params: { bucketName: 'apexcorp-customer-data' }, region: 'us-east-1' };
    expect(executeCall(state, read, keyContext(auditorKey)).errorCode).toBe('AccessDenied');

    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:user/auditor' }, Action: 's3:ListBucket', Resource: 'arn:aws:s3:::apexcorp-customer-data' }] };
    executeCall(state, { service: 's3', action: 'PutBucketPolicy', params: { bucketName: 'apexcorp-customer-data', policy }, region: 'us-east-1' }, responderContext());
    const outcome = executeCall(state, read, keyContext(auditorKey));
    expect(outcome.ok).toBe(true);
    expect(outcome.response?.KeyCount).toBeGreaterThan(0);
  });

  it('answers GetCallerIdentity without permission', () => {
    const state = seedPack();
    executeCall(state, iam('PutUserPolicy', { userName: 'dev-deploy', policyName: 'quarantine', policyDocument: DENY_ALL }), responderContext());
    const outcome = executeCall(state, { service: 'sts', action: 'GetCallerIdentity', params: {}, region: 'us-east-1' }, keyContext(PIPELINE_KEY));
    expect(outcome.response).toEqual({ UserId: 'AIDABZPUZDIKCMY3CALC2', Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/dev-deploy' });
  });

  it('checks role trust on AssumeRole', () => {
    const state = seedPack();
    const assume = (roleArn: string): ApiCall => ({ service: 'sts', action: 'AssumeRole', params: { roleArn, roleSessionName: 'probe' }, region: 'us-east-1' });
    const lambdaRole = executeCall(state, assume('arn:aws:iam::123456789012:role/apexcorp-order-processor-role'), responderContext());
    expect(lambdaRole.errorCode).toBe('AccessDenied');
    const responder = executeCall(state, assume('arn:aws:iam::123456789012:role/IncidentResponder'), responderContext());
    expect(responder.ok).toBe(true);
    expect(responder.response?.AssumedRoleUser).toMatchObject({ Arn: 'arn:aws:sts::123456789012:assumed-role/IncidentResponder/probe' });
  });
});
