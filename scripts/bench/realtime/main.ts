/**
 * `npm run bench:realtime`: measures cloud-ir-lab's real-time path at a given number of
 * participants and writes bench-results/realtime.json (see result.ts for its shape). The server
 * and the bare Socket.IO baseline run in their own processes; all clients run in this one.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { measureBareFanout } from './bare-fanout.js';
import { runChaos } from './chaos.js';
import { createContext } from './context.js';
import { ErrorLog } from './error-log.js';
import { measureWindow } from './measure.js';
import { OptionsError, parseOptions, Usage, type BenchOptions } from './options.js';
import { closePopulation, populate, type Population } from './population.js';
import { childPids, memoryMb } from './process-stats.js';
import { formatReport } from './report.js';
import { buildResult, type MeasuredRun } from './result.js';
import { ProductServer } from './server-process.js';
import { runSoak } from './soak.js';

/** Milliseconds between two bare releases at most; the product spreads its releases wider. */
const BareSpacingMaxMs = 250;

function log(message: string): void {
  process.stdout.write(`bench: ${message}\n`);
}

function peakMemory(server: ProductServer, peaks: { server: number; workers: number }): void {
  peaks.server = Math.max(peaks.server, memoryMb(server.pid).peakRssMb);
  let workers = 0;
  for (const pid of childPids(server.pid)) workers += memoryMb(pid).peakRssMb;
  peaks.workers = Math.max(peaks.workers, workers);
}

async function run(options: BenchOptions): Promise<number> {
  const layout = { exercises: options.exercises, teams: options.teams, members: options.members };
  const participants = layout.exercises * layout.teams * layout.members;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-realtime-bench-'));
  const server = new ProductServer(dataDir);
  const errors = new ErrorLog();
  const peaks = { server: 0, workers: 0 };
  let population: Population | null = null;
  const began = performance.now();

  // Stop the server and remove its data dir on Ctrl-C or SIGTERM too, not only at the end.
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal} received; stopping the server`);
    if (population) closePopulation(population);
    void server
      .stop()
      .then(() => rm(dataDir, { recursive: true, force: true }))
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    log(`starting the server (data dir ${dataDir})`);
    await server.start();
    log(`connecting ${participants} participants: ${layout.exercises} exercises x ${layout.teams} teams x ${layout.members} members`);
    population = await populate(server.url, server.facilitatorToken, layout);
    const context = createContext(population, errors);

    log(`measuring for ${options.measureSeconds} s`);
    const window = await measureWindow(context, server.url, server.pid, options.measureSeconds);
    peakMemory(server, peaks);

    log('measuring the same fan-out through a bare Socket.IO server');
    const productSpacingMs = (0.7 * options.measureSeconds * 1000) / (3 * layout.exercises);
    const bare = await measureBareFanout(layout, context.releasePayloads, Math.min(BareSpacingMaxMs, productSpacingMs), errors);
    const mainErrors = errors.count;

    const measured: MeasuredRun = {
      layout,
      release: window.release,
      bareRelease: bare.all,
      releaseFirst: window.releaseFirst,
      bareReleaseFirst: bare.first,
      score: window.score,
      yjs: window.yjs,
      eventLoopP99Ms: window.eventLoopP99Ms,
      eventLoopP99ExportedMs: window.eventLoopP99ExportedMs,
      eventLoopMaxMs: window.eventLoopMaxMs,
      peakRssMb: 0,
      queryWorkerPeakRssMb: 0,
      queryWorkerCpuPercent: window.workerCpuPercent,
      clientEventLoopP99Ms: window.clientEventLoopP99Ms,
      clientEventLoopMaxMs: window.clientEventLoopMaxMs,
      cpuPercent: window.cpuPercent,
      storeWrites: window.storeWrites,
      measureSeconds: window.seconds,
      loadAverage: window.loadAverage,
      cpuCores: availableParallelism(),
      errors: mainErrors,
    };

    if (options.soakMinutes !== null) {
      log(`soak: steady load for ${options.soakMinutes} min`);
      measured.soak = await runSoak(context, server, options.soakMinutes, () => peakMemory(server, peaks));
    }
    if (options.chaos) {
      log('chaos: killing the server mid-run and restarting it');
      peakMemory(server, peaks);
      measured.chaos = await runChaos(context, server, log);
      peakMemory(server, peaks);
    }
    measured.peakRssMb = peaks.server;
    measured.queryWorkerPeakRssMb = peaks.workers;

    const result = buildResult(measured);
    await mkdir(options.outDir, { recursive: true });
    const json = `${JSON.stringify(result, null, 2)}\n`;
    await writeFile(path.join(options.outDir, 'realtime.json'), json);
    await writeFile(path.join(options.outDir, `realtime-${participants}.json`), json);

    process.stdout.write(formatReport(result, errors.counts()));
    log(`wrote ${path.join(options.outDir, 'realtime.json')} in ${Math.round((performance.now() - began) / 1000)} s`);

    const chaos = result.chaos;
    const lost = chaos ? chaos.submissionsLost + chaos.editsLost + chaos.editsLostOnDisk : 0;
    const stranded = chaos !== null && (chaos.reconnectAllMs < 0 || chaos.resyncAllMs < 0);
    const soakFailed = result.soak !== null && (result.soak.errors > 0 || result.soak.growthPercent > 10);
    return result.errors > 0 || lost > 0 || stranded || soakFailed ? 1 : 0;
  } finally {
    if (population) closePopulation(population);
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // Each y-websocket provider adds a process "exit" listener; hundreds of them are expected here.
  process.setMaxListeners(0);
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    process.stderr.write(`${error.message}\n\n${Usage}`);
    process.exit(2);
  }
  if (options === 'help') {
    process.stdout.write(Usage);
    return;
  }
  try {
    process.exit(await run(options));
  } catch (error) {
    process.stderr.write(`bench: the run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  }
}

await main();
