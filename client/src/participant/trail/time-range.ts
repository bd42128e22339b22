/** A CloudTrail time range: ISO 8601 times, both inclusive; a missing side is open. */
export interface TimeRange {
  start?: string;
  end?: string;
}

/** Format an ISO time for an `<input type="datetime-local">` that the user reads as UTC. */
export function toInputValue(time: string | undefined): string {
  if (!time) return '';
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 19);
}

/**
 * Read a `datetime-local` value as a UTC time; Chromium leaves out the seconds when they are zero.
 * Returns undefined for an empty or unparsable value.
 */
export function fromInputValue(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?(\.\d+)?$/.exec(value.trim());
  if (!match) return undefined;
  const date = new Date(`${match[1]}${match[2] ?? ':00'}${match[3] ?? ''}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().replace('.000Z', 'Z');
}

/** Put the earlier time first, so a brush dragged right to left gives the same range. */
export function ordered(range: TimeRange): TimeRange {
  if (range.start && range.end && Date.parse(range.start) > Date.parse(range.end)) return { start: range.end, end: range.start };
  return range;
}
