import { createHash } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { loadScenario, type LoadOptions } from '../load.js';
import type { CloudTrailRecord } from '../manifest.js';

const gzipAsync = promisify(gzip);

/** CloudTrail delivers a log file about every five minutes per account and region. */
const DeliveryIntervalMs = 5 * 60_000;

export interface ExportReport {
  records: number;
  files: number;
}

export class ExportError extends Error {}

/** Returns `value` when it is safe as a folder name (regions and accounts come from records), else `fallback`. */
function segment(value: unknown, fallback: string): string {
  return typeof value === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(value) ? value : fallback;
}

function compact(time: number): string {
  // 20260508T0215Z, as in CloudTrail log file names.
  return new Date(time).toISOString().replace(/[-:]/g, '').slice(0, 13) + 'Z';
}

/**
 * Writes a pack's CloudTrail records (scripted and background) in the layout CloudTrail uses in
 * S3: `AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_ID.json.gz`,
 * one gzipped `{"Records": [...]}` file per account, region and five-minute delivery. Athena
 * tables with partition projection and `jq` read the result as they read real trails. The
 * output folder must be new or empty, so no existing file is overwritten.
 */
export async function exportCloudTrail(packDir: string, outDir: string, options: LoadOptions = {}): Promise<ExportReport> {
  const existing = await readdir(outDir).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error)));
  if (existing.length > 0) throw new ExportError(`--out ${outDir}: the folder is not empty. Choose a new or empty folder.`);

  const { scenario, events } = await loadScenario(packDir, options);
  const defaultAccount = scenario.manifest.account.id;
  const groups = new Map<string, { account: string; region: string; slot: number; records: CloudTrailRecord[] }>();
  for (const record of events) {
    const account = segment(record.recipientAccountId, defaultAccount);
    const region = segment(record.awsRegion, scenario.manifest.primaryRegion);
    const slot = Math.floor(Date.parse(record.eventTime) / DeliveryIntervalMs) * DeliveryIntervalMs;
    const key = `${account}/${region}/${slot}`;
    let group = groups.get(key);
    if (!group) {
      group = { account, region, slot, records: [] };
      groups.set(key, group);
    }
    group.records.push(record);
  }

  for (const group of groups.values()) {
    const day = new Date(group.slot).toISOString().slice(0, 10).split('-');
    const folder = path.join(outDir, 'AWSLogs', group.account, 'CloudTrail', group.region, ...day);
    // Real names end in a random 16-character id; a hash of the group keeps exports reproducible.
    const id = createHash('sha256').update(`${scenario.contentHash}/${group.account}/${group.region}/${group.slot}`).digest('hex').slice(0, 16).toUpperCase();
    const name = `${group.account}_CloudTrail_${group.region}_${compact(group.slot + DeliveryIntervalMs)}_${id}.json.gz`;
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, name), await gzipAsync(JSON.stringify({ Records: group.records })));
  }
  return { records: events.length, files: groups.size };
}
