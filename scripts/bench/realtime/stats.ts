/** Latency statistics of the real-time bench. Pure functions, so a unit test can check them. */

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * Returns the nearest-rank percentile `p` (0–100) of `samples`: the smallest sample that at least
 * p% of the samples are less than or equal to. Returns 0 for an empty sample, so a run without
 * samples shows up as a zero count rather than as NaN in the JSON output.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be between 0 and 100, got ${p}`);
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Rounds milliseconds to 0.1 ms, the precision the bench reports. */
export function roundMs(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Summarises latency samples in milliseconds as count, p50, p99 and max. */
export function summarize(samples: readonly number[]): LatencySummary {
  let max = 0;
  for (const sample of samples) max = Math.max(max, sample);
  return {
    count: samples.length,
    p50Ms: roundMs(percentile(samples, 50)),
    p99Ms: roundMs(percentile(samples, 99)),
    maxMs: roundMs(max),
  };
}

/**
 * Latency samples of one kind, capped at `maxSamples` so a long soak cannot grow memory without
 * bound. Past the cap, reservoir sampling keeps a uniform sample of everything recorded.
 */
export class LatencyRecorder {
  private readonly samples: number[] = [];
  private seen = 0;

  constructor(private readonly maxSamples = 200_000) {}

  record(latencyMs: number): void {
    this.seen += 1;
    if (this.samples.length < this.maxSamples) {
      this.samples.push(latencyMs);
      return;
    }
    const slot = Math.floor(Math.random() * this.seen);
    if (slot < this.maxSamples) this.samples[slot] = latencyMs;
  }

  /** Number of samples recorded, including those the cap dropped. */
  get recorded(): number {
    return this.seen;
  }

  summary(): LatencySummary {
    return { ...summarize(this.samples), count: this.seen };
  }

  clear(): void {
    this.samples.length = 0;
    this.seen = 0;
  }
}
