import { z } from 'zod';
import { roundMs, type LatencySummary } from './stats.js';

/**
 * Shape of `bench-results/realtime.json`. The first keys are the figures that scripts read; the
 * rest (layout, sample counts, soak and chaos outcomes) are extra detail and may grow.
 */
export const RealtimeResult = z.object({
  participants: z.number().int().nonnegative(),
  release: z.object({ p50Ms: z.number(), p99Ms: z.number(), maxMs: z.number() }),
  bareRelease: z.object({ p50Ms: z.number(), p99Ms: z.number() }),
  /**
   * Latency of the first delivery of each release, one sample per release. It covers the server's
   * work before the broadcast (for the product, one store write), so release minus this is fan-out.
   */
  releaseFirst: z.object({ p50Ms: z.number(), p99Ms: z.number() }),
  bareReleaseFirst: z.object({ p50Ms: z.number(), p99Ms: z.number() }),
  /** Product release p99 divided by bare Socket.IO release p99. */
  ratio: z.number(),
  score: z.object({ p50Ms: z.number(), p99Ms: z.number() }),
  yjs: z.object({ p50Ms: z.number(), p99Ms: z.number() }),
  /** Server event-loop delay p99 beyond the 10 ms sampling interval of its histogram. */
  eventLoopP99Ms: z.number(),
  /** The same p99 as `GET /metrics` exports it, sampling interval included. */
  eventLoopP99ExportedMs: z.number(),
  /** Maximum server event-loop delay in the measured window, beyond the sampling interval. */
  eventLoopMaxMs: z.number(),
  peakRssMb: z.number(),
  cpuPercent: z.number(),
  layout: z.object({ exercises: z.number(), teams: z.number(), members: z.number() }),
  samples: z.object({ release: z.number(), bareRelease: z.number(), score: z.number(), yjs: z.number() }),
  queryWorkerPeakRssMb: z.number(),
  /** CPU use of the query worker processes in the measured window, in percent of one core. */
  queryWorkerCpuPercent: z.number(),
  /** Event-loop delay p99 of the bench process that runs every client; it adds to each latency. */
  clientEventLoopP99Ms: z.number(),
  clientEventLoopMaxMs: z.number(),
  /** Exercise-store writes during the measured window; their time includes the wait in the write queue. */
  storeWrites: z.object({ count: z.number(), meanMs: z.number(), over50MsPercent: z.number() }),
  measureSeconds: z.number(),
  /** One-minute load average of the machine at the end of the measured window; above the core count, other work competed. */
  loadAverage: z.number(),
  cpuCores: z.number(),
  errors: z.number().int().nonnegative(),
  soak: z
    .object({
      minutes: z.number(),
      rssAfterWarmUpMb: z.number(),
      rssAtEndMb: z.number(),
      /** RSS at the end against RSS after warm-up, in percent; the soak target is at most 10. */
      growthPercent: z.number(),
      /** V8 heap in use, which unlike RSS excludes memory the heap has not returned to the system. */
      heapAfterWarmUpMb: z.number(),
      heapAtEndMb: z.number(),
      /** Size of the server's data dir at the end: the exercises and team documents the load created. */
      dataDirMb: z.number(),
      errors: z.number(),
    })
    .nullable(),
  chaos: z
    .object({
      submissionsChecked: z.number(),
      submissionsLost: z.number(),
      editsChecked: z.number(),
      /** Edits missing from a fresh client's copy of the team document after every client resynced. */
      editsLost: z.number(),
      /** Edits missing from the document state the killed server had stored, before any client resent them. */
      editsLostOnDisk: z.number(),
      /** Milliseconds from the restart command until `/readyz` returned 200. */
      restartMs: z.number(),
      /** Milliseconds from readiness until every participant's Socket.IO client had reconnected. */
      reconnectAllMs: z.number(),
      /** Milliseconds from readiness until every participant's team document had synced again. */
      resyncAllMs: z.number(),
      /** Server event-loop delay p99 from readiness until every client had resynced. */
      stormEventLoopP99Ms: z.number(),
    })
    .nullable(),
});
export type RealtimeResult = z.infer<typeof RealtimeResult>;

export interface MeasuredRun {
  layout: { exercises: number; teams: number; members: number };
  release: LatencySummary;
  bareRelease: LatencySummary;
  releaseFirst: LatencySummary;
  bareReleaseFirst: LatencySummary;
  score: LatencySummary;
  yjs: LatencySummary;
  eventLoopP99Ms: number;
  eventLoopP99ExportedMs: number;
  eventLoopMaxMs: number;
  peakRssMb: number;
  queryWorkerPeakRssMb: number;
  queryWorkerCpuPercent: number;
  clientEventLoopP99Ms: number;
  clientEventLoopMaxMs: number;
  cpuPercent: number;
  storeWrites: RealtimeResult['storeWrites'];
  measureSeconds: number;
  loadAverage: number;
  cpuCores: number;
  errors: number;
  soak?: RealtimeResult['soak'];
  chaos?: RealtimeResult['chaos'];
}

/** Builds the JSON result from the measured summaries; `ratio` is 0 when the bare p99 is 0. */
export function buildResult(run: MeasuredRun): RealtimeResult {
  const { exercises, teams, members } = run.layout;
  const ratio = run.bareRelease.p99Ms > 0 ? Math.round((run.release.p99Ms / run.bareRelease.p99Ms) * 100) / 100 : 0;
  return RealtimeResult.parse({
    participants: exercises * teams * members,
    release: { p50Ms: run.release.p50Ms, p99Ms: run.release.p99Ms, maxMs: run.release.maxMs },
    bareRelease: { p50Ms: run.bareRelease.p50Ms, p99Ms: run.bareRelease.p99Ms },
    releaseFirst: { p50Ms: run.releaseFirst.p50Ms, p99Ms: run.releaseFirst.p99Ms },
    bareReleaseFirst: { p50Ms: run.bareReleaseFirst.p50Ms, p99Ms: run.bareReleaseFirst.p99Ms },
    ratio,
    score: { p50Ms: run.score.p50Ms, p99Ms: run.score.p99Ms },
    yjs: { p50Ms: run.yjs.p50Ms, p99Ms: run.yjs.p99Ms },
    eventLoopP99Ms: roundMs(run.eventLoopP99Ms),
    eventLoopP99ExportedMs: roundMs(run.eventLoopP99ExportedMs),
    eventLoopMaxMs: roundMs(run.eventLoopMaxMs),
    peakRssMb: Math.round(run.peakRssMb),
    cpuPercent: Math.round(run.cpuPercent),
    layout: run.layout,
    samples: { release: run.release.count, bareRelease: run.bareRelease.count, score: run.score.count, yjs: run.yjs.count },
    queryWorkerPeakRssMb: Math.round(run.queryWorkerPeakRssMb),
    queryWorkerCpuPercent: Math.round(run.queryWorkerCpuPercent),
    clientEventLoopP99Ms: roundMs(run.clientEventLoopP99Ms),
    clientEventLoopMaxMs: roundMs(run.clientEventLoopMaxMs),
    storeWrites: run.storeWrites,
    measureSeconds: Math.round(run.measureSeconds),
    loadAverage: Math.round(run.loadAverage * 100) / 100,
    cpuCores: run.cpuCores,
    errors: run.errors,
    soak: run.soak ?? null,
    chaos: run.chaos ?? null,
  });
}

export interface TargetCheck {
  name: string;
  value: number;
  limit: number;
  met: boolean;
}

/**
 * Compares a result with the targets set for 300 participants on a 2-core machine. Release and
 * score p99 must stay under 100 ms, Yjs and event-loop p99 under 50 ms, the release ratio at most
 * 1.5 and peak RSS under 600 MB.
 */
export function checkTargets(result: RealtimeResult): TargetCheck[] {
  const below = (name: string, value: number, limit: number): TargetCheck => ({ name, value, limit, met: value < limit });
  return [
    below('release p99 ms', result.release.p99Ms, 100),
    { name: 'release ratio product/bare', value: result.ratio, limit: 1.5, met: result.ratio <= 1.5 },
    below('score p99 ms', result.score.p99Ms, 100),
    below('yjs p99 ms', result.yjs.p99Ms, 50),
    below('event loop p99 ms', result.eventLoopP99Ms, 50),
    below('peak RSS MB', result.peakRssMb, 600),
  ];
}
