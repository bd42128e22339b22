// Measure how long a score change takes to reach everyone in the exercise, with the server in its
// own process on 127.0.0.1: milliseconds from a facilitator's score adjustment until each
// participant and observer has received `score:updated`.
// Run: npx tsx scripts/bench/score-push.ts [participants] [rounds] ; writes bench-results/score-push-<time>.json
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { InviteResult } from '../../shared/orchestration.js';
import { FacilitatorToken, ok, request, type ClientSocket } from '../../tests/support/harness.js';
import { ServerProcess } from '../../tests/support/server-process.js';
import { connect, percentile, populateExercise } from './exercise-setup.js';

const participants = Number(process.argv[2] ?? 60);
const rounds = Number(process.argv[3] ?? 50);
const teams = 6;
const observers = 2;

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cloud-ir-lab-bench-'));
const server = await ServerProcess.start(dataDir);
const sockets: ClientSocket[] = [];
try {
  const facilitator = await connect(server.url, FacilitatorToken);
  sockets.push(facilitator);
  const { exercise, players: receivers } = await populateExercise(server.url, facilitator, 'Score benchmark', teams, participants);
  for (let index = 0; index < observers; index++) {
    const invite = await ok(request<InviteResult>(facilitator, 'invite:create', { exerciseId: exercise.id, role: 'observer', label: `Screen ${index}` }));
    receivers.push(await connect(server.url, invite.token));
  }
  sockets.push(...receivers);
  await ok(request(facilitator, 'exercise:start', { exerciseId: exercise.id }));

  const arrivals: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let sentAt = 0;
    const pending = receivers.map(
      (socket) =>
        new Promise<number>((resolve) => {
          (socket as unknown as { once(name: string, listener: () => void): void }).once('score:updated', () => resolve(performance.now() - sentAt));
        }),
    );
    sentAt = performance.now();
    await ok(request(facilitator, 'score:adjust', { exerciseId: exercise.id, teamId: exercise.teams[round % teams]!.id, points: 1, reason: `Benchmark round ${round}` }));
    arrivals.push(...(await Promise.all(pending)));
  }

  const round2 = (value: number) => Math.round(value * 100) / 100;
  const result = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    setup: { participants, observers, teams, rounds, server: 'separate process, 127.0.0.1' },
    scorePushMs: { count: arrivals.length, p50: round2(percentile(arrivals, 50)), p99: round2(percentile(arrivals, 99)), max: round2(Math.max(...arrivals)) },
  };
  await mkdir('bench-results', { recursive: true });
  const file = path.join('bench-results', `score-push-${result.measuredAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\nWritten to ${file}\n`);
} finally {
  for (const socket of sockets) socket.disconnect();
  await server.stop('SIGTERM');
  await rm(dataDir, { recursive: true, force: true });
}
