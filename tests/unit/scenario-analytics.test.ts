import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../../server/scenario/manifest.js';
import { formatCloudTrailFile, formatFindingsFile } from '../../server/scenario/pack/files.js';
import { buildAnalyticsAttack } from '../../server/scenario/records/analytics/attack.js';
import { buildAnalyticsFindings } from '../../server/scenario/records/analytics/findings.js';
import { validatePack } from '../../server/scenario/validate/index.js';

const Pack = path.resolve(import.meta.dirname, '../../scenarios/apexcorp-analytics');
const records = (JSON.parse(readFileSync(path.join(Pack, 'cloudtrail/attack.json'), 'utf8')) as { Records: CloudTrailRecord[] }).Records;
const findings = JSON.parse(readFileSync(path.join(Pack, 'guardduty/findings.json'), 'utf8')) as {
  Type: string;
  Severity: number;
  Resource: { AccessKeyDetails?: { AccessKeyId: string; UserType: string } };
  Service: { Count: number };
}[];

type Identity = { type: string; arn: string; accessKeyId: string; sessionContext?: { ec2RoleDelivery?: string } };
const identity = (record: CloudTrailRecord) => record.userIdentity as Identity;
const fromAttacker = records.filter((record) => record.sourceIPAddress === '198.51.100.77');

describe('apexcorp-analytics pack', () => {
  it('matches what the build script generates', () => {
    const attack = buildAnalyticsAttack();
    expect(readFileSync(path.join(Pack, 'cloudtrail/attack.json'), 'utf8')).toBe(formatCloudTrailFile(attack.records));
    expect(readFileSync(path.join(Pack, 'guardduty/findings.json'), 'utf8')).toBe(formatFindingsFile(buildAnalyticsFindings(attack)));
  });

  it('validates', async () => {
    expect(await validatePack(Pack)).toEqual([]);
  });

  it('uses instance credentials from outside AWS', () => {
    const first = fromAttacker[0]!;
    expect(first.eventName).toBe('GetCallerIdentity');
    expect(identity(first).type).toBe('AssumedRole');
    expect(identity(first).arn).toMatch(/assumed-role\/analytics-web-ec2-role\/i-[0-9a-f]{17}$/);
    expect(identity(first).sessionContext?.ec2RoleDelivery).toBe('2.0');
    const inside = records.filter((record) => identity(record)?.accessKeyId === identity(first).accessKeyId && record.sourceIPAddress === '10.30.1.21');
    expect(inside.length).toBeGreaterThan(0);
  });

  it('chains into the deploy role with the issued key', () => {
    const assume = fromAttacker.find((record) => record.eventName === 'AssumeRole')!;
    const issued = (assume.responseElements as { credentials: { accessKeyId: string } }).credentials.accessKeyId;
    const later = fromAttacker.filter((record) => identity(record).accessKeyId === issued);
    expect(later.map((record) => record.eventName)).toEqual(expect.arrayContaining(['GetSecretValue', 'CreateFunction20150331', 'CreateFunctionUrlConfig20211031']));
    expect(later.every((record) => identity(record).arn.includes('assumed-role/analytics-deploy-role/'))).toBe(true);
  });

  it('opens the function URL to everyone', () => {
    const url = fromAttacker.find((record) => record.eventName === 'CreateFunctionUrlConfig20211031')!;
    expect(url.requestParameters).toEqual({ functionName: 'analytics-cache-warmer', authType: 'NONE' });
  });

  it('has one finding per severity level', () => {
    expect(findings.map((finding) => finding.Severity).sort()).toEqual([2, 5, 8]);
    for (const finding of findings.filter((item) => item.Resource.AccessKeyDetails)) {
      expect(finding.Resource.AccessKeyDetails!.UserType).toBe('AssumedRole');
      expect(finding.Service.Count).toBeGreaterThan(0);
    }
  });
});
