import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importPack, type ImportReport } from '../../server/scenario/import/import-pack.js';
import { loadScenario } from '../../server/scenario/load.js';
import { validatePack } from '../../server/scenario/validate/index.js';

/**
 * Imports the public CloudTrail and GuardDuty samples in REALDATA_DIR (see SOURCES.md there) and
 * checks the counts each source is documented to hold. The data is not part of the repository,
 * so the suite is skipped when REALDATA_DIR is not set.
 */
const RealDataDir = process.env.REALDATA_DIR;
const suiteName = RealDataDir ? `real data in ${RealDataDir}` : 'real data (skipped: set REALDATA_DIR to the public sample folder to run it)';

if (!RealDataDir) {
  process.stderr.write('Skipping the real-data import tests: REALDATA_DIR is not set. Point it at the public sample folder (.ci/run uses ../shared/realdata).\n');
}

interface Expected {
  folder: string;
  files: number;
  read: number;
  cloudtrail: number;
  findings: number;
  skippedByReason: Record<string, number>;
}

const Sources: Expected[] = [
  { folder: 'cloudtrail/invictus-ir_aws_dataset', files: 55, read: 2900, cloudtrail: 2900, findings: 0, skippedByReason: {} },
  { folder: 'cloudtrail/stratus-red-team_detonation-logs', files: 35, read: 310, cloudtrail: 310, findings: 0, skippedByReason: {} },
  {
    folder: 'cloudtrail/awsdocs_cloudtrail-user-guide_examples',
    files: 4,
    read: 21,
    cloudtrail: 16,
    findings: 0,
    skippedByReason: {
      'CloudTrail digest file, which holds no events': 2,
      'CloudTrail Insights event, not an API call': 2,
      'eventTime is missing': 1,
    },
  },
  { folder: 'cloudtrail/cloud-custodian_test-events', files: 7, read: 7, cloudtrail: 7, findings: 0, skippedByReason: {} },
  {
    folder: 'cloudtrail/panther-analysis_rule-tests',
    files: 2,
    // 437 records plus the 437 lines of the index file, which describe the records.
    read: 874,
    cloudtrail: 418,
    findings: 0,
    skippedByReason: { 'eventTime is missing': 17, 'eventTime is not a time': 2, 'neither a CloudTrail record nor a GuardDuty finding': 437 },
  },
  { folder: 'guardduty/aws-samples_guardduty-automated-response', files: 3, read: 3, cloudtrail: 0, findings: 3, skippedByReason: {} },
  { folder: 'guardduty/cloud-custodian_eventbridge', files: 2, read: 2, cloudtrail: 0, findings: 2, skippedByReason: {} },
  { folder: 'guardduty/blu371ck_GuardDuty-SOAR_samples', files: 3, read: 3, cloudtrail: 0, findings: 3, skippedByReason: {} },
  { folder: 'guardduty/panther-analysis_rule-tests', files: 1, read: 8, cloudtrail: 0, findings: 8, skippedByReason: {} },
];

describe.skipIf(!RealDataDir)(suiteName, () => {
  let work: string;
  const reports = new Map<string, { report: ImportReport; outDir: string }>();

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-realdata-'));
    for (const source of Sources) {
      const outDir = path.join(work, source.folder.replace('/', '-').toLowerCase());
      reports.set(source.folder, { report: await importPack({ paths: [path.join(RealDataDir!, source.folder)], outDir, anonymize: false }), outDir });
    }
  }, 120_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it.each(Sources.map((source) => [source.folder, source] as const))('imports %s with its counts', (_folder, source) => {
    const { report } = reports.get(source.folder)!;
    expect(report.files).toBe(source.files);
    expect(report.read).toBe(source.read);
    expect(report.cloudtrail).toBe(source.cloudtrail);
    expect(report.findings).toBe(source.findings);
    expect(report.skippedByReason).toEqual(source.skippedByReason);
    expect(report.read).toBe(report.cloudtrail + report.findings + report.skipped);
  });

  it.each(Sources.map((source) => [source.folder, source] as const))('validates and loads %s', async (_folder, source) => {
    const { outDir } = reports.get(source.folder)!;
    expect(await validatePack(outDir)).toEqual([]);
    const { events, scenario } = await loadScenario(outDir);
    expect(events).toHaveLength(source.cloudtrail);
    expect(scenario.findings).toHaveLength(source.findings);
  });

  it('takes the account from the records, not the path', async () => {
    const { outDir } = reports.get('cloudtrail/invictus-ir_aws_dataset')!;
    const manifest = parse(await readFile(path.join(outDir, 'scenario.yaml'), 'utf8')) as { account: { id: string } };
    expect(manifest.account.id).toBe('123837392027');
  });

  it('keeps odd values of the samples', async () => {
    const { outDir } = reports.get('cloudtrail/stratus-red-team_detonation-logs')!;
    const { events } = await loadScenario(outDir);
    expect(events.some((event) => event.awsRegion === 'ap-isob-central-3r')).toBe(true);
    expect(events.some((event) => event.sourceIPAddress === '075.050.255.67')).toBe(true);
  });

  it('anonymizes every sample consistently', async () => {
    const outDir = path.join(work, 'all-anonymized');
    const report = await importPack({ paths: [RealDataDir!], outDir, anonymize: true, salt: 'realdata-test' });
    // One record occurs word for word in two of the sources; the second copy is dropped.
    expect(report.skippedByReason['duplicate of an earlier record']).toBe(1);
    expect(report.cloudtrail).toBe(Sources.reduce((sum, source) => sum + source.cloudtrail, 0) - 1);
    expect(report.findings).toBe(Sources.reduce((sum, source) => sum + source.findings, 0));
    const text = await readFile(path.join(outDir, 'cloudtrail/records-0001.json'), 'utf8');
    for (const original of ['123837392027', '218007301253', 'redacted-user-a', 'stratus-operator', '192.168.10.20']) {
      expect(text, original).not.toContain(original);
    }
    expect(await validatePack(outDir)).toEqual([]);
  }, 60_000);
});
