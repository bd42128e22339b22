import type { CloudTrailRecord } from './api-call.js';

/** Defensive readers for fields of scripted CloudTrail records, which are untrusted input. */

export function objectField(value: unknown, field: string): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const inner = (value as Record<string, unknown>)[field];
  return typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? (inner as Record<string, unknown>) : undefined;
}

export function stringField(value: unknown, field: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const inner = (value as Record<string, unknown>)[field];
  return typeof inner === 'string' && inner.length > 0 ? inner : undefined;
}

export function numberField(value: unknown, field: string): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const inner = (value as Record<string, unknown>)[field];
  return typeof inner === 'number' && Number.isFinite(inner) ? inner : undefined;
}

/** Read the `items` list of an EC2 set such as `instancesSet`, keeping only objects. */
export function itemsOf(value: unknown, field: string): Record<string, unknown>[] {
  const set = objectField(value, field);
  const items = set?.items;
  return Array.isArray(items) ? items.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null) : [];
}

/** Sort scripted records by eventTime, keeping the file order for equal times. */
export function byEventTime(records: CloudTrailRecord[]): CloudTrailRecord[] {
  return records.map((record, index) => ({ record, index })).sort((a, b) => String(a.record.eventTime).localeCompare(String(b.record.eventTime)) || a.index - b.index).map((entry) => entry.record);
}

/** Read the name of the IAM user that made a record's call; undefined for other callers. */
export function callerUserName(record: CloudTrailRecord): string | undefined {
  const identity = objectField(record, 'userIdentity');
  return identity?.type === 'IAMUser' ? stringField(identity, 'userName') : undefined;
}
