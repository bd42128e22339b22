// Measure how fast a running exercise reacts, with the server in its own process on 127.0.0.1:
// the spread of one phase release and one pause across every participant, and the latency and
// throughput of acknowledged answers when every participant submits at once.
// Run: npx tsx scripts/bench/orchestration.ts [participants] ; writes bench-results/orchestration-<time>.json
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FacilitatorToken, ok, request, type ClientSocket } from '../../tests/support/harness.js';
import { ServerProcess } from '../../tests/support/server-process.js';
import { connect, percentile, populateExercise } from './exercise-setup.js';

const participants = Number(process.argv[2] ?? 60);
const teams = 6;
const submissionsPerParticipant = 20;

function summary(values: number[]) {
  const round = (value: number) => Math.round(value * 100) / 100;
  return { count: values.length, p50: round(percentile(values, 50)), p99: round(percentile(values, 99)), max: round(Math.max(...values)) };
}

/** Milliseconds from sending `trigger` until each socket has received `event`. */
async function fanOut(sockets: ClientSocket[], event: string, trigger: () => Promise<unknown>): Promise<number[]> {
  let sentAt = 0;
  const arrivals = sockets.map(
    (socket) =>
      new Promise<number>((resolve) => {
        (socket as unknown as { once(name: string, listener: () => void): void }).once(event, () => resolve(performance.now() - sentAt));
      }),
  );
  sentAt = performance.now();
  await trigger();
  return Promise.all(arrivals);
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cloud-ir-lab-bench-'));
const server = await ServerProcess.start(dataDir);
const sockets: ClientSocket[] = [];
try {
  const facilitator = await connect(server.url, FacilitatorToken);
  sockets.push(facilitator);
  const { exercise, players } = await populateExercise(server.url, facilitator, 'Benchmark', teams, participants);
  sockets.push(...players);
  const exerciseId = exercise.id;

  const start = await fanOut(players, 'phase:released', () => ok(request(facilitator, 'exercise:start', { exerciseId })));
  const advance = await fanOut(players, 'phase:released', () => ok(request(facilitator, 'phase:advance', { exerciseId, expectedPhaseIndex: 0 })));
  const pause = await fanOut(players, 'clock:updated', () => ok(request(facilitator, 'exercise:pause', { exerciseId })));
  const resume = await fanOut(players, 'clock:updated', () => ok(request(facilitator, 'exercise:resume', { exerciseId })));

  // Every participant sends wrong answers back to back, all at once: each is a serialised store write.
  // Past ten wrong answers a minute per team the server rejects with RATE_LIMITED and writes nothing.
  const latencies: number[] = [];
  let rateLimited = 0;
  const began = performance.now();
  await Promise.all(
    players.map(async (socket, player) => {
      for (let n = 0; n < submissionsPerParticipant; n++) {
        const sent = performance.now();
        const response = await request(socket, 'objective:submit', { objectiveId: 'compromised-user', answer: `guess ${n}`, idempotencyKey: `bench-${player}-${n}-key` });
        if (!response.ok && response.error.code !== 'RATE_LIMITED') throw new Error(response.error.message);
        if (!response.ok) rateLimited++;
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;

  const result = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    setup: { participants, teams, submissionsPerParticipant, server: 'separate process, 127.0.0.1' },
    releaseArrivalMs: { start: summary(start), advance: summary(advance) },
    releaseSpreadMs: { start: Math.max(...start) - Math.min(...start), advance: Math.max(...advance) - Math.min(...advance) },
    clockArrivalMs: { pause: summary(pause), resume: summary(resume) },
    submissions: { ackLatencyMs: summary(latencies), perSecond: Math.round(latencies.length / seconds), rateLimited },
  };
  await mkdir('bench-results', { recursive: true });
  const file = path.join('bench-results', `orchestration-${result.measuredAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\nWritten to ${file}\n`);
} finally {
  for (const socket of sockets) socket.disconnect();
  await server.stop('SIGTERM');
  await rm(dataDir, { recursive: true, force: true });
}
