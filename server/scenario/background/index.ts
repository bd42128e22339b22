import type { CloudTrailRecord } from '../manifest.js';
import type { CloudTrailEvent } from '../records/cloudtrail.js';
import { buildRecord, compareRecords } from '../records/cloudtrail.js';
import { Random } from '../records/prng.js';
import { parseTime, SECOND } from '../records/time.js';
import type { Activity, ActivityContext, ActivityHours } from './activity.js';
import { isOfficeHour } from './activity.js';
import { buildCiRunEvents, planCiRuns, selectCiRuns } from './ci-pipeline.js';
import { HUMAN_ACTIVITIES } from './human-activity.js';
import { buildCast } from './identities.js';
import { WORKLOAD_ACTIVITIES } from './workload-activity.js';

export interface BackgroundOptions {
  /** PRNG seed. The same options always give byte-identical records. */
  seed: number;
  /** Exact number of records to return. */
  events: number;
  accountId: string;
  primaryRegion: string;
  regions: string[];
  /** ISO 8601 times. Every record falls between them, both ends included. */
  window: { start: string; end: string };
}

/**
 * Share of the events that goes to the dev-deploy pipeline. The pipeline gets fewer when the
 * window has fewer runs, and the other activities fill the rest.
 */
const CI_SHARE = 0.3;

/** Attempts to land an office-hours activity inside office hours before accepting any time. */
const OFFICE_HOUR_ATTEMPTS = 20;

const ACTIVITIES: readonly { weight: number; value: Activity }[] = [...HUMAN_ACTIVITIES, ...WORKLOAD_ACTIVITIES].map(
  (activity) => ({ weight: activity.weight, value: activity }),
);

function validateOptions(options: BackgroundOptions): { start: number; end: number } {
  if (!Number.isInteger(options.events) || options.events < 0) {
    throw new Error(`background events must be a non-negative integer, got ${options.events}`);
  }
  if (!Number.isInteger(options.seed)) {
    throw new Error(`background seed must be an integer, got ${options.seed}`);
  }
  if (!/^\d{12}$/.test(options.accountId)) {
    throw new Error(`background accountId must be 12 digits, got "${options.accountId}"`);
  }
  // CloudTrail times have whole seconds, so the usable window starts at the next whole second.
  const start = Math.ceil(parseTime(options.window.start) / SECOND) * SECOND;
  const end = Math.floor(parseTime(options.window.end) / SECOND) * SECOND;
  if (end <= start) {
    throw new Error(`background window end ${options.window.end} must be after start ${options.window.start}`);
  }
  return { start, end };
}

/** Picks a whole-second time in [start, end], inside office hours when asked and possible. */
function pickTime(rng: Random, start: number, end: number, hours: ActivityHours): number {
  const spanSeconds = (end - start) / SECOND;
  let time = start;
  for (let attempt = 0; attempt < OFFICE_HOUR_ATTEMPTS; attempt++) {
    time = start + rng.int(0, spanSeconds) * SECOND;
    if (hours === 'any' || isOfficeHour(time)) {
      return time;
    }
  }
  return time;
}

/**
 * Generates routine CloudTrail activity for the ApexCorp account: people in the console and CLI,
 * Lambda and ECS roles, AWS services, and the dev-deploy pipeline from 10.10.14.0/24. Returns
 * exactly `options.events` records sorted by eventTime, then eventID.
 */
export function generateBackground(options: BackgroundOptions): CloudTrailRecord[] {
  const { start, end } = validateOptions(options);
  const rng = new Random(options.seed);
  const context: ActivityContext = {
    rng,
    cast: buildCast(options.accountId),
    primaryRegion: options.primaryRegion,
    regions: options.regions,
  };

  const events: CloudTrailEvent[] = [];
  const runs = planCiRuns(start, end, rng);
  for (const { run, steps } of selectCiRuns(runs, Math.floor(options.events * CI_SHARE))) {
    events.push(...buildCiRunEvents(context, run, steps));
  }

  while (events.length < options.events) {
    const activity = rng.pickWeighted(ACTIVITIES);
    const time = pickTime(rng, start, end, activity.hours);
    events.push(activity.build(context, time));
  }

  const records = events.map((event) => buildRecord(event, rng));
  records.sort(compareRecords);
  return records;
}
