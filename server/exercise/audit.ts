import type { AuditEntry, AuditPage } from '../../shared/orchestration.js';
import type { AuditRecord, ExerciseRecord, StoreData } from '../store/records.js';
import { elapsedMs } from './clock.js';
import { newId } from './ids.js';
import { actorOf, type Principal } from './principal.js';

/**
 * Append an entry to the exercise's audit log. Call it inside the store write of the action, so
 * the action and its entry are saved together or not at all.
 */
export function appendAudit(
  data: StoreData,
  exercise: ExerciseRecord,
  now: number,
  principal: Principal | null,
  action: string,
  detail: Record<string, unknown> = {},
): void {
  const record: AuditRecord = { id: newId(), exerciseId: exercise.id, at: now, elapsedMs: elapsedMs(exercise, now), actor: actorOf(principal), action, detail };
  data.audit.push(record);
}

/** Return one page of an exercise's audit log, oldest first. */
export function auditPage(data: Readonly<StoreData>, exerciseId: string, offset: number, limit: number): AuditPage {
  const entries = data.audit.filter((record) => record.exerciseId === exerciseId);
  return {
    entries: entries.slice(offset, offset + limit).map(({ exerciseId: _exerciseId, ...entry }): AuditEntry => entry),
    total: entries.length,
  };
}
