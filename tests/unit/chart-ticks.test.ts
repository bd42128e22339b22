import { describe, expect, it } from 'vitest';
import { scoreTicks, timeTicks } from '../../client/src/observer/chart-ticks.js';

const minute = 60_000;
// 2026-05-08 10:00:00 UTC, a whole hour so round steps are easy to check.
const base = Date.UTC(2026, 4, 8, 10, 0, 0);

describe('timeTicks', () => {
  it('uses one-minute steps on a short span', () => {
    expect(timeTicks(base + 10_000, base + 4 * minute + 10_000)).toEqual([1, 2, 3, 4].map((n) => base + n * minute));
  });

  it('picks a round step on a long span', () => {
    const ticks = timeTicks(base, base + 120 * minute);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks[1]! - ticks[0]!).toBe(30 * minute);
    expect(ticks[0]).toBe(base);
  });

  it('returns no tick inside one minute', () => {
    expect(timeTicks(base + 1_000, base + 2_000)).toEqual([]);
  });
});

describe('scoreTicks', () => {
  it('reaches the top score', () => {
    expect(scoreTicks(90)).toEqual([0, 50, 100]);
    expect(scoreTicks(100)).toEqual([0, 50, 100]);
  });

  it('spaces small scores by one', () => {
    expect(scoreTicks(3)).toEqual([0, 1, 2, 3]);
  });

  it('handles a zero top', () => {
    expect(scoreTicks(0)).toEqual([0, 1]);
  });

  it('keeps the step count bounded', () => {
    const ticks = scoreTicks(735);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(735);
    expect(ticks.length).toBeLessThanOrEqual(6);
  });
});
