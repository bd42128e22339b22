import type { DuckDBConnection } from '@duckdb/node-api';
import { openVisible, type QueryDatabase } from './query-database.js';
import type { Visibility } from './protocol.js';

/** Idle connections kept per visibility, and visibilities kept, at most. */
const IdlePerVisibility = 4;
const VisibilitiesKept = 32;

/**
 * Idle connections whose views already show one visibility, so a query does not pay for a new
 * connection and its views. A connection is reused only after a request that ended normally:
 * participants cannot create objects or change settings, so nothing carries over between them.
 */
export class ConnectionPool {
  private readonly idle = new Map<string, DuckDBConnection[]>();

  constructor(private readonly database: QueryDatabase) {}

  async acquire(visibility: Visibility): Promise<DuckDBConnection> {
    const key = keyOf(visibility);
    const connections = this.idle.get(key);
    const connection = connections?.pop();
    if (connection) return connection;
    return openVisible(this.database, visibility);
  }

  /** Return a connection for reuse; it is closed when the pool for its visibility is full. */
  release(visibility: Visibility, connection: DuckDBConnection): void {
    const key = keyOf(visibility);
    const connections = this.idle.get(key) ?? [];
    if (connections.length >= IdlePerVisibility) {
      connection.closeSync();
      return;
    }
    // Re-inserting the key moves it to the end, so the first key is the least recently used.
    this.idle.delete(key);
    this.idle.set(key, [...connections, connection]);
    if (this.idle.size > VisibilitiesKept) {
      const [oldest] = this.idle.keys();
      for (const stale of this.idle.get(oldest!) ?? []) stale.closeSync();
      this.idle.delete(oldest!);
    }
  }
}

function keyOf(visibility: Visibility): string {
  return `${visibility.horizon}|${[...visibility.releasedFindingIds].sort().join(',')}|${visibility.liveScope ?? ''}`;
}
