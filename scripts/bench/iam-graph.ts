// Measure the IAM graph with the server in its own process on 127.0.0.1. The script times the
// acknowledgement of `iam:graph` when every participant requests it right after a release (one
// request queries and builds) and afterwards (cached). It also records the size of the graph and
// the build time over a large synthetic event list.
// Run: npx tsx scripts/bench/iam-graph.ts [participants] [rounds] ; writes bench-results/iam-graph-<time>.json
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import type { IamGraph } from '../../shared/iam-graph.js';
import { buildIamGraph, buildIamGraphAsync } from '../../server/investigation/iam-graph/build-graph.js';
import type { IamEvent } from '../../server/investigation/iam-graph/iam-event.js';
import { parseIamSnapshot } from '../../server/investigation/iam-graph/snapshot.js';
import { FacilitatorToken, ok, request, type ClientSocket } from '../../tests/support/harness.js';
import { ServerProcess } from '../../tests/support/server-process.js';
import { connect, percentile, populateExercise } from './exercise-setup.js';

const participants = Number(process.argv[2] ?? 30);
const rounds = Number(process.argv[3] ?? 20);
const teams = 6;
const syntheticEvents = 1_000;

const round2 = (value: number) => Math.round(value * 100) / 100;
const summary = (values: number[]) => ({ count: values.length, p50: round2(percentile(values, 50)), p99: round2(percentile(values, 99)), max: round2(Math.max(...values)) });

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** Generate key, policy and group changes on 50 users, the kind of churn a busy account logs. */
function syntheticIamEvents(count: number): IamEvent[] {
  const names = ['CreateAccessKey', 'AttachUserPolicy', 'AddUserToGroup', 'DetachUserPolicy', 'PutUserPolicy'];
  return Array.from({ length: count }, (_, index) => {
    const user = `user-${index % 50}`;
    const eventName = names[index % names.length]!;
    const requestParameters: Record<string, unknown> = { userName: user, policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', groupName: 'Developers', policyName: `inline-${index % 7}`, policyDocument: '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}' };
    const responseElements = eventName === 'CreateAccessKey' ? { accessKey: { accessKeyId: `AKIABENCH${String(index).padStart(11, '0')}`, userName: user, status: 'Active' } } : null;
    const time = new Date(Date.UTC(2026, 4, 8, 3) + index * 1000).toISOString();
    return { eventId: `bench-${index}`, eventTime: time, eventName, eventSource: 'iam.amazonaws.com', actor: 'bench', callerUserName: 'bench', sourceIpAddress: '127.0.0.1', requestParameters, responseElements };
  });
}

const snapshotText = await readFile(path.resolve('scenarios/apexcorp-prod/iam/snapshot.json'), 'utf8');
const snapshot = parseIamSnapshot(JSON.parse(snapshotText));
const events = syntheticIamEvents(syntheticEvents);
const buildMs: number[] = [];
let built: IamGraph | undefined;
for (let run = 0; run < 10; run++) {
  const started = performance.now();
  built = buildIamGraph(snapshot, events, { scenarioId: 'bench', accountId: '123456789012', windowStart: '2026-05-07T00:00:00Z', horizon: '2026-05-08T06:00:00Z' });
  buildMs.push(performance.now() - started);
}

// The server builds with the async variant, and its longest event-loop stall is what other requests wait.
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
await buildIamGraphAsync(snapshot, events, { scenarioId: 'bench', accountId: '123456789012', windowStart: '2026-05-07T00:00:00Z', horizon: '2026-05-08T06:00:00Z' });
loopDelay.disable();
const longestStallMs = round2(loopDelay.max / 1e6);

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cloud-ir-lab-bench-'));
const server = await ServerProcess.start(dataDir);
const sockets: ClientSocket[] = [];
try {
  const facilitator = await connect(server.url, FacilitatorToken);
  sockets.push(facilitator);
  const { exercise, players } = await populateExercise(server.url, facilitator, 'IAM graph benchmark', teams, participants);
  sockets.push(...players);
  await ok(request(facilitator, 'exercise:start', { exerciseId: exercise.id }));

  const phases: Record<string, unknown>[] = [];
  for (let phase = 0; phase < 4; phase++) {
    if (phase > 0) await ok(request(facilitator, 'phase:advance', { exerciseId: exercise.id, expectedPhaseIndex: phase - 1 }));
    // Every participant requests the graph at once, as the tab does after a release, and one request builds it.
    const burst = await Promise.all(players.map((socket) => timed(() => ok(request<IamGraph>(socket, 'iam:graph')))));
    const cached: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const results = await Promise.all(players.map((socket) => timed(() => ok(request<IamGraph>(socket, 'iam:graph')))));
      cached.push(...results.map((result) => result.ms));
    }
    const graph = burst[0]!.value;
    phases.push({
      phase: phase + 1,
      horizon: graph.horizon,
      nodes: graph.current.nodes.length,
      changes: graph.changes.length,
      jsonBytes: Buffer.byteLength(JSON.stringify(graph)),
      afterReleaseMs: summary(burst.map((result) => result.ms)),
      cachedMs: summary(cached),
    });
  }

  const result = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    setup: { participants, teams, rounds, server: 'separate process, 127.0.0.1' },
    phases,
    build: { events: syntheticEvents, changes: built?.changes.length ?? 0, nodes: built?.current.nodes.length ?? 0, ms: summary(buildMs), asyncLongestStallMs: longestStallMs },
  };
  await mkdir('bench-results', { recursive: true });
  const file = path.join('bench-results', `iam-graph-${result.measuredAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\nWritten to ${file}\n`);
} finally {
  for (const socket of sockets) socket.disconnect();
  await server.stop('SIGTERM');
  await rm(dataDir, { recursive: true, force: true });
}
