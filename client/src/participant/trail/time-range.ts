/** A CloudTrail time range: ISO 8601 times, both inclusive; a missing side is open. */
export interface TimeRange {
  start?: string;
  end?: string;
}

/** Placeholder and format of the time range inputs: UTC, as the table and histogram show times. */
export const InputTimeFormat = 'YYYY-MM-DD HH:MM:SS';

/** Formats an ISO time as `YYYY-MM-DD HH:MM:SS` in UTC for a time range input; '' when unset or invalid. */
export function toInputValue(time: string | undefined): string {
  if (!time) return '';
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * Reads a typed time as UTC: `YYYY-MM-DD HH:MM`, with optional seconds and fraction, a space or
 * `T` between date and time, and an optional trailing `Z`. Returns undefined for an empty, partial
 * or impossible value such as February 30.
 */
export function fromInputValue(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?(\.\d{1,3})?Z?$/i.exec(value.trim());
  if (!match) return undefined;
  const date = new Date(`${match[1]}T${match[2]}${match[3] ?? ':00'}${match[4] ?? ''}Z`);
  if (Number.isNaN(date.getTime())) return undefined;
  const iso = date.toISOString();
  // Date rolls an impossible day or hour over into the next one, so compare it with what was typed.
  if (iso.slice(0, 16) !== `${match[1]}T${match[2]}`) return undefined;
  return iso.replace('.000Z', 'Z');
}

/** Put the earlier time first, so a brush dragged right to left gives the same range. */
export function ordered(range: TimeRange): TimeRange {
  if (range.start && range.end && Date.parse(range.start) > Date.parse(range.end)) return { start: range.end, end: range.start };
  return range;
}
