import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importPack, type ImportReport } from '../../server/scenario/import/import-pack.js';
import { normalizeTime } from '../../server/scenario/import/event-time.js';
import { loadScenario } from '../../server/scenario/load.js';
import { validatePack } from '../../server/scenario/validate/index.js';

const Fixtures = path.resolve(import.meta.dirname, '../fixtures/import');

let work: string;

/** Copies the fixtures and lays the org record out as CloudTrail delivers it to S3, gzipped. */
async function inputFolder(): Promise<string> {
  const input = path.join(work, 'input');
  await cp(Fixtures, input, { recursive: true });
  await rm(path.join(input, 'README.md'));
  const org = path.join(input, 'AWSLogs/o-exampleorg/111122223333/CloudTrail/us-east-1/2024/03/01');
  await mkdir(org, { recursive: true });
  const text = await readFile(path.join(input, 'cloudtrail/org-layout-record.json'));
  await writeFile(path.join(org, '111122223333_CloudTrail_us-east-1_20240301T1245Z_Example0000000001.json.gz'), gzipSync(text));
  await rm(path.join(input, 'cloudtrail/org-layout-record.json'));
  const digests = path.join(input, 'AWSLogs/o-exampleorg/111122223333/CloudTrail-Digest/us-east-1/2024/03/01');
  await mkdir(digests, { recursive: true });
  await writeFile(path.join(digests, '111122223333_CloudTrail-Digest_us-east-1_example_us-east-1_20240301T130000Z.json.gz'), gzipSync('{"logFiles":[]}'));
  return input;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-import-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('import of odd inputs', () => {
  let report: ImportReport;
  let outDir: string;

  beforeAll(async () => {
    outDir = path.join(work, 'pack');
    report = await importPack({ paths: [await inputFolder()], outDir, anonymize: false });
  });

  it('counts what it read', () => {
    expect(report.files).toBe(9);
    expect(report.digestFiles).toBe(1);
    expect(report.read).toBe(21);
    expect(report.cloudtrail).toBe(12);
    expect(report.findings).toBe(3);
    expect(report.skipped).toBe(6);
    expect(report.read).toBe(report.cloudtrail + report.findings + report.skipped);
  });

  it('explains every skip with file and position', () => {
    expect(report.skippedByReason).toEqual({
      'eventTime is not a time': 1,
      'eventTime is missing': 1,
      'CloudTrail Insights event, not an API call': 1,
      'duplicate of an earlier record': 1,
      'invalid JSON': 1,
      'CloudTrail digest file, which holds no events': 1,
    });
    const invalid = report.problems.find((problem) => problem.reason === 'invalid JSON')!;
    expect(path.basename(invalid.file)).toBe('lines.jsonl');
    expect(invalid.position).toBe('line 3');
    const insight = report.problems.find((problem) => problem.reason.startsWith('CloudTrail Insights'))!;
    expect(insight.position).toBe('Records[7]');
  });

  it('gives a reused eventID a new one', async () => {
    expect(report.derivedEventIds).toBe(1);
    const { events } = await loadScenario(outDir);
    const ids = events.map((event) => event.eventID);
    expect(new Set(ids).size).toBe(ids.length);
    expect(events.filter((event) => event.eventName === 'ListUsers')[0]!.eventID).not.toBe('0b6c7a1e-0000-4000-8000-000000000001');
  });

  it('rewrites odd eventTime forms', async () => {
    const { events } = await loadScenario(outDir);
    const byName = new Map(events.map((event) => [event.eventName, event]));
    expect(byName.get('ConsoleLogin')!.eventTime).toBe('2024-03-01T12:05:30Z');
    expect(byName.get('GetSecretValue')!.eventTime).toBe('2024-03-01T12:07:12Z');
    for (const event of events) expect(event.eventTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('keeps odd fields as recorded', async () => {
    const { events } = await loadScenario(outDir);
    const byName = new Map(events.map((event) => [event.eventName, event]));
    expect(byName.get('ConsoleLogin')!.userIdentity).toBeUndefined();
    expect(byName.get('GetSecretValue')!.requestParameters).toBe('{"secretId":"prod/db/password"}');
    expect((byName.get('GetSecretValue')!.userIdentity as { sessionContext: { sessionIssuer: unknown } }).sessionContext.sessionIssuer).toEqual({});
    expect(byName.get('StopInstances')!.eventVersion).toBe('1.0');
    expect(byName.get('ConsoleLogin')!.eventVersion).toBe('1.11');
    expect(byName.get('RunInstances')!.awsRegion).toBe('us-west-2');
    expect(byName.get('DescribeStacks')!.recipientAccountId).toBe('444455556666');
  });

  it('sorts records in the pack', async () => {
    const text = await readFile(path.join(outDir, 'cloudtrail/records-0001.json'), 'utf8');
    const times = (JSON.parse(text) as { Records: { eventTime: string }[] }).Records.map((record) => record.eventTime);
    expect(times).toEqual([...times].sort());
    expect(text.split('\n')).toHaveLength(times.length + 3);
  });

  it('converts findings to the GetFindings shape', async () => {
    const { scenario } = await loadScenario(outDir);
    const byType = new Map(scenario.findings.map((finding) => [finding.Type, finding]));
    const custom = byType.get('UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom')!;
    expect(custom.Id).toBe('a1b2c3d4e5f60718293a4b5c6d7e8f90');
    expect((custom.Resource as { AccessKeyDetails: { AccessKeyId: string } }).AccessKeyDetails.AccessKeyId).toBe('AKIAEXAMPLEKEY000002');
    expect((custom.Service as { AdditionalInfo: unknown }).AdditionalInfo).toEqual({ threatListName: 'ExampleList' });
    const exported = byType.get('Stealth:IAMUser/CloudTrailLoggingDisabled')!;
    expect(exported.CreatedAt).toBe('2024-03-01T12:56:10.250Z');
    expect((exported.Service as { EventFirstSeen: string }).EventFirstSeen).toBe('2024-03-01T12:55:00.000Z');
    expect(byType.get('Recon:EC2/PortProbeUnprotectedPort')!.Severity).toBe(2);
  });

  it('writes a manifest that validates', async () => {
    const manifest = parse(await readFile(path.join(outDir, 'scenario.yaml'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ id: 'pack', origin: 'imported', account: { id: '111122223333' }, primaryRegion: 'us-east-1' });
    expect(manifest.regions).toEqual(['eu-west-1', 'us-east-1', 'us-west-2']);
    expect(manifest.window).toEqual({ start: '2024-03-01T12:00:00Z', end: '2024-03-01T12:57:00Z' });
    expect(await validatePack(outDir)).toEqual([]);
  });

  it('refuses a folder that is not empty', async () => {
    await expect(importPack({ paths: [Fixtures], outDir, anonymize: false })).rejects.toThrow(/not empty/);
    expect(await readdir(outDir)).toContain('scenario.yaml');
  });
});

describe('import with anonymization', () => {
  async function anonymized(name: string, salt?: string): Promise<string> {
    const outDir = path.join(work, name);
    await importPack({ paths: [path.join(Fixtures, 'cloudtrail'), path.join(Fixtures, 'guardduty')], outDir, anonymize: true, salt });
    const cloudtrail = await readFile(path.join(outDir, 'cloudtrail/records-0001.json'), 'utf8');
    const findings = await readFile(path.join(outDir, 'guardduty/findings.json'), 'utf8');
    return cloudtrail + findings;
  }

  it('removes accounts, addresses and user names', async () => {
    const text = await anonymized('anonymous-1');
    for (const secret of ['111122223333', '444455556666', '203.0.113.50', '198.51.100.7', '192.0.2.80', 'maria.lopez', 'build-bot']) {
      expect(text, secret).not.toContain(secret);
    }
    expect(text).toContain('AWS Internal');
    expect(text).toContain('OrgDeployRole');
  });

  it('maps each value the same way everywhere', async () => {
    const text = await anonymized('anonymous-2');
    const record = JSON.parse(text.slice(0, text.indexOf('\n]}') + 3)) as { Records: { eventName: string; userIdentity?: { userName?: string; arn?: string } }[] };
    const create = record.Records.find((item) => item.eventName === 'CreateAccessKey')!;
    const name = create.userIdentity!.userName!;
    expect(name).toMatch(/^user-[0-9a-f]{8}$/);
    expect(create.userIdentity!.arn).toMatch(new RegExp(`^arn:aws:iam::\\d{12}:user/${name}$`));
  });

  it('repeats the same output for the same salt', async () => {
    expect(await anonymized('anonymous-3', 'salt-a')).toBe(await anonymized('anonymous-4', 'salt-a'));
    expect(await anonymized('anonymous-5', 'salt-b')).not.toBe(await anonymized('anonymous-6', 'salt-a'));
  });
});

describe('time normalization', () => {
  it.each([
    ['2024-03-01T12:00:00Z', '2024-03-01T12:00:00Z'],
    ['2024-03-01 12:00:00', '2024-03-01T12:00:00Z'],
    ['2024-03-01 12:00:00.123456789', '2024-03-01T12:00:00Z'],
    ['2024-03-01T14:00:00+02:00', '2024-03-01T12:00:00Z'],
    ['2024-03-01T14:00:00+0200', '2024-03-01T12:00:00Z'],
  ])('reads %s', (input, expected) => {
    expect(normalizeTime(input, 'seconds')).toBe(expected);
  });

  it.each(['redacted', '...', '', '2024-13-45T99:00:00Z', 1709294400])('rejects %s', (input) => {
    expect(normalizeTime(input, 'seconds')).toBeUndefined();
  });
});
