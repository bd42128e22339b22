import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioCommand } from '../../server/cli/scenario-command.js';

const Fixtures = path.resolve(import.meta.dirname, '../fixtures/import');
const Apexcorp = path.resolve(import.meta.dirname, '../../scenarios/apexcorp-prod');

let work: string;

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await scenarioCommand(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-cli-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('scenario command', () => {
  it('validates a good pack with exit 0', async () => {
    const result = await run('validate', Apexcorp);
    expect(result.code).toBe(0);
    expect(result.out).toBe(`${Apexcorp}: the scenario pack is valid.\n`);
  });

  it('lists problems with exit 1', async () => {
    const result = await run('validate', path.join(work, 'missing-pack'));
    expect(result.code).toBe(1);
    expect(result.out).toBe('scenario.yaml:1: (file): cannot be read (ENOENT); check the path under data in scenario.yaml\n');
    expect(result.err).toContain('1 problem found');
  });

  it('rejects unknown options with usage', async () => {
    const result = await run('import', Fixtures, '--out', path.join(work, 'x'), '--colour');
    expect(result.code).toBe(2);
    expect(result.err).toContain("Unknown option '--colour'");
    expect(result.err).toContain('Usage: cloud-ir-lab scenario');
  });

  it('requires --out for import', async () => {
    const result = await run('import', Fixtures);
    expect(result.code).toBe(2);
    expect(result.err).toContain('import needs --out DIR');
  });

  it('imports with counts and skip reports', async () => {
    const outDir = path.join(work, 'imported');
    const result = await run('import', path.join(Fixtures, 'cloudtrail'), path.join(Fixtures, 'guardduty'), '--out', outDir);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Imported: 12 CloudTrail records, 3 GuardDuty findings');
    expect(result.out).toContain('Skipped: 6');
    expect(result.out).toContain('1 × invalid JSON');
    expect(result.err).toMatch(/lines\.jsonl: line 3: skipped: invalid JSON \(/);
    expect(result.err).toMatch(/odd-records\.json: Records\[5\]: skipped: eventTime is not a time/);
    expect((await run('validate', outDir)).code).toBe(0);
  });

  it('prints import counts as JSON', async () => {
    const result = await run('import', path.join(Fixtures, 'guardduty'), '--out', path.join(work, 'json'), '--json', '--anonymize');
    expect(JSON.parse(result.out)).toMatchObject({ read: 3, cloudtrail: 0, findings: 3, skipped: 0 });
  });

  it('fails when nothing can be imported', async () => {
    const result = await run('import', path.join(Fixtures, 'cloudtrail/digest.json'), '--out', path.join(work, 'empty'));
    expect(result.code).toBe(1);
    expect(result.err).toContain('Nothing was imported');
  });

  it('exports in the S3 delivery layout', async () => {
    const outDir = path.join(work, 'export');
    const result = await run('export-cloudtrail', Apexcorp, '--out', outDir, '--background-events', '300');
    expect(result.code).toBe(0);
    const files = await filesUnder(outDir);
    for (const file of files) {
      expect(file).toMatch(/^AWSLogs\/123456789012\/CloudTrail\/(us-east-1|us-west-2|eu-west-1)\/2026\/05\/0[78]\/123456789012_CloudTrail_\1_2026050[78]T\d{4}Z_[0-9A-F]{16}\.json\.gz$/);
    }
    let records = 0;
    for (const file of files) {
      const body = JSON.parse(gunzipSync(await readFile(path.join(outDir, file))).toString('utf8')) as { Records: { eventTime: string; awsRegion: string }[] };
      records += body.Records.length;
      const region = file.split('/')[3];
      expect(body.Records.every((record) => record.awsRegion === region)).toBe(true);
    }
    expect(result.out).toBe(`Wrote ${records} CloudTrail records in ${files.length} files under ${path.join(outDir, 'AWSLogs')}\n`);
    const attack = JSON.parse(await readFile(path.join(Apexcorp, 'cloudtrail/attack.json'), 'utf8')) as { Records: unknown[] };
    expect(records).toBe(attack.Records.length + 300);
  });

  it('imports its own export', async () => {
    const exported = path.join(work, 'export-2');
    await run('export-cloudtrail', Apexcorp, '--out', exported, '--background-events', '0');
    const result = await run('import', exported, '--out', path.join(work, 'reimported'), '--json');
    const attack = JSON.parse(await readFile(path.join(Apexcorp, 'cloudtrail/attack.json'), 'utf8')) as { Records: unknown[] };
    expect(JSON.parse(result.out)).toMatchObject({ cloudtrail: attack.Records.length, skipped: 0, derivedEventIds: 0 });
  });

  it('rejects a bad background size', async () => {
    const result = await run('export-cloudtrail', Apexcorp, '--out', path.join(work, 'bad'), '--background-events', 'many');
    expect(result.code).toBe(2);
    expect(result.err).toContain('--background-events must be a whole number');
  });
});
