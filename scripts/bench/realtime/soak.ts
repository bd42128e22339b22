import type { BenchContext } from './context.js';
import { runWorkload } from './drivers.js';
import { ErrorLog } from './error-log.js';
import { folderSizeMb, memoryMb, scrapeHeapUsedMb } from './process-stats.js';
import type { RealtimeResult } from './result.js';
import type { ProductServer } from './server-process.js';
import { sleep } from './timing.js';

const SampleIntervalMs = 5_000;
/** Length of the windows whose median RSS is compared: just after warm-up, and at the end. */
const CompareWindowMs = 30_000;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/**
 * Keeps a steady load (everything but phase releases, which have run out) for `minutes`, with team
 * documents that stop growing at a working size, so memory can reach a steady state. It samples
 * the server's RSS every 5 s. Warm-up is the first quarter of the soak, at most one minute. The
 * result compares the median RSS of the 30 s after warm-up with that of the last 30 s.
 */
export async function runSoak(context: BenchContext, server: ProductServer, minutes: number, samplePeak: () => void): Promise<NonNullable<RealtimeResult['soak']>> {
  const durationMs = minutes * 60_000;
  const warmUpMs = Math.min(60_000, durationMs / 4);
  const soakErrors = new ErrorLog();
  const soakContext: BenchContext = { ...context, errors: soakErrors };
  const samples: { at: number; rssMb: number; heapMb: number }[] = [];
  const began = performance.now();
  let running = true;

  const sampling = (async () => {
    while (running && performance.now() - began < durationMs + SampleIntervalMs) {
      const heapMb = await scrapeHeapUsedMb(server.url).catch(() => Number.NaN);
      samples.push({ at: performance.now() - began, rssMb: memoryMb(server.pid).rssMb, heapMb });
      samplePeak();
      await sleep(SampleIntervalMs);
    }
  })();
  await runWorkload(soakContext, durationMs, { releases: false, boundedDocuments: true });
  running = false;
  await sampling;
  // The bound deleted the oldest timeline entries on purpose, so a later durability check (--chaos)
  // counts only the edits made after the soak.
  context.ledger.edits.clear();

  for (const [name, tracker] of Object.entries(context.trackers)) {
    const missed = tracker.settleAll();
    tracker.resetMissed();
    if (missed > 0) soakErrors.record(`${name} deliveries`, new Error(`${missed} deliveries did not arrive during the soak`));
  }
  const end = samples.at(-1)?.at ?? 0;
  const afterWarmUpSamples = samples.filter((sample) => sample.at >= warmUpMs && sample.at <= warmUpMs + CompareWindowMs);
  const endSamples = samples.filter((sample) => sample.at >= end - CompareWindowMs);
  const afterWarmUp = median(afterWarmUpSamples.map((sample) => sample.rssMb));
  const atEnd = median(endSamples.map((sample) => sample.rssMb));
  const heapOf = (list: typeof samples) => median(list.map((sample) => sample.heapMb).filter((value) => Number.isFinite(value)));
  return {
    minutes,
    rssAfterWarmUpMb: Math.round(afterWarmUp),
    rssAtEndMb: Math.round(atEnd),
    growthPercent: afterWarmUp > 0 ? Math.round(((atEnd - afterWarmUp) / afterWarmUp) * 1000) / 10 : 0,
    heapAfterWarmUpMb: Math.round(heapOf(afterWarmUpSamples)),
    heapAtEndMb: Math.round(heapOf(endSamples)),
    dataDirMb: Math.round(folderSizeMb(server.dataDir) * 10) / 10,
    errors: soakErrors.count,
  };
}
