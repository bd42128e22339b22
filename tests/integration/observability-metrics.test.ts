import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/ack.js';
import { CollabPath, teamDocName } from '../../shared/collab.js';
import type { ExerciseSummary, JoinResult } from '../../shared/model.js';
import { createApp, type App } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { partitionPath } from '../../server/store/store-files.js';
import { FacilitatorToken, ok, request, ScenariosDir, type ClientSocket } from '../support/harness.js';

/** Metrics an operator alerts on, each driven by a real event: a timeout, a team document, a failed write. */
describe('metrics under load events', () => {
  let app: App;
  let url: string;
  let dataDir: string;
  let facilitator: ClientSocket;
  let player: ClientSocket;
  let summary: ExerciseSummary;
  let playerToken: string;
  const sockets: ClientSocket[] = [];

  async function connect(token: string): Promise<ClientSocket> {
    const socket: ClientSocket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }

  async function metricsText(): Promise<string> {
    return (await fetch(`${url}/metrics`)).text();
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-metrics-'));
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SCENARIOS_DIR: ScenariosDir, FACILITATOR_TOKEN: FacilitatorToken, NODE_ENV: 'test', QUERY_TIMEOUT_MS: '500' });
    app = await createApp(config, { logger: createLogger({ level: 'silent', pretty: false }) });
    url = await app.listen();
    facilitator = await connect(FacilitatorToken);
    summary = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Metrics drill', teams: ['Blue'] }));
    const response = await fetch(`${url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: summary.joinCode, displayName: 'Ana', teamId: summary.teams[0]!.id }),
    });
    const joined = (await response.json()) as Ack<JoinResult>;
    if (!joined.ok) throw new Error(joined.error.message);
    playerToken = joined.data.playerToken;
    player = await connect(playerToken);
    await ok(request(facilitator, 'exercise:start', { exerciseId: summary.id }));
  }, 60_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await app?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('counts query timeouts', async () => {
    const response = await request(player, 'query:run', { sql: 'SELECT count(*) FROM range(100000000000) t(x) WHERE x % 7 = 3' });
    expect(response.ok).toBe(false);
    const text = await metricsText();
    expect(text).toMatch(/cloud_ir_lab_query_errors_total\{kind="query",outcome="timeout"\} 1/);
    expect(text).toMatch(/cloud_ir_lab_query_duration_seconds_count\{kind="query",outcome="timeout"\} 1/);
  }, 30_000);

  it('counts loaded Yjs documents', async () => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(url.replace('http', 'ws') + CollabPath, teamDocName(summary.teams[0]!.id), doc, {
      params: { token: playerToken },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    try {
      await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
      expect(await metricsText()).toContain('cloud_ir_lab_collab_documents_loaded 1');
    } finally {
      provider.destroy();
      doc.destroy();
    }
  });

  it('counts failed store writes', async () => {
    const file = partitionPath(dataDir, summary.id);
    // A folder in place of the store file makes the next write fail, as a full or broken disk would.
    await rm(file, { force: true });
    await mkdir(path.join(file, 'blocker'), { recursive: true });
    try {
      const response = await request(facilitator, 'team:create', { exerciseId: summary.id, name: 'Green' });
      expect(response.ok).toBe(false);
      const text = await metricsText();
      expect(text).toContain('cloud_ir_lab_store_write_failures_total 1');
      expect(text).toMatch(/cloud_ir_lab_store_write_duration_seconds_count [1-9]/);
    } finally {
      await rm(file, { recursive: true, force: true });
    }
  });
});
