import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { emptyStoreData, upgradeStoreData, type StoreData } from './records.js';
import type { Store } from './store.js';

/**
 * Store on a lowdb JSON file in the data dir. lowdb writes a temporary file and renames it, so a
 * crash mid-write leaves the previous version intact. There must be exactly one instance per
 * file, because two instances share a temporary file name and lose each other's writes.
 */
export class LowdbStore implements Store {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly failureListeners: ((error: unknown) => void)[] = [];

  private constructor(private readonly db: Low<StoreData>) {}

  static async open(dataDir: string): Promise<LowdbStore> {
    await mkdir(dataDir, { recursive: true });
    const db = new Low<StoreData>(new JSONFile(path.join(dataDir, 'exercises.json')), emptyStoreData());
    await db.read();
    db.data = upgradeStoreData(db.data);
    return new LowdbStore(db);
  }

  read(): Readonly<StoreData> {
    return this.db.data;
  }

  write<T>(change: (data: StoreData) => T): Promise<T> {
    const run = async (): Promise<T> => {
      // NOTE: the copy for rollback costs a full clone per write; fine at training-day sizes.
      const before = structuredClone(this.db.data);
      let result: T;
      try {
        result = change(this.db.data);
      } catch (error) {
        // A rule of the change rejected it: nothing was written.
        this.db.data = before;
        throw error;
      }
      try {
        await this.db.write();
      } catch (error) {
        this.db.data = before;
        for (const listener of this.failureListeners) listener(error);
        throw error;
      }
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  onWriteFailed(listener: (error: unknown) => void): void {
    this.failureListeners.push(listener);
  }

  async close(): Promise<void> {
    await this.queue;
  }
}
