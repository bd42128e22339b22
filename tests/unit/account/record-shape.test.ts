import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ApiCall, CloudTrailRecord } from '../../../server/account/api-call.js';
import { executeCall } from '../../../server/account/index.js';
import { PIPELINE_KEY, keyContext, packRecords, responderContext, seedPack } from './pack.js';

const scripted = (eventName: string, errorCode?: string): CloudTrailRecord => {
  const found = packRecords().find((record) => record.eventName === eventName && record.errorCode === errorCode);
  if (!found) throw new Error(`The pack has no ${eventName} record with error ${errorCode ?? 'none'}.`);
  return found;
};
const keysOf = (value: unknown): string[] => Object.keys(value as Record<string, unknown>);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('executeCall records', () => {
  it('match an IAM management record', () => {
    const outcome = executeCall(seedPack(), { service: 'iam', action: 'CreateUser', params: { userName: 'svc-audit' }, region: 'eu-west-1' }, responderContext('create'));
    const record = outcome.record!;
    const real = scripted('CreateUser');
    expect(keysOf(record)).toEqual(keysOf(real));
    expect(record.awsRegion).toBe('us-east-1');
    expect(keysOf(record.responseElements)).toEqual(keysOf(real.responseElements));
    expect(keysOf((record.responseElements as { user: unknown }).user)).toEqual(keysOf((real.responseElements as { user: unknown }).user));
    expect(record).toMatchObject({ eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', eventTime: '2026-05-08T04:00:00Z', readOnly: false, eventType: 'AwsApiCall', managementEvent: true, eventCategory: 'Management', recipientAccountId: '123456789012' });
    expect(record.requestParameters).toEqual({ userName: 'svc-audit' });
  });

  it('match a denied record', () => {
    const outcome = executeCall(seedPack(), { service: 'iam', action: 'ListRoles', params: {}, region: 'us-east-1' }, keyContext(PIPELINE_KEY));
    const real = scripted('ListRoles', 'AccessDenied');
    expect(keysOf(outcome.record)).toEqual(keysOf(real));
    expect(outcome.record?.userIdentity).toEqual(real.userIdentity);
    expect(outcome.record?.errorMessage).toBe(real.errorMessage);
  });

  it('match an S3 data record', () => {
    const outcome = executeCall(seedPack(), { service: 's3', action: 'GetObject', params: { bucketName: 'apexcorp-customer-data', key: 'crm/contracts/enterprise-accounts-2025Q4.xlsx' }, region: 'us-east-1' }, keyContext(PIPELINE_KEY));
    const record = outcome.record!;
    const real = scripted('GetObject');
    expect(keysOf(record)).toEqual(keysOf(real));
    expect(record.requestParameters).toEqual(real.requestParameters);
    expect(record.resources).toEqual(real.resources);
    expect(keysOf(record.additionalEventData)).toEqual(keysOf(real.additionalEventData));
    expect(record).toMatchObject({ eventCategory: 'Data', managementEvent: false, readOnly: true });
    expect(record.requestID).toMatch(/^[A-Z0-9]{16}$/);
    expect((record.additionalEventData as { bytesTransferredOut: number }).bytesTransferredOut).toBe(1963444);
  });

  it('match an EC2 record', () => {
    const state = seedPack();
    const groupId = Object.keys(state.securityGroups)[0]!;
    const call: ApiCall = { service: 'ec2', action: 'AuthorizeSecurityGroupIngress', params: { groupId, protocol: 'tcp', fromPort: 0, toPort: 65535, cidr: '0.0.0.0/0' }, region: 'us-east-1' };
    const record = executeCall(state, call, responderContext()).record!;
    const real = scripted('AuthorizeSecurityGroupIngress');
    expect(keysOf(record)).toEqual(keysOf(real));
    expect(record.requestParameters).toEqual({ ...(real.requestParameters as object), groupId });
    expect((record.tlsDetails as { clientProvidedHostHeader: string }).clientProvidedHostHeader).toBe('ec2.us-east-1.amazonaws.com');
  });

  it('list launched instances in instancesSet', () => {
    const call: ApiCall = { service: 'ec2', action: 'RunInstances', params: { imageId: 'ami-0a7d3f2c6e9b41d85', instanceType: 'c5.4xlarge', minCount: 3, maxCount: 3 }, region: 'us-east-1' };
    const record = executeCall(seedPack(), call, responderContext()).record!;
    expect(record.requestParameters).toMatchObject({ instancesSet: { items: [{ imageId: 'ami-0a7d3f2c6e9b41d85', minCount: 3, maxCount: 3 }] }, instanceType: 'c5.4xlarge' });
    const items = (record.responseElements as { instancesSet: { items: { instanceId: string }[] } }).instancesSet.items;
    expect(items).toHaveLength(3);
    for (const item of items) expect(item.instanceId).toMatch(/^i-[0-9a-f]{17}$/);
  });

  it('describe an assumed-role session', () => {
    const record = executeCall(seedPack(), { service: 'iam', action: 'ListUsers', params: {}, region: 'us-east-1' }, responderContext()).record!;
    const analytics = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'scenarios', 'apexcorp-analytics', 'cloudtrail', 'attack.json'), 'utf8')) as { Records: CloudTrailRecord[] };
    const real = analytics.Records.find((item) => (item.userIdentity as { type: string }).type === 'AssumedRole')!;
    const identity = record.userIdentity as Record<string, Record<string, unknown>>;
    const realIdentity = real.userIdentity as Record<string, Record<string, unknown>>;
    expect(keysOf(identity)).toEqual(keysOf(realIdentity));
    expect(keysOf(identity.sessionContext)).toEqual(keysOf(realIdentity.sessionContext));
    expect(identity.sessionContext?.sessionIssuer).toMatchObject({ type: 'Role', arn: 'arn:aws:iam::123456789012:role/IncidentResponder', userName: 'IncidentResponder' });
    expect(identity.arn).toBe('arn:aws:sts::123456789012:assumed-role/IncidentResponder/blue-team-1');
  });

  it('derive ids from the seed', () => {
    const call: ApiCall = { service: 'sts', action: 'GetCallerIdentity', params: {}, region: 'us-east-1' };
    const first = executeCall(seedPack(), call, keyContext(PIPELINE_KEY, 'seed-a')).record!;
    const again = executeCall(seedPack(), call, keyContext(PIPELINE_KEY, 'seed-a')).record!;
    const other = executeCall(seedPack(), call, keyContext(PIPELINE_KEY, 'seed-b')).record!;
    expect(first.eventID).toMatch(UUID);
    expect(first.requestID).toMatch(UUID);
    expect(again).toEqual(first);
    expect(other.eventID).not.toBe(first.eventID);
    expect(first.eventID).not.toBe(first.requestID);
  });

  it('keep secrets out', () => {
    const outcome = executeCall(seedPack(), { service: 'iam', action: 'CreateAccessKey', params: { userName: 'alice.chen' }, region: 'us-east-1' }, responderContext());
    const secret = String((outcome.response?.AccessKey as { SecretAccessKey: string }).SecretAccessKey);
    expect(secret.length).toBeGreaterThan(0);
    expect(JSON.stringify(outcome.record)).not.toContain(secret);
    expect(JSON.stringify(outcome.record)).not.toMatch(/secret/i);
    expect(keysOf((outcome.record?.responseElements as { accessKey: unknown }).accessKey)).toEqual(keysOf((scripted('CreateAccessKey').responseElements as { accessKey: unknown }).accessKey));
  });

  it('keep state JSON after calls', () => {
    const state = seedPack();
    executeCall(state, { service: 'ec2', action: 'RunInstances', params: { imageId: 'ami-1', instanceType: 't3.micro', minCount: 1, maxCount: 1 }, region: 'us-east-1' }, responderContext());
    executeCall(state, { service: 'iam', action: 'PutUserPolicy', params: { userName: 'alice.chen', policyName: 'p', policyDocument: { Statement: [] } }, region: 'us-east-1' }, responderContext());
    expect(structuredClone(state)).toEqual(state);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});
