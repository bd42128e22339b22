import { createHash } from 'node:crypto';
import type { Finding } from '../../../shared/model.js';
import { normalizeTime } from './event-time.js';

export type NormalizedFinding = { ok: true; finding: Finding } | { ok: false; reason: string };

/** Keys whose values are free-form data, copied without renaming their own keys. */
const OpaqueKeys = new Set(['AdditionalInfo', 'Tags', 'Evidence']);

/** Renames camelCase keys (export and EventBridge shape) to the PascalCase of GetFindings. */
function toPascalCase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPascalCase);
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const pascal = key.charAt(0).toUpperCase() + key.slice(1);
    result[pascal] = OpaqueKeys.has(pascal) ? child : toPascalCase(child);
  }
  return result;
}

function setTime(target: Record<string, unknown> | undefined, key: string): void {
  if (!target || !(key in target)) return;
  const time = normalizeTime(target[key], 'milliseconds');
  if (time !== undefined) target[key] = time;
}

/**
 * Prepares a GuardDuty finding for a pack in the GetFindings (PascalCase) shape that packs use,
 * from that shape or the camelCase one of exports and EventBridge. Times are rewritten to ISO
 * 8601 UTC. A finding without a numeric severity or a creation time is rejected with the reason.
 */
export function normalizeFinding(input: Record<string, unknown>): NormalizedFinding {
  const finding = toPascalCase(input) as Record<string, unknown>;
  const severity = typeof finding.Severity === 'string' ? Number(finding.Severity) : finding.Severity;
  if (typeof severity !== 'number' || !Number.isFinite(severity)) return { ok: false, reason: 'Severity is missing or not a number' };
  finding.Severity = severity;

  setTime(finding, 'CreatedAt');
  setTime(finding, 'UpdatedAt');
  const service = typeof finding.Service === 'object' && finding.Service !== null ? (finding.Service as Record<string, unknown>) : undefined;
  setTime(service, 'EventFirstSeen');
  setTime(service, 'EventLastSeen');
  if (normalizeTime(finding.CreatedAt, 'milliseconds') === undefined) return { ok: false, reason: 'CreatedAt is missing or not a time' };
  if (normalizeTime(finding.UpdatedAt, 'milliseconds') === undefined) finding.UpdatedAt = finding.CreatedAt;

  if (typeof finding.Id !== 'string' || finding.Id === '') finding.Id = createHash('sha256').update(JSON.stringify(input)).digest('hex').slice(0, 32);
  if (typeof finding.Title !== 'string' || finding.Title === '') finding.Title = String(finding.Type);
  return { ok: true, finding: finding as Finding };
}
