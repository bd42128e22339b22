import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { emptyStoreData, type StoreData } from './records.js';
import type { Store } from './store.js';

/**
 * Store on a lowdb JSON file in the data dir. lowdb writes a temporary file and renames it, so a
 * crash mid-write leaves the previous version intact. There must be exactly one instance per
 * file, because two instances share a temporary file name and lose each other's writes.
 */
export class LowdbStore implements Store {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly db: Low<StoreData>) {}

  static async open(dataDir: string): Promise<LowdbStore> {
    await mkdir(dataDir, { recursive: true });
    const db = new Low<StoreData>(new JSONFile(path.join(dataDir, 'exercises.json')), emptyStoreData());
    await db.read();
    db.data = { ...emptyStoreData(), ...db.data };
    return new LowdbStore(db);
  }

  read(): Readonly<StoreData> {
    return this.db.data;
  }

  write<T>(change: (data: StoreData) => T): Promise<T> {
    const run = async (): Promise<T> => {
      // NOTE: the copy for rollback costs a full clone per write; fine at training-day sizes.
      const before = structuredClone(this.db.data);
      try {
        const result = change(this.db.data);
        await this.db.write();
        return result;
      } catch (error) {
        this.db.data = before;
        throw error;
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.queue;
  }
}
