import path from 'node:path';
import { snapshot, touchedPartitions } from './change-tracker.js';
import { PartitionWriter } from './partition-writer.js';
import { partitionFileName, replacePartition, splitPartitions, type PartitionKey } from './partitions.js';
import { emptyStoreData, type StoreData } from './records.js';
import { prepareStoreDir, readStoreDir } from './store-files.js';
import type { Store, WriteOptions } from './store.js';

export interface StoreOptions {
  /**
   * Compare every partition after each change and reject a change that edited an exercise it
   * did not append a record or audit entry to. Costs a full serialisation per write, so it is on
   * by default only when NODE_ENV is `test`.
   */
  verify?: boolean;
}

const EmptyPartitionText = JSON.stringify(emptyStoreData());

/**
 * Store on lowdb JSON files under `DATA_DIR/store/`: one file per exercise and `server.json` for
 * records of no exercise. A change runs at once on the live data. The store then serialises only
 * the partitions it touched and writes each through its own `PartitionWriter`, which merges the
 * changes that arrive during a write into the next one (group commit). The promise of a change
 * resolves once all its partitions are on disk, so a change never waits for another exercise's write.
 * A change that throws is rolled back to the last applied state, and a write that fails rolls its
 * partition back to the text on disk and rejects every change still waiting on it.
 * NOTE: writes are not fsynced. An acknowledged change survives a crash of the process, but a
 * power loss may lose the last ones. A change that touches two partitions and fails on one of
 * them keeps its part in the other.
 */
export class LowdbStore implements Store {
  private readonly writers = new Map<PartitionKey, PartitionWriter>();
  private readonly failureListeners: ((error: unknown) => void)[] = [];

  private constructor(
    private readonly dir: string,
    private readonly data: StoreData,
    private readonly verify: boolean,
  ) {}

  /** Open the store of a data dir, moving a file of the single-file layout into partitions first. */
  static async open(dataDir: string, options: StoreOptions = {}): Promise<LowdbStore> {
    const dir = await prepareStoreDir(dataDir);
    const data = await readStoreDir(dir);
    const store = new LowdbStore(dir, data, options.verify ?? process.env.NODE_ENV === 'test');
    // The upgraded data is the baseline a rollback returns to, even before it is first written.
    for (const [key, part] of splitPartitions(data)) store.writerFor(key, JSON.stringify(part));
    return store;
  }

  read(): Readonly<StoreData> {
    return this.data;
  }

  write<T>(change: (data: StoreData) => T, options: WriteOptions<T> = {}): Promise<T> {
    const before = snapshot(this.data);
    let result: T;
    try {
      result = change(this.data);
    } catch (error) {
      this.rollBackRejected();
      return Promise.reject(error);
    }

    // Called before serialising, so an announcement does not wait for that either.
    let announceError: unknown = null;
    try {
      options.applied?.(result);
    } catch (error) {
      announceError = error ?? new Error('The applied callback of a store write threw.');
    }

    const touched = touchedPartitions(this.data, before);
    const texts = touched === null ? this.changedPartitions() : this.partitionTexts(touched);
    const untracked = this.verify && touched !== null ? this.untrackedPartitions(touched, texts) : null;
    const saves = [...texts].map(([key, text]) => this.writerFor(key).update(text));
    return Promise.all(saves).then(() => {
      if (untracked) throw untracked;
      if (announceError !== null) throw announceError;
      return result;
    });
  }

  onWriteFailed(listener: (error: unknown) => void): void {
    this.failureListeners.push(listener);
  }

  /** Wait until every change made so far is written or has failed. */
  async close(): Promise<void> {
    await Promise.all([...this.writers.values()].map((writer) => writer.idle()));
  }

  private writerFor(key: PartitionKey, savedText = EmptyPartitionText): PartitionWriter {
    let writer = this.writers.get(key);
    if (!writer) {
      writer = new PartitionWriter(path.join(this.dir, partitionFileName(key)), savedText, (failed, error) => this.onFailure(key, failed, error));
      this.writers.set(key, writer);
    }
    return writer;
  }

  // NOTE: collecting the records of the touched exercises scans every record of the store (about
  // 0.7 ms for 9,400 records in scripts/bench/store-write.ts), so this cost grows with the whole store.
  private partitionTexts(keys: ReadonlySet<PartitionKey>): Map<PartitionKey, string> {
    const texts = new Map<PartitionKey, string>();
    for (const [key, part] of splitPartitions(this.data, keys)) texts.set(key, JSON.stringify(part));
    return texts;
  }

  /** Serialise every partition and return those that differ from their last applied text. */
  private changedPartitions(): Map<PartitionKey, string> {
    const parts = splitPartitions(this.data);
    const changed = new Map<PartitionKey, string>();
    for (const key of new Set([...parts.keys(), ...this.writers.keys()])) {
      const part = parts.get(key);
      const text = part ? JSON.stringify(part) : EmptyPartitionText;
      if (text !== (this.writers.get(key)?.appliedText ?? EmptyPartitionText)) changed.set(key, text);
    }
    return changed;
  }

  /**
   * In verify mode: find partitions the change edited but the tracker missed, add them to `texts`
   * so they are saved anyway, and return the error the change is rejected with.
   */
  private untrackedPartitions(touched: ReadonlySet<PartitionKey>, texts: Map<PartitionKey, string>): Error | null {
    const untracked = [...this.changedPartitions()].filter(([key]) => !touched.has(key));
    if (untracked.length === 0) return null;
    for (const [key, text] of untracked) texts.set(key, text);
    const names = untracked.map(([key]) => key ?? 'server').join(', ');
    return new Error(`A store change edited exercise ${names} in place without appending an audit entry for it. Call appendAudit in the same change.`);
  }

  /** Undo whatever a change that threw had already done, back to the last applied state. */
  private rollBackRejected(): void {
    for (const key of this.changedPartitions().keys()) {
      const text = this.writers.get(key)?.appliedText ?? EmptyPartitionText;
      replacePartition(this.data, key, JSON.parse(text) as StoreData);
    }
  }

  private onFailure(key: PartitionKey, writer: PartitionWriter, error: unknown): void {
    replacePartition(this.data, key, JSON.parse(writer.savedText) as StoreData);
    for (const listener of this.failureListeners) listener(error);
  }
}
