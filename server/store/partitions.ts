import { createHash } from 'node:crypto';
import { emptyStoreData, type StoreData } from './records.js';

/**
 * The store keeps each exercise's records in a file of its own, so a change to one exercise
 * rewrites only that exercise's file. A partition key is the exercise id, or `null` for the server
 * partition. That one contains the records of no exercise: idempotency keys from files written
 * before keys named their exercise.
 */
export type PartitionKey = string | null;

export type Collection = keyof StoreData;

export const Collections = Object.keys(emptyStoreData()) as Collection[];

/** Return the partition a record of `collection` belongs to. */
export function partitionOf(collection: Collection, record: unknown): PartitionKey {
  const fields = record as { id?: unknown; exerciseId?: unknown };
  const id = collection === 'exercises' ? fields.id : fields.exerciseId;
  return typeof id === 'string' ? id : null;
}

/**
 * Split the data into the partitions named in `keys`, or into every partition when `keys` is
 * omitted. One pass over every collection; the records keep their order.
 */
export function splitPartitions(data: Readonly<StoreData>, keys?: ReadonlySet<PartitionKey>): Map<PartitionKey, StoreData> {
  const parts = new Map<PartitionKey, StoreData>();
  if (keys) for (const key of keys) parts.set(key, emptyStoreData());
  for (const collection of Collections) {
    for (const record of data[collection]) {
      const key = partitionOf(collection, record);
      let part = parts.get(key);
      if (!part) {
        if (keys) continue;
        part = emptyStoreData();
        parts.set(key, part);
      }
      (part[collection] as unknown[]).push(record);
    }
  }
  return parts;
}

/** Replace every record of partition `key` in `data` with the records of `part`, in place. */
export function replacePartition(data: StoreData, key: PartitionKey, part: Partial<StoreData>): void {
  for (const collection of Collections) {
    const kept = (data[collection] as unknown[]).filter((record) => partitionOf(collection, record) !== key);
    (data as Record<Collection, unknown[]>)[collection] = kept.concat(part[collection] ?? []);
  }
  data.exercises.sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * Combine the partitions read from disk into one data set. Partitions are taken in the order
 * their exercises were created, so each collection lists its records as the single file did.
 */
export function mergePartitions(parts: Partial<StoreData>[]): StoreData {
  const created = (part: Partial<StoreData>) => part.exercises?.[0]?.createdAt ?? Infinity;
  const ordered = [...parts].sort((a, b) => created(a) - created(b) || 0);
  const data = emptyStoreData();
  for (const part of ordered) {
    for (const collection of Collections) {
      const target = data[collection] as unknown[];
      // A loop, not push(...records): a spread of a very long array overflows the call stack.
      for (const record of part[collection] ?? []) target.push(record);
    }
  }
  data.exercises.sort((a, b) => a.createdAt - b.createdAt);
  return data;
}

const SafeId = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Return the file name of a partition. Ids made by the server are 16 hex characters, which are
 * used as they are. Any other id (from an older or hand-edited file) is named by its sha256 digest.
 */
export function partitionFileName(key: PartitionKey): string {
  if (key === null) return 'server.json';
  if (SafeId.test(key)) return `exercise-${key}.json`;
  return `exercise-x${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`;
}
