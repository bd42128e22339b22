import type { AuditRecord } from '../store/records.js';

/** Audit actions that start, stop or restart the exercise clock. */
const ClockActions = new Set(['exercise:start', 'exercise:pause', 'exercise:resume', 'exercise:end', 'exercise:time-up']);
/** Of those, the actions after which the clock runs. */
const RunningAfter = new Set(['exercise:start', 'exercise:resume']);

/**
 * Compute the exercise time (ms, pauses excluded) at a past wall-clock time from the audit log.
 * The latest clock entry at or before `at` fixes the clock: a running clock adds the wall-clock
 * time since that entry, a stopped one keeps the time it banked. Returns null before the start.
 */
export function exerciseTimeAt(audit: readonly AuditRecord[], exerciseId: string, at: number): number | null {
  let anchor: AuditRecord | null = null;
  for (const entry of audit) {
    if (entry.exerciseId !== exerciseId || !ClockActions.has(entry.action) || entry.at > at) continue;
    if (anchor === null || entry.at >= anchor.at) anchor = entry;
  }
  if (anchor === null) return null;
  return RunningAfter.has(anchor.action) ? anchor.elapsedMs + (at - anchor.at) : anchor.elapsedMs;
}
