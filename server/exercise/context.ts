import { ErrorCode } from '../../shared/errors.js';
import type { AppLogger } from '../logger.js';
import type { ScenarioCatalog } from '../scenario/catalog.js';
import type { ExerciseRecord, StoreData } from '../store/records.js';
import type { Store } from '../store/store.js';
import { AppError } from './errors.js';
import type { Notifications } from './notifier.js';

/** Dependencies that every exercise service shares: the store, the scenario packs, the wall clock and the notifier. */
export interface ExerciseContext {
  store: Store;
  scenarios: ScenarioCatalog;
  logger: AppLogger;
  /** Wall clock in epoch milliseconds; tests replace it. */
  now: () => number;
  notifications: Notifications;
}

/** Find the exercise record in `data`, or throw a NOT_FOUND error that names the id. */
export function findExercise(data: Readonly<StoreData>, exerciseId: string): ExerciseRecord {
  const exercise = data.exercises.find((candidate) => candidate.id === exerciseId);
  if (!exercise) throw new AppError(ErrorCode.NotFound, `Exercise "${exerciseId}" was not found.`, 'exerciseId');
  return exercise as ExerciseRecord;
}
