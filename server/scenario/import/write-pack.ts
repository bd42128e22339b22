import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { Finding } from '../../../shared/model.js';
import { ManifestFile } from '../load.js';
import type { CloudTrailRecord } from '../manifest.js';
import { formatCloudTrailFile, formatFindingsFile } from '../pack/files.js';
import type { ImportReport } from './import-pack.js';

/** Records per CloudTrail file of an imported pack, to keep each file small enough to open. */
const RecordsPerFile = 50_000;
const RegionPattern = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const MINUTE = 60_000;

export interface ImportedPack {
  outDir: string;
  id?: string;
  records: CloudTrailRecord[];
  findings: Finding[];
  report: ImportReport;
  anonymized: boolean;
}

function slugOf(text: string): string {
  const slug = text.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
  return /^[a-z0-9]/.test(slug) ? slug : 'imported';
}

function mostCommon(values: Iterable<string>): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

function accountOf(records: CloudTrailRecord[], findings: Finding[]): string {
  const ids = [
    ...records.map((record) => record.recipientAccountId ?? (record.userIdentity as { accountId?: unknown } | undefined)?.accountId),
    ...findings.map((finding) => finding.AccountId),
  ].filter((value): value is string => typeof value === 'string' && /^\d{12}$/.test(value));
  return mostCommon(ids) ?? '000000000000';
}

/** Computes a window that covers every record and finding, widened to whole minutes. */
function windowOf(records: CloudTrailRecord[], findings: Finding[]): { start: string; end: string } {
  const times = [
    ...records.map((record) => Date.parse(record.eventTime)),
    ...findings.flatMap((finding) => {
      const service = finding.Service as { EventFirstSeen?: string; EventLastSeen?: string } | undefined;
      return [finding.CreatedAt, finding.UpdatedAt, service?.EventFirstSeen, service?.EventLastSeen].map((time) => (typeof time === 'string' ? Date.parse(time) : NaN));
    }),
  ].filter((time) => Number.isFinite(time));
  if (times.length === 0) {
    const now = Math.floor(Date.now() / MINUTE) * MINUTE;
    return { start: new Date(now).toISOString(), end: new Date(now + MINUTE).toISOString() };
  }
  const start = Math.floor(Math.min(...times) / MINUTE) * MINUTE;
  const end = Math.max(start + MINUTE, Math.ceil((Math.max(...times) + 1) / MINUTE) * MINUTE);
  return { start: new Date(start).toISOString().replace('.000Z', 'Z'), end: new Date(end).toISOString().replace('.000Z', 'Z') };
}

/**
 * Writes an imported pack: CloudTrail sorted by eventTime in files of up to 50,000 records, the
 * findings, and a manifest with one phase that shows everything. Phases and objectives are left
 * for the author to add. The manifest marks the pack as imported, so validation accepts the
 * records as they were recorded.
 */
export async function writeImportedPack(pack: ImportedPack): Promise<void> {
  const records = [...pack.records].sort((a, b) => a.eventTime.localeCompare(b.eventTime) || a.eventID.localeCompare(b.eventID));
  const cloudtrailFiles: string[] = [];
  await mkdir(path.join(pack.outDir, 'cloudtrail'), { recursive: true });
  for (let index = 0; index * RecordsPerFile < records.length; index++) {
    const file = `cloudtrail/records-${String(index + 1).padStart(4, '0')}.json`;
    await writeFile(path.join(pack.outDir, file), formatCloudTrailFile(records.slice(index * RecordsPerFile, (index + 1) * RecordsPerFile)));
    cloudtrailFiles.push(file);
  }
  const guarddutyFiles: string[] = [];
  if (pack.findings.length > 0) {
    await mkdir(path.join(pack.outDir, 'guardduty'), { recursive: true });
    await writeFile(path.join(pack.outDir, 'guardduty/findings.json'), formatFindingsFile(pack.findings));
    guarddutyFiles.push('guardduty/findings.json');
  }

  const regions = [...new Set(records.map((record) => record.awsRegion).filter((region): region is string => typeof region === 'string' && RegionPattern.test(region)))].sort();
  const primaryRegion = mostCommon(records.map((record) => record.awsRegion).filter((region): region is string => typeof region === 'string' && RegionPattern.test(region))) ?? 'us-east-1';
  const window = windowOf(records, pack.findings);
  const id = slugOf(pack.id ?? path.basename(path.resolve(pack.outDir)));
  const account = accountOf(records, pack.findings);
  const summary = `Imported ${pack.report.cloudtrail} CloudTrail records and ${pack.report.findings} GuardDuty findings${pack.anonymized ? ', anonymized' : ''}.`;

  const manifest = {
    id,
    title: `Imported logs: ${id}`.slice(0, 120),
    summary,
    account: { id: account, alias: '' },
    primaryRegion,
    regions: (regions.length > 0 ? regions : [primaryRegion]).slice(0, 30),
    window,
    brief: { summary: `${summary} Add phases, objectives and a brief before running an exercise with it.`, environment: [], workflow: [] },
    origin: 'imported',
    data: { cloudtrail: cloudtrailFiles, guardduty: guarddutyFiles },
    phases: [{ id: 'investigate', title: 'Investigate', horizon: window.end, findings: pack.findings.map((finding) => finding.Id), objectives: [] }],
    objectives: [],
  };
  const header = '# Built by `cloud-ir-lab scenario import`. Edit freely, then run `cloud-ir-lab scenario validate` on the folder.\n';
  await writeFile(path.join(pack.outDir, ManifestFile), header + stringify(manifest, { lineWidth: 100 }));
}
