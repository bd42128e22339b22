// Measure the facilitator's team progress view with the server in its own process on 127.0.0.1:
// the round trip of `team:progress`, and the milliseconds from a change (a score adjustment, or a
// timeline entry in a team document) until the facilitator receives the `progress:updated` that
// shows it. Pushes wait 250 ms on purpose and come at most once a second, so rounds are spaced
// 1.2 s apart and the push figures include that wait.
// Run: npx tsx scripts/bench/progress-push.ts [teams] [participants] [rounds] ; writes bench-results/progress-push-<time>.json
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CollabPath, TimelineArrayName, teamDocName } from '../../shared/collab.js';
import type { ProgressUpdate } from '../../shared/model.js';
import { FacilitatorToken, ok, request, type ClientSocket } from '../../tests/support/harness.js';
import { ServerProcess } from '../../tests/support/server-process.js';
import { connect, percentile, populateExercise } from './exercise-setup.js';

const teams = Number(process.argv[2] ?? 20);
const participants = Number(process.argv[3] ?? 100);
const rounds = Number(process.argv[4] ?? 20);
const entriesPerTeam = 40;
const roundGapMs = 1_200;

function timelineEntry(id: string): Y.Map<string> {
  return new Y.Map<string>(
    Object.entries({ id, refId: `evt-${id}`, refKind: 'cloudtrail', eventTime: '2026-05-08T02:17:00Z', actor: 'dev-deploy', action: 'CreateAccessKey', sourceIp: '185.220.101.45', note: 'benchmark', technique: '', author: 'bench' }),
  );
}

/** Resolve with the milliseconds since `since` when the first push that passes `check` arrives. */
function nextPush(socket: ClientSocket, since: () => number, check: (update: ProgressUpdate) => boolean): Promise<number> {
  return new Promise((resolve) => {
    const listener = (update: ProgressUpdate) => {
      if (!check(update)) return;
      socket.off('progress:updated', listener);
      resolve(performance.now() - since());
    };
    socket.on('progress:updated', listener);
  });
}

const summarize = (values: number[]) => {
  const round2 = (value: number) => Math.round(value * 100) / 100;
  return { count: values.length, p50: round2(percentile(values, 50)), p99: round2(percentile(values, 99)), max: round2(Math.max(...values)) };
};

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cloud-ir-lab-bench-'));
const server = await ServerProcess.start(dataDir);
const sockets: ClientSocket[] = [];
const providers: { provider: WebsocketProvider; doc: Y.Doc }[] = [];
try {
  const facilitator = await connect(server.url, FacilitatorToken);
  sockets.push(facilitator);
  const { exercise, players } = await populateExercise(server.url, facilitator, 'Progress benchmark', teams, participants);
  sockets.push(...players);
  await ok(request(facilitator, 'exercise:start', { exerciseId: exercise.id }));
  await ok(request(facilitator, 'exercise:watch', { exerciseId: exercise.id }));

  // Each team's document gets timeline entries, so the view counts real documents.
  const tokens = await Promise.all(
    exercise.teams.map(async (team, index) => {
      const response = await fetch(`${server.url}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: exercise.joinCode, displayName: `Writer ${index}`, teamId: team.id }),
      });
      return ((await response.json()) as { data: { playerToken: string } }).data.playerToken;
    }),
  );
  for (const [index, team] of exercise.teams.entries()) {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(server.url.replace('http', 'ws') + CollabPath, teamDocName(team.id), doc, {
      params: { token: tokens[index]! },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    providers.push({ provider, doc });
    await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
    doc.getArray<Y.Map<string>>(TimelineArrayName).push(Array.from({ length: entriesPerTeam }, (_, entry) => timelineEntry(`${index}-${entry}`)));
  }
  await new Promise((resolve) => setTimeout(resolve, 2_000));

  const requestMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    await ok(request<ProgressUpdate>(facilitator, 'team:progress', { exerciseId: exercise.id }));
    requestMs.push(performance.now() - started);
  }

  const scorePushMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    await new Promise((resolve) => setTimeout(resolve, roundGapMs));
    const team = exercise.teams[round % teams]!;
    let sentAt = 0;
    // Each round adds one point to the next team, so a team's score counts its rounds.
    const expected = Math.floor(round / teams) + 1;
    const arrived = nextPush(facilitator, () => sentAt, (update) => update.teams.find((entry) => entry.teamId === team.id)?.score === expected);
    sentAt = performance.now();
    await ok(request(facilitator, 'score:adjust', { exerciseId: exercise.id, teamId: team.id, points: 1, reason: `Benchmark round ${round}` }));
    scorePushMs.push(await arrived);
  }

  const editPushMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    await new Promise((resolve) => setTimeout(resolve, roundGapMs));
    const index = round % teams;
    const team = exercise.teams[index]!;
    const timeline = providers[index]!.doc.getArray<Y.Map<string>>(TimelineArrayName);
    const expected = timeline.length + 1;
    let sentAt = 0;
    const arrived = nextPush(facilitator, () => sentAt, (update) => update.teams.find((entry) => entry.teamId === team.id)?.timelineEntries === expected);
    sentAt = performance.now();
    timeline.push([timelineEntry(`edit-${round}`)]);
    editPushMs.push(await arrived);
  }

  const result = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage1m: os.loadavg()[0] },
    setup: { teams, participants, rounds, timelineEntriesPerTeam: entriesPerTeam, server: 'separate process, 127.0.0.1' },
    progressRequestMs: summarize(requestMs),
    scoreToPushMs: summarize(scorePushMs),
    timelineEditToPushMs: summarize(editPushMs),
  };
  await mkdir('bench-results', { recursive: true });
  const file = path.join('bench-results', `progress-push-${result.measuredAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\nWritten to ${file}\n`);
} finally {
  for (const { provider, doc } of providers) {
    provider.destroy();
    doc.destroy();
  }
  for (const socket of sockets) socket.disconnect();
  await server.stop('SIGTERM');
  await rm(dataDir, { recursive: true, force: true });
}
