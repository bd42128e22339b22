// Profile one exercise-store write at training-day size, split into its steps, in both layouts:
// the single exercises.json that every write rewrote before, and the file per exercise now.
// Steps: serialising (JSON.stringify), writing the temporary file and renaming it (lowdb's
// TextFile), and an fsync of the file, which the store does not do but a stricter one would.
// Run: npx tsx scripts/bench/store-write.ts [exercises] [writes] ; writes bench-results/store-write.json
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { TextFile } from 'lowdb/node';
import { LowdbStore } from '../../server/store/lowdb-store.js';
import { splitPartitions } from '../../server/store/partitions.js';
import { emptyStoreData, type StoreData } from '../../server/store/records.js';
import { summarize } from './realtime/stats.js';

const exercises = Number(process.argv[2] ?? 10);
const writes = Number(process.argv[3] ?? 200);
/** Per exercise, about what a 2-hour exercise of 5 teams x 6 members leaves behind. */
const TeamsPerExercise = 5;
const MembersPerTeam = 6;
const SubmissionsPerExercise = 300;
const AuditPerExercise = 600;

function trainingDay(): StoreData {
  const data = emptyStoreData();
  for (let e = 0; e < exercises; e++) {
    const exerciseId = `ex${String(e).padStart(14, '0')}`;
    data.exercises.push({ id: exerciseId, name: `Drill ${e}`, scenarioId: 'apexcorp-prod', joinCode: `CODE${e}`, createdAt: e, status: 'running', startedAt: 0, endedAt: null, clockElapsedMs: 0, runningSince: 0, durationMs: 7_200_000, teamSizeMax: null, phaseIndex: 2, phaseReleasedAtMs: [0, 600_000, 1_200_000] });
    for (let t = 0; t < TeamsPerExercise; t++) {
      const teamId = `${exerciseId}-t${t}`;
      data.teams.push({ id: teamId, exerciseId, name: `Team ${t}` });
      for (let m = 0; m < MembersPerTeam; m++) data.players.push({ id: `${teamId}-p${m}`, exerciseId, teamId, displayName: `Member ${m}`, tokenHash: 'f'.repeat(64), joinedAt: 0 });
    }
    for (let s = 0; s < SubmissionsPerExercise; s++) {
      data.submissions.push({ id: `${exerciseId}-s${s}`, exerciseId, teamId: `${exerciseId}-t${s % TeamsPerExercise}`, playerId: `${exerciseId}-t0-p0`, objectiveId: 'compromised-user', correct: false, points: -5, at: s, idempotencyKey: `key-${s}`, answerDigest: 'a'.repeat(64), bonus: 0 });
    }
    for (let a = 0; a < AuditPerExercise; a++) {
      data.audit.push({ id: `${exerciseId}-a${a}`, exerciseId, at: a, elapsedMs: a, actor: { role: 'participant', id: `${exerciseId}-t0-p0`, name: 'Member 0' }, action: 'objective:submit', detail: { teamId: `${exerciseId}-t0`, objectiveId: 'compromised-user', correct: false, points: -5 } });
    }
  }
  return data;
}

async function timeSteps(file: string, data: StoreData | (() => StoreData)): Promise<{ stringify: number[]; write: number[]; fsync: number[]; bytes: number }> {
  const steps = { stringify: [] as number[], write: [] as number[], fsync: [] as number[], bytes: 0 };
  const target = new TextFile(file);
  for (let i = 0; i < writes; i++) {
    let started = performance.now();
    const text = JSON.stringify(typeof data === 'function' ? data() : data);
    steps.stringify.push(performance.now() - started);
    steps.bytes = Buffer.byteLength(text);

    started = performance.now();
    await target.write(text);
    steps.write.push(performance.now() - started);

    started = performance.now();
    const handle = await open(file, 'r');
    await handle.sync();
    await handle.close();
    steps.fsync.push(performance.now() - started);
  }
  return steps;
}

/** Time `writes` changes to one exercise through the store itself: apply, find, serialise, write. */
async function timeStore(dir: string, data: StoreData): Promise<number[]> {
  await mkdir(path.join(dir, 'store'), { recursive: true });
  for (const [key, part] of splitPartitions(data)) await writeFile(path.join(dir, 'store', `exercise-${key}.json`), JSON.stringify(part));
  const store = await LowdbStore.open(dir, { verify: false });
  const exerciseId = data.exercises[0]!.id;
  const samples: number[] = [];
  for (let i = 0; i < writes; i++) {
    const started = performance.now();
    await store.write((live) => {
      live.audit.push({ id: `bench-${i}`, exerciseId, at: i, elapsedMs: i, actor: { role: 'system', id: null, name: null }, action: 'bench', detail: {} });
    });
    samples.push(performance.now() - started);
  }
  await store.close();
  return samples;
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'cloud-ir-lab-store-bench-'));
try {
  const data = trainingDay();
  const firstExercise = splitPartitions(data).get(data.exercises[0]!.id)!;
  const single = await timeSteps(path.join(dir, 'exercises.json'), data);
  const partition = await timeSteps(path.join(dir, 'exercise-one.json'), firstExercise);
  const store = await timeStore(path.join(dir, 'store-run'), data);

  const describe = (steps: Awaited<ReturnType<typeof timeSteps>>) => ({
    bytes: steps.bytes,
    stringify: summarize(steps.stringify),
    writeAndRename: summarize(steps.write),
    fsync: summarize(steps.fsync),
  });
  const result = {
    exercises,
    writes,
    records: Object.fromEntries(Object.entries(data).map(([name, list]) => [name, (list as unknown[]).length])),
    singleFile: describe(single),
    oneExerciseFile: describe(partition),
    storeWrite: summarize(store),
    node: process.version,
    cpuCores: os.availableParallelism(),
    loadAverage: os.loadavg()[0],
  };
  await mkdir('bench-results', { recursive: true });
  await writeFile('bench-results/store-write.json', `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
