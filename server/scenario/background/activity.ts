import type { CloudTrailEvent, SessionAttributes } from '../records/cloudtrail.js';
import { awsUniqueId } from '../records/ids.js';
import type { Random } from '../records/prng.js';
import { isoSeconds, MINUTE } from '../records/time.js';
import type { Cast } from './identities.js';

/** Shared types and helpers for the background activity templates. */

export interface ActivityContext {
  rng: Random;
  cast: Cast;
  primaryRegion: string;
  regions: readonly string[];
}

/** When an activity happens: during US office hours, or at any time of day. */
export type ActivityHours = 'office' | 'any';

/** A kind of routine call. The generator picks activities by weight and builds one event each. */
export interface Activity {
  name: string;
  weight: number;
  hours: ActivityHours;
  build(context: ActivityContext, time: number): CloudTrailEvent;
}

/** First and last UTC hour of US East office hours (08:00 to 18:59 EDT). */
export const OFFICE_HOURS_UTC = { first: 12, last: 22 } as const;

export function isOfficeHour(time: number): boolean {
  const hour = new Date(time).getUTCHours();
  return hour >= OFFICE_HOURS_UTC.first && hour <= OFFICE_HOURS_UTC.last;
}

/** Returns temporary credentials for a session that started up to `maxAgeMinutes` before `time`. */
export function temporarySession(
  context: ActivityContext,
  time: number,
  maxAgeMinutes: number,
  mfaAuthenticated: boolean,
): { accessKeyId: string; session: SessionAttributes } {
  const startedAt = time - context.rng.int(1, maxAgeMinutes) * MINUTE;
  return {
    accessKeyId: awsUniqueId('ASIA', context.cast.accountId, context.rng),
    session: { creationDate: isoSeconds(startedAt), mfaAuthenticated },
  };
}

/** Picks a region other than the primary one with probability `otherShare`. */
export function pickRegion(context: ActivityContext, otherShare: number): string {
  const others = context.regions.filter((region) => region !== context.primaryRegion);
  if (others.length > 0 && context.rng.chance(otherShare)) {
    return context.rng.pick(others);
  }
  return context.primaryRegion;
}

/** Returns an address in a /24 given as its first three octets, such as `10.10.14.`. */
export function addressIn(context: ActivityContext, prefix: string, first: number, last: number): string {
  return `${prefix}${context.rng.int(first, last)}`;
}
