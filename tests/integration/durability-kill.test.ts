import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Ack } from '../../shared/ack.js';
import { CollabPath, teamDocName, TimelineArrayName } from '../../shared/collab.js';
import type { ExerciseState, ExerciseSummary, JoinResult } from '../../shared/model.js';
import type { InjectView } from '../../shared/orchestration.js';
import { readStoreData } from '../../server/store/store-files.js';
import { eventually, FacilitatorToken, ok, request, type ClientSocket } from '../support/harness.js';
import { ServerProcess } from '../support/server-process.js';

/** Crashes and signals of a real server process while clients act on it. */
describe('durability', () => {
  let dataDir: string;
  let server: ServerProcess | null = null;
  const sockets: ClientSocket[] = [];
  const docs: { provider: WebsocketProvider; doc: Y.Doc }[] = [];

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-durability-'));
  });

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    for (const { provider, doc } of docs.splice(0)) {
      provider.destroy();
      doc.destroy();
    }
    if (server && server.child.exitCode === null && server.child.signalCode === null) await server.stop('SIGKILL');
    server = null;
    await rm(dataDir, { recursive: true, force: true });
  });

  async function connect(url: string, token: string): Promise<ClientSocket> {
    const socket: ClientSocket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }

  async function join(url: string, code: string, displayName: string, teamId: string): Promise<JoinResult> {
    const response = await fetch(`${url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, displayName, teamId }) });
    const body = (await response.json()) as Ack<JoinResult>;
    if (!body.ok) throw new Error(body.error.message);
    return body.data;
  }

  async function openDoc(url: string, token: string, teamId: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(url.replace('http', 'ws') + CollabPath, teamDocName(teamId), doc, {
      params: { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      connect: true,
    });
    provider.shouldConnect = true;
    docs.push({ provider, doc });
    await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
    return doc;
  }

  /** Create an exercise with two teams of two, started, and return everyone connected. */
  async function setUp(url: string) {
    const facilitator = await connect(url, FacilitatorToken);
    const summary = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Crash drill', teams: ['Blue', 'Green'] }));
    const players = [];
    for (const [name, team] of [['Ana', 0], ['Ben', 0], ['Chloe', 1], ['Dan', 1]] as const) {
      const joined = await join(url, summary.joinCode, name, summary.teams[team]!.id);
      players.push({ join: joined, socket: await connect(url, joined.playerToken) });
    }
    await ok(request(facilitator, 'exercise:start', { exerciseId: summary.id }));
    return { facilitator, summary, players };
  }

  it('keeps every acknowledged action across SIGKILL', async () => {
    server = await ServerProcess.start(dataDir);
    const { facilitator, summary, players } = await setUp(server.url);
    const blueId = summary.teams[0]!.id;
    const writerDoc = await openDoc(server.url, players[0]!.join.playerToken, blueId);
    const readerDoc = await openDoc(server.url, players[1]!.join.playerToken, blueId);

    const acknowledged: { kind: 'submission' | 'inject' | 'timeline'; id: string; at: number }[] = [];
    const seen = new Set<string>();
    readerDoc.getArray<Y.Map<string>>(TimelineArrayName).observe((event) => {
      // A teammate seeing the entry is the server's acknowledgement of a Yjs update.
      for (const item of event.changes.added) {
        for (const content of item.content.getContent() as Y.Map<string>[]) {
          const id = content.get('id')!;
          if (!seen.has(id)) {
            seen.add(id);
            acknowledged.push({ kind: 'timeline', id, at: Date.now() });
          }
        }
      }
    });

    let acting = true;
    const loops = players.map(async (player, index) => {
      for (let n = 0; acting; n++) {
        const key = `kill-${index}-${String(n).padStart(5, '0')}`;
        const response = await request(player.socket, 'objective:submit', { objectiveId: 'compromised-user', answer: `guess ${key}`, idempotencyKey: key }).catch(() => null);
        if (response?.ok) acknowledged.push({ kind: 'submission', id: key, at: Date.now() });
        if (!response) return;
      }
    });
    loops.push(
      (async () => {
        for (let n = 0; acting; n++) {
          const response = await request<InjectView>(facilitator, 'inject:send', { exerciseId: summary.id, message: `Update ${n}` }).catch(() => null);
          if (response?.ok) acknowledged.push({ kind: 'inject', id: response.data.id, at: Date.now() });
          if (!response) return;
        }
      })(),
    );
    loops.push(
      (async () => {
        const timeline = writerDoc.getArray<Y.Map<string>>(TimelineArrayName);
        for (let n = 0; acting; n++) {
          const entry = new Y.Map<string>();
          entry.set('id', `entry-${n}`);
          entry.set('note', `note ${n}`);
          timeline.push([entry]);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })(),
    );

    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const killedAt = Date.now();
    const ended = await server.stop('SIGKILL');
    acting = false;
    expect(ended.signal).toBe('SIGKILL');
    await Promise.all(loops);

    const required = acknowledged.filter((action) => action.at < killedAt - 1_000);
    expect(required.filter((action) => action.kind === 'submission').length).toBeGreaterThan(10);
    expect(required.filter((action) => action.kind === 'inject').length).toBeGreaterThan(3);
    expect(required.filter((action) => action.kind === 'timeline').length).toBeGreaterThan(5);

    server = await ServerProcess.start(dataDir);
    const stored = await readStoreData(dataDir);
    const keys = new Set(stored.submissions.map((submission) => submission.idempotencyKey));
    const injects = new Set(stored.injects.map((inject) => inject.id));
    for (const action of required.filter((candidate) => candidate.kind === 'submission')) expect(keys.has(action.id), action.id).toBe(true);
    for (const action of required.filter((candidate) => candidate.kind === 'inject')) expect(injects.has(action.id), action.id).toBe(true);

    const watcher = await connect(server.url, FacilitatorToken);
    const state = await ok(request<ExerciseState>(watcher, 'exercise:watch', { exerciseId: summary.id }));
    expect(state.clock.status).toBe('running');
    expect(state.exercise.teams.map((team) => team.members.length)).toEqual([2, 2]);
    expect(state.injects.length).toBeGreaterThanOrEqual(required.filter((action) => action.kind === 'inject').length);

    const restored = await openDoc(server.url, players[1]!.join.playerToken, blueId);
    const restoredIds = new Set(restored.getArray<Y.Map<string>>(TimelineArrayName).map((entry) => entry.get('id')));
    for (const action of required.filter((candidate) => candidate.kind === 'timeline')) expect(restoredIds.has(action.id), action.id).toBe(true);
  });

  it('flushes every store on SIGTERM', async () => {
    server = await ServerProcess.start(dataDir);
    const { summary, players } = await setUp(server.url);
    const blueId = summary.teams[0]!.id;
    const writerDoc = await openDoc(server.url, players[0]!.join.playerToken, blueId);
    const readerDoc = await openDoc(server.url, players[1]!.join.playerToken, blueId);

    const entry = new Y.Map<string>();
    entry.set('id', 'last-words');
    writerDoc.getArray<Y.Map<string>>(TimelineArrayName).push([entry]);
    await eventually(() => readerDoc.getArray(TimelineArrayName).length === 1);
    await ok(request(players[2]!.socket, 'objective:submit', { objectiveId: 'compromised-user', answer: 'dev-deploy', idempotencyKey: 'sigterm-0001' }));

    // Sent at once, well inside the 500 ms save delay of team documents.
    const ended = await server.stop('SIGTERM');
    expect(ended.code).toBe(0);

    const saved = new Y.Doc();
    Y.applyUpdate(saved, new Uint8Array(await readFile(path.join(dataDir, 'collab', `${teamDocName(blueId)}.yjs`))));
    expect(saved.getArray<Y.Map<string>>(TimelineArrayName).map((item) => item.get('id'))).toEqual(['last-words']);
    const stored = await readStoreData(dataDir);
    expect(stored.submissions.map((submission) => submission.idempotencyKey)).toContain('sigterm-0001');
    saved.destroy();
  });
});
