import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { CloudTrailRecord } from '../../server/scenario/manifest.js';

const gzipAsync = promisify(gzip);

/** Records per exported file; CloudTrail delivers one gzip file per account, region and few minutes. */
const RecordsPerFile = 10_000;

/**
 * The same searches with jq over the CloudTrail files as AWS delivers them (gzip JSON with a
 * `Records` array), which is what a responder without Athena does. Each command is run by bash.
 */
export const JqQueries = [
  {
    name: 'attacker IP timeline',
    command: `zcat DIR/*.json.gz | jq -c '.Records[] | select(.sourceIPAddress == "185.220.101.45") | [.eventTime, .eventSource, .eventName, .userIdentity.accessKeyId, .errorCode]' | sort`,
  },
  {
    name: 'events by user',
    command: `zcat DIR/*.json.gz | jq -r '.Records[] | select(.userIdentity.userName == "dev-deploy") | .eventName' | sort | uniq -c | sort -rn`,
  },
  {
    name: 'S3 bucket from JSON',
    command: `zcat DIR/*.json.gz | jq -r '.Records[] | select(.eventName == "GetObject") | [.requestParameters.bucketName, .sourceIPAddress] | @tsv' | sort | uniq -c | sort -rn | head -20`,
  },
];

/** Write `events` as gzip CloudTrail delivery files under `dir`; returns the number of files. */
export async function exportGzipFiles(events: CloudTrailRecord[], dir: string): Promise<number> {
  await mkdir(dir, { recursive: true });
  let files = 0;
  for (let start = 0; start < events.length; start += RecordsPerFile) {
    const body = JSON.stringify({ Records: events.slice(start, start + RecordsPerFile) });
    await writeFile(path.join(dir, `part-${String(files).padStart(5, '0')}.json.gz`), await gzipAsync(body));
    files++;
  }
  return files;
}

/** Time each jq command once over `dir`, in milliseconds; null when jq is not installed. */
export function timeJq(dir: string): { name: string; command: string; ms: number }[] | null {
  try {
    execFileSync('jq', ['--version'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return JqQueries.map(({ name, command }) => {
    const resolved = command.replaceAll('DIR', dir);
    const started = performance.now();
    execFileSync('bash', ['-o', 'pipefail', '-c', `${resolved} > /dev/null`], { stdio: ['ignore', 'ignore', 'inherit'] });
    return { name, command, ms: Math.round(performance.now() - started) };
  });
}
