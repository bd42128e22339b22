import type { ClockView } from '../../../shared/model.js';

export interface ClockReading {
  /** Exercise time elapsed now, pauses excluded. */
  elapsedMs: number;
  /** Scenario time now in epoch milliseconds; null before the start. */
  scenarioTimeMs: number | null;
  /** Exercise time left now; absent when the server sent no remaining time. */
  remainingMs?: number;
}

/**
 * Extrapolates a clock snapshot to the present. The time since the snapshot is measured on the
 * local clock from `receivedAt`, so a skewed client clock does not shift the result. Network
 * latency is not corrected for.
 * NOTE: assumes scenario time advances at the same rate as wall-clock time while running.
 */
export function readClock(clock: ClockView, receivedAt: number, now: number): ClockReading {
  const sinceSnapshot = clock.status === 'running' ? Math.max(0, now - receivedAt) : 0;
  const scenarioStart = clock.scenarioTime === null ? Number.NaN : Date.parse(clock.scenarioTime);
  return {
    elapsedMs: clock.elapsedMs + sinceSnapshot,
    scenarioTimeMs: Number.isNaN(scenarioStart) ? null : scenarioStart + sinceSnapshot,
    ...(typeof clock.remainingMs === 'number' ? { remainingMs: Math.max(0, clock.remainingMs - sinceSnapshot) } : {}),
  };
}
