import { checkTargets, type RealtimeResult } from './result.js';

/** Formats a result as the console summary: figures, target checks, and soak and chaos outcomes. */
export function formatReport(result: RealtimeResult, errorCounts: Record<string, number>): string {
  const { exercises, teams, members } = result.layout;
  const lines = [
    '',
    `Real-time bench: ${result.participants} participants (${exercises} exercises x ${teams} teams x ${members} members), ${result.measureSeconds} s measured`,
    `  phase release  p50 ${result.release.p50Ms} ms  p99 ${result.release.p99Ms} ms  max ${result.release.maxMs} ms  (${result.samples.release} deliveries)`,
    `  bare release   p50 ${result.bareRelease.p50Ms} ms  p99 ${result.bareRelease.p99Ms} ms  (${result.samples.bareRelease} deliveries)  ratio p99 ${result.ratio}`,
    `  first delivery of each release: product p50 ${result.releaseFirst.p50Ms} ms  p99 ${result.releaseFirst.p99Ms} ms, bare p50 ${result.bareReleaseFirst.p50Ms} ms  p99 ${result.bareReleaseFirst.p99Ms} ms`,
    `  score          p50 ${result.score.p50Ms} ms  p99 ${result.score.p99Ms} ms  (${result.samples.score} deliveries)`,
    `  yjs            p50 ${result.yjs.p50Ms} ms  p99 ${result.yjs.p99Ms} ms  (${result.samples.yjs} deliveries)`,
    `  server         event loop p99 ${result.eventLoopP99Ms} ms (exported ${result.eventLoopP99ExportedMs} ms), max ${result.eventLoopMaxMs} ms  peak RSS ${result.peakRssMb} MB  CPU ${result.cpuPercent}% of one core`,
    `  query worker   peak RSS ${result.queryWorkerPeakRssMb} MB  CPU ${result.queryWorkerCpuPercent}% of one core`,
    `  store writes   ${result.storeWrites.count}, mean ${result.storeWrites.meanMs} ms, ${result.storeWrites.over50MsPercent}% over 50 ms (queue wait included)`,
    `  bench process  event loop p99 ${result.clientEventLoopP99Ms} ms, max ${result.clientEventLoopMaxMs} ms (clients' own delay, included in every latency above)`,
    `  machine        ${result.cpuCores} cores, load average ${result.loadAverage} at the end of the window`,
    `  errors         ${result.errors}${Object.keys(errorCounts).length > 0 ? ` ${JSON.stringify(errorCounts)}` : ''}`,
    '',
    'Targets (set for 300 participants on 2 cores):',
  ];
  for (const target of checkTargets(result)) lines.push(`  ${target.met ? 'met   ' : 'MISSED'}  ${target.name}: ${target.value} (limit ${target.limit})`);

  if (result.soak) {
    const soak = result.soak;
    lines.push(
      '',
      `Soak ${soak.minutes} min: RSS ${soak.rssAfterWarmUpMb} MB after warm-up, ${soak.rssAtEndMb} MB at the end (${soak.growthPercent}%, limit 10%), errors ${soak.errors}`,
      `  V8 heap in use ${soak.heapAfterWarmUpMb} MB after warm-up, ${soak.heapAtEndMb} MB at the end; data dir ${soak.dataDirMb} MB at the end`,
    );
  }
  if (result.chaos) {
    const chaos = result.chaos;
    lines.push(
      '',
      `Chaos: restart ${chaos.restartMs} ms; all reconnected after ${chaos.reconnectAllMs} ms, all documents resynced after ${chaos.resyncAllMs} ms; event loop p99 during the storm ${chaos.stormEventLoopP99Ms} ms`,
      `  submissions checked ${chaos.submissionsChecked}, lost ${chaos.submissionsLost}`,
      `  timeline edits checked ${chaos.editsChecked}, lost ${chaos.editsLost} (missing from the stored state at the kill: ${chaos.editsLostOnDisk})`,
    );
  }
  return `${lines.join('\n')}\n\n`;
}
