import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { ExerciseState } from '../../shared/model.js';
import type { InjectView } from '../../shared/orchestration.js';
import { setUpExercise } from '../support/exercise-setup.js';
import { ok, request, TestServer, type ClientSocket } from '../support/harness.js';
import { copyApexcorp } from '../support/scenario-copy.js';

/**
 * Every accepted answer of the pack is replaced by a canary string that appears nowhere in its
 * data, so any occurrence in what a participant receives can only come from an answer key.
 */
const canaries: string[] = [];

function canary(): string {
  const value = `zqcanary${String(canaries.length).padStart(3, '0')}x`;
  canaries.push(value);
  return value;
}

/** Replace every accepted value in a check (accept, items, keys, anyOf, steps) with canaries. */
function plantCanaries(node: unknown, key = ''): unknown {
  if (typeof node === 'string') return ['accept', 'items', 'keys', 'anyOf'].includes(key) ? canary() : node;
  if (Array.isArray(node)) return node.map((item) => plantCanaries(item, key));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([name, value]) => [name, plantCanaries(value, name === 'label' || name === 'verdict' ? '' : name)]));
  return node;
}

function findCanaries(text: string): string[] {
  const lower = text.toLowerCase();
  return canaries.filter((value) => lower.includes(value));
}

let server: TestServer;
let scenariosDir: string;
const received: unknown[] = [];

async function playFullExercise(): Promise<void> {
  const setup = await setUpExercise(server, { Blue: ['Ana', 'Ben'], Red: ['Cy'] });
  const { facilitator, summary } = setup;
  const sockets = new Map<string, ClientSocket>();
  for (const [name, joined] of setup.players) {
    received.push(joined);
    const socket = await server.connect(joined.playerToken);
    socket.onAny((event: string, ...args: unknown[]) => received.push({ event, args }));
    sockets.set(name, socket);
  }
  const capture = async <T>(pending: Promise<T>): Promise<T> => {
    const response = await pending;
    received.push(response);
    return response;
  };

  let state = await ok(request<ExerciseState>(facilitator, 'exercise:start', { exerciseId: summary.id }));
  for (let phase = 1; phase < state.phaseCount; phase++) await ok(request(facilitator, 'phase:advance', { exerciseId: summary.id }));

  for (const [name, socket] of sockets) {
    state = await ok(capture(request<ExerciseState>(socket, 'exercise:get')));
    await capture(request(socket, 'cloudtrail:list', { filter: 'all', offset: 0, limit: 50 }));
    await capture(request(socket, 'cloudtrail:histogram', { filter: 'suspicious' }));
    await capture(request(socket, 'query:presets'));
    await capture(request(socket, 'iam:graph'));
    await capture(request(socket, 'query:run', { sql: 'SELECT eventname, count(*) AS n FROM cloudtrail_logs GROUP BY eventname' }));
    for (const objective of state.objectives) {
      await capture(request(socket, 'objective:submit', { objectiveId: objective.id, answer: `${name} guess, dev-deploy, malicious, 3 GB` }));
      for (const hint of objective.hints) await capture(request(socket, 'hint:open', { objectiveId: objective.id, hintId: hint.id }));
    }
    for (const inject of state.injects.filter((candidate: InjectView) => candidate.question)) {
      await capture(request(socket, 'inject:answer', { injectId: inject.id, answer: `${name} answers the inject` }));
    }
  }

  const blue = summary.teams.find((team) => team.name === 'Blue')!;
  await ok(request(facilitator, 'score:adjust', { exerciseId: summary.id, teamId: blue.id, points: 10, reason: 'Good briefing' }));
  await ok(request(facilitator, 'scoreboard:freeze', { exerciseId: summary.id, frozen: true }));
  await ok(request(facilitator, 'exercise:end', { exerciseId: summary.id }));
  for (const socket of sockets.values()) await capture(request(socket, 'exercise:get'));
}

beforeAll(async () => {
  scenariosDir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-canary-'));
  await copyApexcorp(scenariosDir, {});
  const manifestPath = path.join(scenariosDir, 'apexcorp-prod', 'scenario.yaml');
  const manifest = parse(await readFile(manifestPath, 'utf8')) as { objectives: { check: unknown }[]; attackChain: { label: string }[] };
  for (const objective of manifest.objectives) objective.check = plantCanaries(objective.check);
  // The attack chain is for facilitators only, so its labels are canaries too.
  for (const step of manifest.attackChain) step.label = canary();
  await writeFile(manifestPath, stringify(manifest));

  server = await TestServer.start(undefined, { scenariosDir });
  await playFullExercise();
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await rm(scenariosDir, { recursive: true, force: true });
});

describe('answer keys', () => {
  it('fixture has canaries only in checks', async () => {
    expect(canaries.length).toBeGreaterThan(20);
    const dataDir = path.join(scenariosDir, 'apexcorp-prod');
    for (const file of await readdir(dataDir, { recursive: true })) {
      if (file === 'scenario.yaml' || !file.includes('.')) continue;
      expect(findCanaries(await readFile(path.join(dataDir, file), 'utf8')), file).toEqual([]);
    }
  });

  it('reach no participant payload', () => {
    expect(received.length).toBeGreaterThan(30);
    expect(findCanaries(JSON.stringify(received))).toEqual([]);
  });

  it('are absent from the client bundle', async () => {
    const clientDir = path.resolve(import.meta.dirname, '../../dist/client');
    expect(existsSync(clientDir), 'dist/client is missing: run "npm run build" first').toBe(true);
    const shippedManifest = parse(await readFile(path.resolve(import.meta.dirname, '../../scenarios/apexcorp-prod/scenario.yaml'), 'utf8')) as { objectives: { check: unknown }[] };
    // Event ids in the shipped pack's checks are unique strings, so they can be searched exactly too.
    const shippedIds = JSON.stringify(shippedManifest.objectives.map((objective) => objective.check)).match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [];
    expect(shippedIds.length).toBeGreaterThan(0);
    for (const file of await readdir(clientDir, { recursive: true })) {
      if (!/\.(js|html|css|map)$/.test(file)) continue;
      const text = await readFile(path.join(clientDir, file), 'utf8');
      expect(findCanaries(text), file).toEqual([]);
      expect(shippedIds.filter((id) => text.includes(id)), file).toEqual([]);
    }
  });
});

