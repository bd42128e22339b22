import type { ClockView } from '../../shared/model.js';
import type { Phase } from '../scenario/manifest.js';
import type { ExerciseRecord } from '../store/records.js';

/**
 * The exercise clock. Exercise time is the sum of the running stretches: the time banked at the
 * latest pause (`clockElapsedMs`) plus, while running, the wall-clock time since `runningSince`.
 * Pauses therefore never count, and a restart recomputes the same value from the stored fields.
 * While the server is down a running clock keeps running, as the room's wall clock does.
 */

type ClockFields = Pick<ExerciseRecord, 'clockElapsedMs' | 'runningSince'>;

/** Milliseconds of exercise time elapsed at wall-clock time `now`. */
export function elapsedMs(exercise: ClockFields, now: number): number {
  if (exercise.runningSince === null) return exercise.clockElapsedMs;
  return exercise.clockElapsedMs + Math.max(0, now - exercise.runningSince);
}

export function remainingMs(exercise: ClockFields & Pick<ExerciseRecord, 'durationMs'>, now: number): number {
  return Math.max(0, exercise.durationMs - elapsedMs(exercise, now));
}

/** Stop the clock at `now`, banking the running stretch. */
export function stopClock(exercise: ExerciseRecord, now: number): void {
  exercise.clockElapsedMs = elapsedMs(exercise, now);
  exercise.runningSince = null;
}

/** Exercise time (ms) at which a phase is released by itself; null when it waits for the facilitator. */
export function plannedReleaseMs(phase: Phase | undefined): number | null {
  if (!phase || phase.autoReleaseAtMinute === undefined) return null;
  return Math.round(phase.autoReleaseAtMinute * 60_000);
}

/**
 * Indexes of the phases due for automatic release at exercise time `elapsed`, in order. Phases
 * are released one after another, so a phase without a planned time stops the run: the phases
 * behind it wait until the facilitator releases it.
 */
export function dueReleases(phases: Phase[], phaseIndex: number, elapsed: number): number[] {
  const due: number[] = [];
  for (let index = phaseIndex + 1; index < phases.length; index++) {
    const planned = plannedReleaseMs(phases[index]);
    if (planned === null || planned > elapsed) break;
    due.push(index);
  }
  return due;
}

/**
 * The scenario time participants see. It starts at the current phase's horizon when the phase
 * is released and runs with the exercise clock, but never passes the next phase's horizon, so
 * the clock cannot show a time whose events are still hidden.
 */
export function scenarioTime(exercise: Pick<ExerciseRecord, 'phaseIndex' | 'phaseReleasedAtMs'>, phases: Phase[], elapsed: number): string | null {
  const phase = phases[exercise.phaseIndex];
  if (!phase) return null;
  const releasedAt = exercise.phaseReleasedAtMs[exercise.phaseIndex] ?? elapsed;
  const start = Date.parse(phase.horizon);
  const next = phases[exercise.phaseIndex + 1];
  const limit = next ? Date.parse(next.horizon) : Number.POSITIVE_INFINITY;
  return new Date(Math.min(start + Math.max(0, elapsed - releasedAt), limit)).toISOString();
}

export function clockView(exercise: ExerciseRecord, phases: Phase[], now: number): ClockView {
  const elapsed = elapsedMs(exercise, now);
  const started = exercise.status !== 'ready';
  const nextPlanned = exercise.status === 'ended' ? null : plannedReleaseMs(phases[exercise.phaseIndex + 1]);
  return {
    status: exercise.status,
    elapsedMs: elapsed,
    serverNow: now,
    scenarioTime: started ? scenarioTime(exercise, phases, elapsed) : null,
    durationMs: exercise.durationMs,
    remainingMs: remainingMs(exercise, now),
    nextReleaseAtMs: started ? nextPlanned : null,
  };
}
