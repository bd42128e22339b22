import type { DuckDBConnection } from '@duckdb/node-api';
import { Limits } from '../../shared/limits.js';
import type { CloudTrailBucket, CloudTrailHistogram, CloudTrailPage, CloudTrailRow } from '../../shared/model.js';
import type { CloudTrailCriteria } from '../../shared/schemas.js';
import { buildWhere, EventTimeSql, UserNameSql } from './cloudtrail-where.js';

/**
 * The CloudTrail browser's reads, run in the query worker on a connection whose `cloudtrail_logs`
 * view already shows only the released events.
 */

/** Read one window of the matching events, newest first; ties are ordered by event id so windows never overlap. */
export async function listEvents(connection: DuckDBConnection, criteria: CloudTrailCriteria, offset: number, limit: number): Promise<CloudTrailPage> {
  const where = buildWhere(criteria);
  const total = await connection.runAndReadAll(`SELECT count(*) FROM cloudtrail_logs ${where.sql}`, where.params);
  const page = await connection.runAndReadAll(
    `SELECT eventid, eventtime, eventsource, eventname, awsregion, ${UserNameSql}, sourceipaddress, errorcode
     FROM cloudtrail_logs ${where.sql}
     ORDER BY eventtime DESC, eventid
     LIMIT ${Math.min(limit, Limits.cloudTrailPageSizeMax)} OFFSET ${offset}`,
    where.params,
  );
  const rows: CloudTrailRow[] = page.getRowsJson().map((row) => ({
    eventId: String(row[0]),
    eventTime: String(row[1]),
    eventSource: String(row[2]),
    eventName: String(row[3]),
    awsRegion: String(row[4]),
    userName: row[5] === null ? null : String(row[5]),
    sourceIpAddress: row[6] === null ? null : String(row[6]),
    errorCode: row[7] === null ? null : String(row[7]),
  }));
  return { rows, total: Number(total.getRowsJson()[0]?.[0] ?? 0), offset };
}

/** Bucket lengths in seconds that the histogram picks from, shortest first. */
const BucketSeconds = [60, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400];

/**
 * Pick the shortest bucket length that covers `spanMs` in at most `maxBuckets` buckets; beyond a
 * day, whole days. Buckets start on a multiple of their length, which can add one bucket, so the
 * span itself must fit in one bucket fewer.
 */
export function chooseBucketSeconds(spanMs: number, maxBuckets: number = Limits.cloudTrailHistogramBucketsMax): number {
  const fits = BucketSeconds.find((seconds) => spanMs / (seconds * 1_000) <= maxBuckets - 1);
  if (fits !== undefined) return fits;
  return Math.ceil(spanMs / (86_400_000 * (maxBuckets - 1))) * 86_400;
}

/**
 * Count the matching events per time bucket. The span comes from the released events only, so
 * neither the buckets nor their bounds can hint at the time of an event that is still hidden.
 * The time range of `criteria` is ignored, because the user picks the range on the histogram.
 */
export async function histogram(connection: DuckDBConnection, criteria: CloudTrailCriteria): Promise<CloudTrailHistogram> {
  const bounds = await connection.runAndReadAll(`SELECT epoch_ms(min(${EventTimeSql})), epoch_ms(max(${EventTimeSql})) FROM cloudtrail_logs`);
  const [first, last] = bounds.getRowsJson()[0] ?? [null, null];
  if (first === null || last === null || first === undefined || last === undefined) {
    return { start: null, end: null, bucketSeconds: BucketSeconds[0]!, buckets: [], total: 0 };
  }

  const firstMs = Number(first);
  const lastMs = Number(last);
  const bucketSeconds = chooseBucketSeconds(lastMs - firstMs + 1);
  const bucketMs = bucketSeconds * 1_000;
  const originMs = Math.floor(firstMs / bucketMs) * bucketMs;
  const bucketCount = Math.floor((lastMs - originMs) / bucketMs) + 1;

  const where = buildWhere(criteria, false);
  // originMs and bucketMs are integers computed here, so they can be part of the SQL text.
  const counts = await connection.runAndReadAll(
    `SELECT CAST(floor((epoch_ms(${EventTimeSql}) - ${originMs}) / ${bucketMs}) AS BIGINT) AS bucket, count(*)
     FROM cloudtrail_logs ${where.sql}
     GROUP BY bucket`,
    where.params,
  );
  const byBucket = new Map<number, number>();
  for (const [bucket, count] of counts.getRowsJson()) byBucket.set(Number(bucket), Number(count));

  const buckets: CloudTrailBucket[] = [];
  let total = 0;
  for (let index = 0; index < bucketCount; index += 1) {
    const count = byBucket.get(index) ?? 0;
    total += count;
    buckets.push({ start: new Date(originMs + index * bucketMs).toISOString(), count });
  }
  return {
    start: new Date(originMs).toISOString(),
    end: new Date(originMs + bucketCount * bucketMs).toISOString(),
    bucketSeconds,
    buckets,
    total,
  };
}
