import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { emptyStoreData, upgradeStoreData, type StoreData } from './records.js';
import { JsonTextAdapter } from './json-text-adapter.js';
import type { Store } from './store.js';

/**
 * Store on a lowdb JSON file in the data dir. lowdb writes a temporary file and renames it, so a
 * crash mid-write leaves the previous version intact. There must be exactly one instance per
 * file, because two instances share a temporary file name and lose each other's writes.
 * A change is applied to the live data. When it throws or cannot be saved, the data is restored
 * from the JSON text of the last saved state.
 * NOTE: writes are not fsynced. An acknowledged change survives a crash of the process, but a
 * power loss may lose the last ones. Each write also rewrites the whole file, so its cost grows
 * with the data (about 9 ms at 1.8 MB, see docs/benchmarks.md).
 */
export class LowdbStore implements Store {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly failureListeners: ((error: unknown) => void)[] = [];

  private constructor(
    private readonly db: Low<StoreData>,
    private readonly adapter: JsonTextAdapter<StoreData>,
  ) {}

  static async open(dataDir: string): Promise<LowdbStore> {
    await mkdir(dataDir, { recursive: true });
    const adapter = new JsonTextAdapter<StoreData>(path.join(dataDir, 'exercises.json'));
    const db = new Low<StoreData>(adapter, emptyStoreData());
    await db.read();
    db.data = upgradeStoreData(db.data);
    // The upgraded data is the baseline a rollback returns to, even before it is first written.
    adapter.savedText = JSON.stringify(db.data);
    return new LowdbStore(db, adapter);
  }

  read(): Readonly<StoreData> {
    return this.db.data;
  }

  write<T>(change: (data: StoreData) => T): Promise<T> {
    const run = async (): Promise<T> => {
      let result: T;
      try {
        result = change(this.db.data);
      } catch (error) {
        // A rule of the change rejected it. Most rules throw before touching anything, so the
        // data is compared with the saved state first and parsed back only when it differs.
        if (JSON.stringify(this.db.data) !== this.adapter.savedText) this.restore();
        throw error;
      }
      try {
        await this.db.write();
      } catch (error) {
        this.restore();
        for (const listener of this.failureListeners) listener(error);
        throw error;
      }
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private restore(): void {
    this.db.data = JSON.parse(this.adapter.savedText ?? 'null') ?? emptyStoreData();
  }

  onWriteFailed(listener: (error: unknown) => void): void {
    this.failureListeners.push(listener);
  }

  async close(): Promise<void> {
    await this.queue;
  }
}
