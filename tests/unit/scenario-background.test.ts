import { describe, expect, it } from 'vitest';
import type { BackgroundOptions } from '../../server/scenario/background/index.js';
import { generateBackground } from '../../server/scenario/background/index.js';
import type { CloudTrailRecord } from '../../server/scenario/manifest.js';
import { accountIdFromUniqueId } from '../../server/scenario/records/ids.js';

const OPTIONS: BackgroundOptions = {
  seed: 20260507,
  events: 400,
  accountId: '123456789012',
  primaryRegion: 'us-east-1',
  regions: ['us-east-1', 'us-west-2', 'eu-west-1'],
  window: { start: '2026-05-07T00:00:00Z', end: '2026-05-08T06:00:00Z' },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const EVENT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const ACCESS_KEY_ID = /^(AKIA|ASIA)[A-Z2-7]{16}$/;
const USER_ID = /^AIDA[A-Z2-7]{17}$/;
const ROLE_ID = /^AROA[A-Z2-7]{17}$/;
const CI_TOOL_EVENTS = new Set([
  'GetAuthorizationToken',
  'PutObject',
  'DescribeStacks',
  'UpdateService',
  'UpdateFunctionCode20150331v2',
]);

type Identity = {
  type?: string;
  principalId?: string;
  arn?: string;
  accountId?: string;
  accessKeyId?: string;
  userName?: string;
  invokedBy?: string;
  sessionContext?: { sessionIssuer?: { type?: string; arn?: string; principalId?: string } };
};

function identityOf(record: CloudTrailRecord): Identity {
  return record.userIdentity as Identity;
}

/** Returns the problems with one record, or an empty list when it has every field CloudTrail writes. */
function recordProblems(record: CloudTrailRecord, accountId: string): string[] {
  const problems: string[] = [];
  const has = (field: string): boolean => Object.prototype.hasOwnProperty.call(record, field);
  if (record.eventVersion !== '1.08' && record.eventVersion !== '1.09') problems.push(`eventVersion ${record.eventVersion}`);
  if (!EVENT_TIME.test(record.eventTime)) problems.push(`eventTime ${record.eventTime}`);
  if (!/^[a-z0-9-]+\.amazonaws\.com$/.test(record.eventSource)) problems.push(`eventSource ${record.eventSource}`);
  if (!/^[A-Z][A-Za-z0-9]+$/.test(record.eventName)) problems.push(`eventName ${record.eventName}`);
  if (!/^[a-z]{2}-[a-z]+-\d$/.test(record.awsRegion)) problems.push(`awsRegion ${record.awsRegion}`);
  if (!UUID.test(record.eventID)) problems.push(`eventID ${record.eventID}`);
  for (const field of ['sourceIPAddress', 'userAgent']) {
    if (typeof record[field] !== 'string' || record[field] === '') problems.push(`${field} missing`);
  }
  for (const field of ['requestParameters', 'responseElements']) {
    if (!has(field) || (record[field] !== null && typeof record[field] !== 'object')) problems.push(`${field} missing`);
  }
  if (typeof record.readOnly !== 'boolean') problems.push('readOnly not boolean');
  if (typeof record.managementEvent !== 'boolean') problems.push('managementEvent not boolean');
  if (record.recipientAccountId !== accountId) problems.push(`recipientAccountId ${String(record.recipientAccountId)}`);
  if (!['AwsApiCall', 'AwsServiceEvent', 'AwsConsoleSignIn'].includes(String(record.eventType))) problems.push(`eventType ${String(record.eventType)}`);
  if (record.eventCategory !== 'Management' && record.eventCategory !== 'Data') problems.push(`eventCategory ${String(record.eventCategory)}`);
  if (record.eventCategory === 'Data' && (record.managementEvent !== false || !Array.isArray(record.resources))) {
    problems.push('data event without resources or with managementEvent true');
  }
  const needsRequestId = record.eventType === 'AwsApiCall';
  if (needsRequestId && (typeof record.requestID !== 'string' || record.requestID === '')) problems.push('requestID missing');
  if (typeof record.userIdentity !== 'object' || record.userIdentity === null) problems.push('userIdentity missing');
  return problems;
}

/** Returns the problems with a userIdentity, checked against the shape AWS uses for its type. */
function identityProblems(record: CloudTrailRecord, accountId: string): string[] {
  const identity = identityOf(record);
  const problems: string[] = [];
  switch (identity.type) {
    case 'IAMUser':
      if (!USER_ID.test(identity.principalId ?? '')) problems.push(`IAMUser principalId ${identity.principalId}`);
      if (record.eventType !== 'AwsConsoleSignIn') {
        if (identity.arn !== `arn:aws:iam::${accountId}:user/${identity.userName}`) problems.push(`IAMUser arn ${identity.arn}`);
        if (!ACCESS_KEY_ID.test(identity.accessKeyId ?? '')) problems.push(`IAMUser accessKeyId ${identity.accessKeyId}`);
      }
      break;
    case 'AssumedRole': {
      const [roleId, sessionName] = (identity.principalId ?? '').split(':');
      const issuer = identity.sessionContext?.sessionIssuer;
      if (!ROLE_ID.test(roleId ?? '') || !sessionName) problems.push(`AssumedRole principalId ${identity.principalId}`);
      if (!identity.arn?.startsWith(`arn:aws:sts::${accountId}:assumed-role/`)) problems.push(`AssumedRole arn ${identity.arn}`);
      if (issuer?.type !== 'Role' || issuer.principalId !== roleId || !issuer.arn?.startsWith(`arn:aws:iam::${accountId}:role/`)) {
        problems.push('AssumedRole sessionIssuer');
      }
      break;
    }
    case 'AWSService':
      if (!identity.invokedBy?.endsWith('.amazonaws.com')) problems.push(`AWSService invokedBy ${identity.invokedBy}`);
      break;
    case 'Root':
      if (identity.arn !== `arn:aws:iam::${accountId}:root` || identity.principalId !== accountId) problems.push('Root arn or principalId');
      break;
    case undefined:
      if (record.eventType !== 'AwsServiceEvent' || identity.accountId !== accountId) problems.push('identity without type outside a service event');
      break;
    default:
      problems.push(`unexpected identity type ${identity.type}`);
  }
  return problems;
}

describe('generateBackground', () => {
  const records = generateBackground(OPTIONS);

  it('returns byte-identical output for the same options', () => {
    const again = generateBackground({ ...OPTIONS, regions: [...OPTIONS.regions], window: { ...OPTIONS.window } });
    expect(JSON.stringify(again)).toBe(JSON.stringify(records));
  });

  it('changes output with the seed', () => {
    const other = generateBackground({ ...OPTIONS, seed: OPTIONS.seed + 1 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(records));
  });

  it.each([0, 1, 4, 7, 59, 400, 2_500])('returns exactly %i records', (events) => {
    expect(generateBackground({ ...OPTIONS, events })).toHaveLength(events);
  });

  it('sorts records by eventTime', () => {
    for (let i = 1; i < records.length; i++) {
      expect(records[i - 1]!.eventTime <= records[i]!.eventTime, `record ${i} is out of order`).toBe(true);
    }
  });

  it('keeps every record inside the window', () => {
    const start = Date.parse(OPTIONS.window.start);
    const end = Date.parse(OPTIONS.window.end);
    for (const record of records) {
      const time = Date.parse(record.eventTime);
      expect(time, record.eventID).toBeGreaterThanOrEqual(start);
      expect(time, record.eventID).toBeLessThanOrEqual(end);
    }
  });

  it('spreads records over the whole window', () => {
    const hours = new Set(records.map((record) => record.eventTime.slice(0, 13)));
    expect(hours.size).toBeGreaterThanOrEqual(24);
  });

  it('writes every field CloudTrail writes', () => {
    for (const record of records) {
      expect(recordProblems(record, OPTIONS.accountId), record.eventID).toEqual([]);
    }
  });

  it('shapes each userIdentity by its type', () => {
    for (const record of records) {
      expect(identityProblems(record, OPTIONS.accountId), record.eventID).toEqual([]);
    }
  });

  it('covers people, roles, services and root', () => {
    const types = new Set(records.map((record) => identityOf(record).type));
    for (const type of ['IAMUser', 'AssumedRole', 'AWSService', 'Root']) {
      expect(types.has(type), type).toBe(true);
    }
    const users = new Set(records.map((record) => identityOf(record).userName));
    for (const user of ['alice.chen', 'bob.martinez', 'dana.whitfield', 'dev-deploy']) {
      expect(users.has(user), user).toBe(true);
    }
    const issuers = new Set(records.map((record) => identityOf(record).sessionContext?.sessionIssuer?.arn ?? ''));
    expect([...issuers].some((arn) => arn.includes('AWSReservedSSO_AdministratorAccess'))).toBe(true);
    expect(records.some((record) => record.eventType === 'AwsServiceEvent')).toBe(true);
  });

  it('gives each record a unique eventID', () => {
    const ids = new Set(records.map((record) => record.eventID));
    expect(ids.size).toBe(records.length);
  });

  it('encodes the account id in access key ids', () => {
    for (const record of records) {
      const keyId = identityOf(record).accessKeyId;
      if (keyId) {
        expect(accountIdFromUniqueId(keyId), record.eventID).toBe(OPTIONS.accountId);
      }
    }
  });

  it('records global IAM and sign-in calls in us-east-1', () => {
    for (const record of records) {
      if (record.eventSource === 'iam.amazonaws.com' || record.eventSource === 'signin.amazonaws.com') {
        expect(record.awsRegion, record.eventID).toBe('us-east-1');
      }
    }
  });

  it('uses only the configured regions', () => {
    for (const record of records) {
      expect(OPTIONS.regions, record.eventID).toContain(record.awsRegion);
    }
  });

  it('runs dev-deploy from the CI subnet with CI tools', () => {
    const pipeline = records.filter((record) => identityOf(record).userName === 'dev-deploy');
    expect(pipeline.length).toBeGreaterThan(0);
    for (const record of pipeline) {
      expect(record.sourceIPAddress, record.eventID).toMatch(/^10\.10\.14\.\d{1,3}$/);
      expect(record.userAgent, record.eventID).toMatch(/^aws-cli\/2\./);
      expect(CI_TOOL_EVENTS.has(record.eventName), record.eventName).toBe(true);
      expect(record.errorCode, record.eventID).toBeUndefined();
    }
    expect(new Set(pipeline.map((record) => record.eventName))).toEqual(CI_TOOL_EVENTS);
  });

  it('runs the nightly build on the night of the attack', () => {
    const nightly = records.filter(
      (record) =>
        identityOf(record).userName === 'dev-deploy' &&
        record.eventTime >= '2026-05-08T02:00:00Z' &&
        record.eventTime <= '2026-05-08T02:15:00Z',
    );
    expect(nightly.map((record) => record.eventName)).toEqual([
      'GetAuthorizationToken',
      'PutObject',
      'DescribeStacks',
      'UpdateService',
      'UpdateFunctionCode20150331v2',
    ]);
  });

  it('uploads build artifacts as S3 data events', () => {
    const uploads = records.filter((record) => record.eventName === 'PutObject');
    expect(uploads.length).toBeGreaterThan(0);
    for (const record of uploads) {
      const parameters = record.requestParameters as { bucketName?: string };
      const resources = record.resources as { type: string; ARN: string }[];
      expect(parameters.bucketName).toBe('apexcorp-build-artifacts');
      expect(record.eventCategory).toBe('Data');
      expect(resources.map((resource) => resource.type)).toEqual(['AWS::S3::Object', 'AWS::S3::Bucket']);
      expect((record.additionalEventData as { bytesTransferredIn?: number }).bytesTransferredIn).toBeGreaterThan(0);
    }
  });

  it('keeps to the office hours for console sign-in', () => {
    for (const record of records.filter((item) => item.eventName === 'ConsoleLogin')) {
      const hour = new Date(record.eventTime).getUTCHours();
      expect(hour, record.eventID).toBeGreaterThanOrEqual(12);
      expect(hour, record.eventID).toBeLessThanOrEqual(22);
    }
  });

  it('fills a window without office hours', () => {
    const night = generateBackground({ ...OPTIONS, events: 50, window: { start: '2026-05-08T03:00:00Z', end: '2026-05-08T04:00:00Z' } });
    expect(night).toHaveLength(50);
    expect(night.every((record) => record.eventTime >= '2026-05-08T03:00:00Z' && record.eventTime <= '2026-05-08T04:00:00Z')).toBe(true);
  });

  it('rejects invalid options', () => {
    expect(() => generateBackground({ ...OPTIONS, events: -1 })).toThrow(/non-negative integer/);
    expect(() => generateBackground({ ...OPTIONS, events: 1.5 })).toThrow(/non-negative integer/);
    expect(() => generateBackground({ ...OPTIONS, accountId: '1234' })).toThrow(/12 digits/);
    expect(() => generateBackground({ ...OPTIONS, window: { start: OPTIONS.window.end, end: OPTIONS.window.start } })).toThrow(
      /must be after start/,
    );
    expect(() => generateBackground({ ...OPTIONS, window: { start: 'yesterday', end: OPTIONS.window.end } })).toThrow(/invalid ISO 8601/);
  });
});
