/**
 * The server's exercise-store write histogram (`cloud_ir_lab_store_write_duration_seconds`), read
 * from `/metrics`. Each write's time includes its wait in the store's write queue, and every phase
 * release and score change waits for one write, so this shows how much of their latency is storage.
 */

export interface StoreWriteCounters {
  count: number;
  sumSeconds: number;
  /** Writes that took at most 50 ms. */
  within50Ms: number;
}

export interface StoreWriteFigures {
  count: number;
  meanMs: number;
  over50MsPercent: number;
}

/** Parses the store write histogram out of a Prometheus text exposition. */
export function parseStoreWrites(text: string): StoreWriteCounters {
  const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 0);
  return {
    count: value(/^cloud_ir_lab_store_write_duration_seconds_count\s+(\S+)$/m),
    sumSeconds: value(/^cloud_ir_lab_store_write_duration_seconds_sum\s+(\S+)$/m),
    within50Ms: value(/^cloud_ir_lab_store_write_duration_seconds_bucket\{le="0\.05"\}\s+(\S+)$/m),
  };
}

export async function scrapeStoreWrites(baseUrl: string): Promise<StoreWriteCounters> {
  const response = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`GET /metrics failed with HTTP ${response.status}`);
  return parseStoreWrites(await response.text());
}

/** Figures of the writes between two scrapes. */
export function storeWritesBetween(before: StoreWriteCounters, after: StoreWriteCounters): StoreWriteFigures {
  const count = after.count - before.count;
  if (count <= 0) return { count: 0, meanMs: 0, over50MsPercent: 0 };
  const slow = count - (after.within50Ms - before.within50Ms);
  return {
    count,
    meanMs: Math.round(((after.sumSeconds - before.sumSeconds) / count) * 10_000) / 10,
    over50MsPercent: Math.round((slow / count) * 1000) / 10,
  };
}
