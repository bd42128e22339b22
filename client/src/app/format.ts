/** Formatting helpers shared by the views. */

export type SeverityLabel = 'HIGH' | 'MEDIUM' | 'LOW';

/** Maps a GuardDuty severity number to its label: HIGH from 7.0, MEDIUM from 4.0, LOW below. */
export function severityLabel(severity: number): SeverityLabel {
  if (severity >= 7) {
    return 'HIGH';
  }
  if (severity >= 4) {
    return 'MEDIUM';
  }
  return 'LOW';
}

/** Formats an ISO 8601 time or epoch milliseconds as `YYYY-MM-DD HH:MM:SS` in UTC; unparsable input is returned as is. */
export function formatUtc(time: string | number): string {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) {
    return String(time);
  }
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** Formats a duration in milliseconds as `H:MM:SS`. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** Turns a CloudTrail eventSource such as `iam.amazonaws.com` into its service name `iam`. */
export function serviceName(eventSource: string): string {
  return eventSource.replace(/\.amazonaws\.com$/, '');
}

/** Renders one query result cell: NULL for null, JSON for nested values. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) {
    return 'NULL';
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
