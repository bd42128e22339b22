import type { Manifest } from '../scenario/manifest.js';
import type { Visibility } from './protocol.js';

/** Horizon that shows every event of a scenario. */
const EndOfTime = '9999-12-31T23:59:59Z';

export interface VisibilityPoint {
  /** 1-based phase number: what a team sees once this phase has been released. */
  phase?: number;
  /** Scenario time (ISO 8601): events up to it, and the findings of the phases released by then. */
  until?: string;
}

export class VisibilityError extends Error {}

/**
 * What a team of an exercise on `manifest` sees at a point of the scenario; without a point,
 * everything. With `until`, the phase in progress is the first whose horizon is at or after that
 * time, and its findings and those of earlier phases are released.
 */
export function visibilityAt(manifest: Manifest, allFindingIds: string[], point: VisibilityPoint = {}): Visibility {
  const phases = manifest.phases;
  if (point.phase !== undefined) {
    if (!Number.isInteger(point.phase) || point.phase < 1 || point.phase > phases.length) {
      throw new VisibilityError(`--phase must be a whole number from 1 to ${phases.length} for scenario ${manifest.id}, got ${point.phase}.`);
    }
    const released = phases.slice(0, point.phase);
    return { horizon: released.at(-1)!.horizon, releasedFindingIds: released.flatMap((phase) => phase.findings) };
  }
  if (point.until !== undefined) {
    const time = Date.parse(point.until);
    if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}T/.test(point.until)) {
      throw new VisibilityError(`--until must be an ISO 8601 time such as 2026-05-08T03:00:00Z, got "${point.until}".`);
    }
    const current = phases.findIndex((phase) => Date.parse(phase.horizon) >= time);
    const released = current === -1 ? phases : phases.slice(0, current + 1);
    return { horizon: new Date(time).toISOString(), releasedFindingIds: released.flatMap((phase) => phase.findings) };
  }
  return { horizon: EndOfTime, releasedFindingIds: allFindingIds };
}
