import type { StoreData } from './records.js';

export interface WriteOptions<T> {
  /**
   * Called with the change's result once the change is in memory, and so visible to reads, but
   * before it is on disk. For announcements that need not wait for the disk. If it throws, the
   * write still completes and then rejects with that error.
   */
  applied?: (result: T) => void;
}

/**
 * The exercise store. Reads see the current in-memory state; writes are serialised and resolve
 * only after the change is on disk, so an acknowledged action survives a restart.
 */
export interface Store {
  read(): Readonly<StoreData>;
  /**
   * Apply `change` to the data and persist it. If persisting fails, the change is rolled back and
   * the error is thrown. A change that edits a record in place must append an audit entry for the
   * record's exercise in the same change (`appendAudit`), because the store finds what to save
   * from the records a change appends or removes.
   */
  write<T>(change: (data: StoreData) => T, options?: WriteOptions<T>): Promise<T>;
  /** Register a listener called with every error of persisting a change, after the rollback. */
  onWriteFailed(listener: (error: unknown) => void): void;
  /** Wait for every queued write to finish. */
  close(): Promise<void>;
}
