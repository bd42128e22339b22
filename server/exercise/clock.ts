import type { ClockView } from '../../shared/model.js';
import type { Phase } from '../scenario/manifest.js';
import type { ExerciseRecord } from '../store/records.js';

/** Milliseconds of exercise time elapsed at wall-clock time `now`. */
export function elapsedMs(exercise: ExerciseRecord, now: number): number {
  if (exercise.startedAt === null) return 0;
  return Math.max(0, now - exercise.startedAt);
}

/**
 * The scenario time participants see. It starts at the current phase's horizon when the phase
 * is released and runs with the exercise clock, but never passes the next phase's horizon, so
 * the clock cannot show a time whose events are still hidden.
 */
export function scenarioTime(exercise: ExerciseRecord, phases: Phase[], elapsed: number): string | null {
  const phase = phases[exercise.phaseIndex];
  if (!phase) return null;
  const releasedAt = exercise.phaseReleasedAtMs[exercise.phaseIndex] ?? elapsed;
  const start = Date.parse(phase.horizon);
  const next = phases[exercise.phaseIndex + 1];
  const limit = next ? Date.parse(next.horizon) : Number.POSITIVE_INFINITY;
  return new Date(Math.min(start + (elapsed - releasedAt), limit)).toISOString();
}

export function clockView(exercise: ExerciseRecord, phases: Phase[], now: number): ClockView {
  const elapsed = elapsedMs(exercise, now);
  return { status: exercise.status, elapsedMs: elapsed, serverNow: now, scenarioTime: scenarioTime(exercise, phases, elapsed) };
}
