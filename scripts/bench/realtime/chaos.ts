import type { BenchContext } from './context.js';
import { runWorkload } from './drivers.js';
import { checkEditsOnDisk, checkEditsOnServer, checkSubmissions } from './durability.js';
import { ErrorLog } from './error-log.js';
import { childPids, delayBeyondInterval, scrapeEventLoop } from './process-stats.js';
import type { RealtimeResult } from './result.js';
import type { ProductServer } from './server-process.js';
import { sleep, waitFor } from './timing.js';

/** Milliseconds of load before the kill, and of load in total; the rest runs across the restart. */
const LoadBeforeKillMs = 8_000;
const LoadTotalMs = 20_000;
/** An acknowledgement must be this much older than the kill for its data to count as due. */
const DurabilityMarginMs = 1_000;
const ReconnectTimeoutMs = 60_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * SIGKILLs the server in the middle of a steady load, restarts it on the same port and data dir,
 * and measures the reconnect storm: every client must reconnect by itself. Then checks that every
 * submission and timeline edit acknowledged more than a second before the kill is still there.
 */
export async function runChaos(context: BenchContext, server: ProductServer, log: (message: string) => void): Promise<NonNullable<RealtimeResult['chaos']>> {
  // Requests fail while the server is down; those failures are the point, not bench errors.
  const chaosContext: BenchContext = { ...context, errors: new ErrorLog() };
  // Documents stay unbounded here: the check afterwards expects every acknowledged edit to be there.
  const load = runWorkload(chaosContext, LoadTotalMs, { releases: false, boundedDocuments: false });
  await sleep(LoadBeforeKillMs);

  const workers = childPids(server.pid);
  const killedAt = performance.now();
  await server.kill();
  // Query workers exit when their parent's IPC channel closes; any that do not are stopped here.
  if (!(await waitFor(() => workers.every((pid) => !alive(pid)), 5_000))) {
    for (const pid of workers.filter(alive)) process.kill(pid, 'SIGKILL');
  }
  const cutoff = killedAt - DurabilityMarginMs;
  const onDisk = await checkEditsOnDisk(server.dataDir, context.ledger, cutoff);

  const restartMs = await server.start();
  const readyAt = performance.now();
  log(`server restarted in ${Math.round(restartMs)} ms; waiting for every client to reconnect`);
  await scrapeEventLoop(server.url);

  const participants = context.population.participants;
  let reconnectAllMs = -1;
  let resyncAllMs = -1;
  await Promise.all([
    waitFor(() => participants.every((participant) => participant.socket.connected), ReconnectTimeoutMs).then((done) => {
      if (done) reconnectAllMs = performance.now() - readyAt;
    }),
    waitFor(() => participants.every((participant) => participant.team.provider.synced), ReconnectTimeoutMs).then((done) => {
      if (done) resyncAllMs = performance.now() - readyAt;
    }),
  ]);
  const stormEventLoopP99Ms = (await scrapeEventLoop(server.url)).p99Ms;
  if (reconnectAllMs < 0) context.errors.record('chaos', new Error(`not every Socket.IO client reconnected within ${ReconnectTimeoutMs} ms`));
  if (resyncAllMs < 0) context.errors.record('chaos', new Error(`not every team document resynced within ${ReconnectTimeoutMs} ms`));

  await load;
  for (const tracker of Object.values(context.trackers)) {
    tracker.settleAll();
    tracker.resetMissed();
  }
  const submissions = await checkSubmissions(context.population, context.ledger, cutoff);
  const edits = await checkEditsOnServer(server.url, context.population, context.ledger, cutoff);
  return {
    submissionsChecked: submissions.checked,
    submissionsLost: submissions.lost,
    editsChecked: edits.checked,
    editsLost: edits.lost,
    editsLostOnDisk: onDisk.lost,
    restartMs: Math.round(restartMs),
    reconnectAllMs: Math.round(reconnectAllMs),
    resyncAllMs: Math.round(resyncAllMs),
    stormEventLoopP99Ms: Math.round(delayBeyondInterval(stormEventLoopP99Ms) * 10) / 10,
  };
}
