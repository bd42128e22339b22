/** Time formats used in CloudTrail records and GuardDuty findings. All times are UTC. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Parses an ISO 8601 time and throws if it is invalid. */
export function parseTime(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) {
    throw new Error(`invalid ISO 8601 time "${iso}"`);
  }
  return ms;
}

/** Formats as CloudTrail eventTime: `2026-05-08T02:03:18Z`. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Formats as GuardDuty timestamps: `2026-05-08T02:17:24.512Z`. */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

function twelveHourClock(date: Date): string {
  const hours = date.getUTCHours();
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  const minutes = String(date.getUTCMinutes()).padStart(2, '0');
  const seconds = String(date.getUTCSeconds()).padStart(2, '0');
  return `${hour12}:${minutes}:${seconds} ${hours < 12 ? 'AM' : 'PM'}`;
}

function monthDayYear(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

/** Formats as IAM writes createDate in responseElements: `May 8, 2026 2:05:02 AM`. */
export function iamDate(ms: number): string {
  const date = new Date(ms);
  return `${monthDayYear(date)} ${twelveHourClock(date)}`;
}

/** Formats as STS credential expiration and ECS timestamps appear: `May 8, 2026, 3:05:02 AM`. */
export function longDateTime(ms: number): string {
  const date = new Date(ms);
  return `${monthDayYear(date)}, ${twelveHourClock(date)}`;
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
