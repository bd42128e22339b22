import type { CloudTrailRecord } from '../manifest.js';
import { parseTime, SECOND } from '../records/time.js';
import { generateBackground, type BackgroundOptions } from './index.js';

/** Largest number of background records generated in one piece. */
export const BackgroundChunkEvents = 100_000;

/**
 * Generates background activity piece by piece, so that millions of records can be written
 * without holding them all in memory. Up to `chunkEvents` records come out as one
 * piece, identical to `generateBackground(options)`. Larger sizes split the window into equal
 * slices, each generated with its own seed derived from `options.seed`. Every piece is sorted,
 * and the slices follow each other in time.
 */
export function* generateBackgroundChunks(options: BackgroundOptions, chunkEvents = BackgroundChunkEvents): Generator<CloudTrailRecord[]> {
  if (options.events <= chunkEvents) {
    yield generateBackground(options);
    return;
  }
  const slices = Math.ceil(options.events / chunkEvents);
  const start = parseTime(options.window.start);
  const span = parseTime(options.window.end) - start;
  let produced = 0;
  for (let index = 0; index < slices; index++) {
    const events = Math.round((options.events * (index + 1)) / slices) - produced;
    produced += events;
    // Slices share no second, so the records of one slice all sort before the next slice.
    const sliceStart = start + Math.ceil((span * index) / slices / SECOND) * SECOND;
    const sliceEnd = index === slices - 1 ? start + span : start + Math.ceil((span * (index + 1)) / slices / SECOND) * SECOND - SECOND;
    yield generateBackground({
      ...options,
      seed: (options.seed + index) % 2 ** 31,
      events,
      window: { start: new Date(sliceStart).toISOString(), end: new Date(sliceEnd).toISOString() },
    });
  }
}
