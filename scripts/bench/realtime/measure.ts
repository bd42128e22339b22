import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { BenchContext } from './context.js';
import { runWorkload } from './drivers.js';
import { childPids, cpuSeconds, delayBeyondInterval, scrapeEventLoop } from './process-stats.js';
import type { LatencySummary } from './stats.js';
import { scrapeStoreWrites, storeWritesBetween, type StoreWriteFigures } from './store-writes.js';
import { sleep } from './timing.js';

export interface WindowFigures {
  release: LatencySummary;
  releaseFirst: LatencySummary;
  score: LatencySummary;
  yjs: LatencySummary;
  /** Event-loop delay p99 beyond the 10 ms sampling interval. */
  eventLoopP99Ms: number;
  /** The same p99 as the server exports it, sampling interval included. */
  eventLoopP99ExportedMs: number;
  /** Maximum event-loop delay of the server in the window, beyond the sampling interval. */
  eventLoopMaxMs: number;
  cpuPercent: number;
  /** CPU use of the server's query worker processes, in percent of one core. */
  workerCpuPercent: number;
  /** Event-loop delay p99 of this bench process, whose clients' delays add to every latency. */
  clientEventLoopP99Ms: number;
  clientEventLoopMaxMs: number;
  storeWrites: StoreWriteFigures;
  /** One-minute load average of the machine at the end of the window. */
  loadAverage: number;
  seconds: number;
}

/** Milliseconds after the window for the last deliveries to arrive before missing ones are counted. */
const SettleMs = 3_000;

/**
 * Runs the full workload for `seconds` and returns its latencies, and the server's event-loop
 * delay p99 and CPU use (percent of one core) over the same window.
 */
export async function measureWindow(context: BenchContext, baseUrl: string, serverPid: number, seconds: number): Promise<WindowFigures> {
  // The scrape resets the server's event-loop histogram, so the next one covers this window only.
  await scrapeEventLoop(baseUrl);
  const writesBefore = await scrapeStoreWrites(baseUrl);
  const cpuBefore = cpuSeconds(serverPid);
  const workers = childPids(serverPid);
  const workerCpuBefore = workers.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const clientLoop = monitorEventLoopDelay({ resolution: 10 });
  clientLoop.enable();
  const began = performance.now();

  await runWorkload(context, seconds * 1000, { releases: true, boundedDocuments: false });
  await sleep(SettleMs);

  clientLoop.disable();
  const elapsedSeconds = (performance.now() - began) / 1000;
  const cpuPercent = ((cpuSeconds(serverPid) - cpuBefore) / elapsedSeconds) * 100;
  const workerCpuPercent = ((workers.reduce((sum, pid) => sum + cpuSeconds(pid), 0) - workerCpuBefore) / elapsedSeconds) * 100;
  const serverLoop = await scrapeEventLoop(baseUrl);
  const storeWrites = storeWritesBetween(writesBefore, await scrapeStoreWrites(baseUrl));

  for (const [name, tracker] of Object.entries(context.trackers)) {
    const missed = tracker.settleAll();
    tracker.resetMissed();
    if (missed > 0) context.errors.record(`${name} deliveries`, new Error(`${missed} deliveries did not arrive within ${SettleMs} ms of the window's end`));
  }
  return {
    release: context.recorders.release.summary(),
    releaseFirst: context.recorders.releaseFirst.summary(),
    score: context.recorders.score.summary(),
    yjs: context.recorders.yjs.summary(),
    eventLoopP99Ms: delayBeyondInterval(serverLoop.p99Ms),
    eventLoopP99ExportedMs: serverLoop.p99Ms,
    eventLoopMaxMs: delayBeyondInterval(serverLoop.maxMs),
    cpuPercent,
    workerCpuPercent,
    clientEventLoopP99Ms: delayBeyondInterval(clientLoop.percentile(99) / 1e6),
    clientEventLoopMaxMs: delayBeyondInterval(clientLoop.max / 1e6),
    storeWrites,
    loadAverage: loadavg()[0]!,
    seconds: elapsedSeconds,
  };
}
