import { createHash } from 'node:crypto';
import type { CloudTrailRecord } from '../manifest.js';
import { normalizeTime } from './event-time.js';

export type NormalizedRecord = { ok: true; record: CloudTrailRecord; derivedId: boolean } | { ok: false; reason: string };

/** Builds a stable UUID-shaped id from a record's content, for records whose eventID is missing or repeated. */
export function derivedEventId(record: Record<string, unknown>): string {
  const hex = createHash('sha256').update(JSON.stringify(record)).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Prepares a CloudTrail record for a pack. eventTime is rewritten to the `YYYY-MM-DDTHH:MM:SSZ`
 * form CloudTrail writes; a missing eventID is derived from the record's content. Records with
 * no usable eventTime or eventName are rejected with the reason, and so are CloudTrail Insights
 * events, which describe unusual call rates rather than API calls. Every other field is kept.
 */
export function normalizeCloudTrailRecord(input: Record<string, unknown>): NormalizedRecord {
  if (input.eventType === 'AwsCloudTrailInsight' || input.eventCategory === 'Insight') {
    return { ok: false, reason: 'CloudTrail Insights event, not an API call' };
  }
  const eventTime = normalizeTime(input.eventTime, 'seconds');
  if (eventTime === undefined) {
    return { ok: false, reason: input.eventTime === undefined ? 'eventTime is missing' : 'eventTime is not a time' };
  }
  if (typeof input.eventName !== 'string' || input.eventName === '') return { ok: false, reason: 'eventName is missing' };

  const hasId = typeof input.eventID === 'string' && input.eventID !== '';
  const eventID = hasId ? (input.eventID as string) : derivedEventId(input);
  const record = { ...input, eventTime, eventID } as CloudTrailRecord;
  return { ok: true, record, derivedId: !hasId };
}
