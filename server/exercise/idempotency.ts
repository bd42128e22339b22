import type { StoreData } from '../store/records.js';

/** Keys older than this are forgotten, so the store does not grow without bound. */
const KeyLifetimeMs = 24 * 60 * 60 * 1000;
/**
 * Keys kept at most, oldest dropped first, so a burst of keyed requests cannot grow the store
 * within the lifetime. Keyed requests are facilitator actions, by estimate a few hundred in a training day.
 */
export const IdempotencyKeysMax = 5_000;

/**
 * Idempotency keys recorded inside the same store write as the action they guard, so a resend
 * after a lost acknowledgement or a crash finds either both the action and its key or neither.
 */
export function replayed<T>(data: Readonly<StoreData>, scope: string, key: string | undefined): { result: T } | undefined {
  if (!key) return undefined;
  const record = data.idempotency.find((candidate) => candidate.key === `${scope}/${key}`);
  return record ? { result: record.result as T } : undefined;
}

/** Record the result of a keyed request in the partition of `exerciseId`, the exercise it changed. */
export function remember(data: StoreData, scope: string, key: string | undefined, result: unknown, now: number, exerciseId: string): void {
  if (!key) return;
  const live = data.idempotency.filter((record) => now - record.at < KeyLifetimeMs);
  data.idempotency = live.length >= IdempotencyKeysMax ? live.slice(live.length - IdempotencyKeysMax + 1) : live;
  data.idempotency.push({ key: `${scope}/${key}`, exerciseId, result, at: now });
}
