import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { CollabPath, teamDocName } from '../../shared/collab.js';
import type { ExerciseSummary } from '../../shared/model.js';
import { readStoreData } from '../../server/store/store-files.js';
import { FacilitatorToken, ok, request, ScenariosDir, TestServer, type ClientSocket } from '../support/harness.js';

const RepoRoot = path.resolve(import.meta.dirname, '../..');

interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Start `cloud-ir-lab serve` in its own process, as an operator does, and wait for its URL. */
async function startServerProcess(dataDir: string, settings: Record<string, string> = {}): Promise<ServerProcess> {
  const entry = `const { main } = await import(${JSON.stringify(path.join(RepoRoot, 'server/cli/main.ts'))}); await main(['serve']);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', entry], {
    cwd: RepoRoot,
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SCENARIOS_DIR: ScenariosDir, FACILITATOR_TOKEN: FacilitatorToken, NODE_ENV: 'production', LOG_LEVEL: 'info', ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const check = () => {
      const match = /running at (http:\/\/[\d.:]+)\n/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      resolve(match[1]!);
    };
    child.stdout!.on('data', check);
    void exited.then(() => reject(new Error(`server exited at start:\n${output}`)));
  });
  return { child, url, output: () => output, exited };
}

async function waitUntilReady(url: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    // A connection reset counts as not ready yet. On a loaded machine the server's event loop can
    // stall past Node's 5 s keep-alive timeout while it prepares the packs, and the server then
    // drops the kept-alive connection that this poll reuses.
    const response = await fetch(`${url}/readyz`).catch(() => null);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('server did not become ready within 30 seconds');
}

function lifecycleMessages(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { category?: string; msg: string })
    .filter((entry) => entry.category === 'lifecycle' || entry.msg === 'shutdown requested')
    .map((entry) => entry.msg);
}

describe('graceful shutdown', () => {
  const cleanups: (() => Promise<void> | void)[] = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`stops in order on ${signal}`, async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-shutdown-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      const server = await startServerProcess(dataDir);
      cleanups.push(() => {
        if (server.child.exitCode === null) server.child.kill('SIGKILL');
      });

      const connect = async (token: string): Promise<ClientSocket> => {
        const socket: ClientSocket = io(server.url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
        cleanups.push(() => void socket.disconnect());
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
        return socket;
      };
      const facilitator = await connect(FacilitatorToken);
      const summary = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Shutdown drill', teams: ['Blue'] }));
      const joined = await fetch(`${server.url}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: summary.joinCode, displayName: 'Ana', teamId: summary.teams[0]!.id }),
      });
      const playerToken = ((await joined.json()) as { data: { playerToken: string } }).data.playerToken;
      const player = await connect(playerToken);

      // A teammate's note in the team document, written just before the signal.
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(server.url.replace('http', 'ws') + CollabPath, teamDocName(summary.teams[0]!.id), doc, {
        params: { token: playerToken },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        connect: true,
      });
      cleanups.push(() => {
        provider.destroy();
        doc.destroy();
      });
      await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
      doc.getText('shutdown-note').insert(0, 'written before the restart');
      await new Promise((resolve) => setTimeout(resolve, 200));

      const notices = [facilitator, player].map((socket) => new Promise<string>((resolve) => socket.once('server:restarting', (notice) => resolve(notice.message))));
      server.child.kill(signal);

      for (const notice of await Promise.all(notices)) expect(notice).toMatch(/restarting/);
      expect(await server.exited).toBe(0);
      expect(lifecycleMessages(server.output())).toEqual([
        'server listening',
        'shutdown requested',
        'server stopping: no longer accepting connections',
        'server stopping: notifying clients',
        'server stopping: flushing team documents and the exercise store',
        'server stopping: stopping query workers',
        'server stopped',
      ]);
      const stored = await readStoreData(dataDir);
      expect(stored.exercises.map((exercise) => exercise.name)).toEqual(['Shutdown drill']);

      // The note is still there after a restart on the same data dir.
      provider.destroy();
      const restarted = await TestServer.start(dataDir);
      cleanups.push(() => restarted.stop({ keepData: true }));
      const reopened = await restarted.openTeamDoc(playerToken, summary.teams[0]!.id);
      expect(reopened.doc.getText('shutdown-note').toString()).toBe('written before the restart');
    }, 60_000);
  }

  it('refuses connections once stopped', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-shutdown-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const server = await startServerProcess(dataDir);
    cleanups.push(() => {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    });
    await waitUntilReady(server.url);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  }, 60_000);

  it('exits after the timeout', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-shutdown-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const server = await startServerProcess(dataDir, { SHUTDOWN_TIMEOUT_MS: '1000' });
    cleanups.push(() => {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    });

    // A client that never finishes sending its request keeps the HTTP server from closing.
    const { port } = new URL(server.url);
    const slowClient = connectTcp(Number(port), '127.0.0.1');
    cleanups.push(() => void slowClient.destroy());
    await new Promise<void>((resolve) => slowClient.once('connect', () => resolve()));
    slowClient.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('shutdown timed out');
    expect(lifecycleMessages(server.output())).not.toContain('server stopped');
  }, 60_000);
});
