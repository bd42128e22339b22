/**
 * Reads the time forms found in real CloudTrail and GuardDuty exports and returns a UTC ISO
 * 8601 time, or undefined when the value is not a time. Accepted: `2023-07-10T11:45:03Z`, with
 * milliseconds or nanoseconds, with an offset, and `2023-07-10 11:45:03[.fff…]` (taken as UTC).
 */
export function normalizeTime(value: unknown, precision: 'seconds' | 'milliseconds'): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!match) return undefined;
  const [, date, time, fraction = '', zone = 'Z'] = match;
  const milliseconds = fraction.slice(0, 3).padEnd(3, '0');
  const offset = zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const parsed = Date.parse(`${date}T${time}.${milliseconds}${offset}`);
  if (Number.isNaN(parsed)) return undefined;
  const iso = new Date(parsed).toISOString();
  return precision === 'seconds' ? `${iso.slice(0, 19)}Z` : iso;
}
