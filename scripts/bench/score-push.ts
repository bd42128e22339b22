// Measure how long a score change takes to reach everyone in the exercise, with the server in its
// own process on 127.0.0.1: milliseconds from a facilitator's score adjustment until each
// participant and observer has received `score:updated`.
// Run: npx tsx scripts/bench/score-push.ts [participants] [rounds] ; writes bench-results/score-push-<time>.json
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import type { Ack } from '../../shared/ack.js';
import type { ExerciseSummary, JoinResult } from '../../shared/model.js';
import type { InviteResult } from '../../shared/orchestration.js';
import { FacilitatorToken, ok, request, type ClientSocket } from '../../tests/support/harness.js';
import { ServerProcess } from '../../tests/support/server-process.js';

const participants = Number(process.argv[2] ?? 60);
const rounds = Number(process.argv[3] ?? 50);
const teams = 6;
const observers = 2;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function connect(url: string, token: string): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cloud-ir-lab-bench-'));
const server = await ServerProcess.start(dataDir);
const sockets: ClientSocket[] = [];
try {
  const facilitator = await connect(server.url, FacilitatorToken);
  sockets.push(facilitator);
  const names = Array.from({ length: teams }, (_, index) => `Team ${index + 1}`);
  const exercise = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Score benchmark', teams: names }));

  const receivers: ClientSocket[] = [];
  for (let index = 0; index < participants; index++) {
    const response = await fetch(`${server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: exercise.joinCode, displayName: `Player ${index}`, teamId: exercise.teams[index % teams]!.id }),
    });
    const body = (await response.json()) as Ack<JoinResult>;
    if (!body.ok) throw new Error(body.error.message);
    receivers.push(await connect(server.url, body.data.playerToken));
  }
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
