import type { StoreData } from './records.js';
import { Collections, partitionOf, type PartitionKey } from './partitions.js';

/** The collections of the data before a change: each array and its length. */
export type Snapshot = { arrays: unknown[][]; lengths: number[] };

export function snapshot(data: Readonly<StoreData>): Snapshot {
  const arrays = Collections.map((collection) => data[collection] as unknown[]);
  return { arrays, lengths: arrays.map((array) => array.length) };
}

/**
 * Find the partitions a change touched, without serialising the data: those of records it
 * appended or removed, and those of its audit entries. A change that edits a record in place
 * (a phase index, a team name) is found through the audit entry it appends for that exercise, as
 * every change of the exercise services does. Returns `null` when the change cannot be traced
 * this way (an array shortened in place), so the caller compares every partition instead.
 */
export function touchedPartitions(data: Readonly<StoreData>, before: Snapshot): Set<PartitionKey> | null {
  const touched = new Set<PartitionKey>();
  for (const [index, collection] of Collections.entries()) {
    const old = before.arrays[index]!;
    const oldLength = before.lengths[index]!;
    const current = data[collection] as unknown[];
    if (current === old) {
      if (current.length < oldLength) return null;
      for (let i = oldLength; i < current.length; i++) touched.add(partitionOf(collection, current[i]));
      continue;
    }
    // The change assigned a new array (a filter that removes records): compare by identity.
    const oldSet = new Set(old.slice(0, oldLength));
    const currentSet = new Set(current);
    for (const record of current) if (!oldSet.has(record)) touched.add(partitionOf(collection, record));
    for (const record of oldSet) if (!currentSet.has(record)) touched.add(partitionOf(collection, record));
  }
  return touched;
}
