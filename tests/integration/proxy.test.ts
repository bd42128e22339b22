import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollabCloseCode, teamDocName } from '../../shared/collab.js';
import type { ExerciseSummary, JoinResult } from '../../shared/model.js';
import type { Ack } from '../../shared/ack.js';
import { createApp, type App } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { FacilitatorToken, ok, request, ScenariosDir, type ClientSocket } from '../support/harness.js';

const ProxyOrigin = 'https://proxy.example.test';

/** The app behind a reverse proxy that serves it under /lab, with the client's address fixed by PUBLIC_URL. */
describe('base path behind a proxy', () => {
  let app: App;
  let url: string;
  let dir: string;
  const sockets: ClientSocket[] = [];

  async function connect(token: string, options: { path?: string; origin?: string } = {}): Promise<ClientSocket> {
    const socket: ClientSocket = io(url, {
      path: options.path ?? '/lab/socket.io',
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      ...(options.origin ? { extraHeaders: { origin: options.origin } } : {}),
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-proxy-'));
    const clientDir = path.join(dir, 'client');
    await mkdir(path.join(clientDir, 'assets'), { recursive: true });
    await writeFile(path.join(clientDir, 'index.html'), '<!doctype html><html><head><script type="module" src="./assets/main.js"></script></head><body></body></html>');
    await writeFile(path.join(clientDir, 'assets', 'main.js'), 'console.log("client");');
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: path.join(dir, 'data'),
      SCENARIOS_DIR: ScenariosDir,
      FACILITATOR_TOKEN: FacilitatorToken,
      NODE_ENV: 'test',
      BASE_PATH: '/lab/',
      TRUST_PROXY: 'loopback',
      ALLOWED_ORIGINS: ProxyOrigin,
      PUBLIC_URL: 'https://lab.example.test/lab',
    });
    app = await createApp(config, { logger: createLogger({ level: 'silent', pretty: false }), clientDir });
    url = await app.listen();
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes base and public URL into the page', async () => {
    for (const page of ['/lab/', '/lab/join/ABC123']) {
      const response = await fetch(`${url}${page}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('<base href="/lab/" />');
      expect(html).toContain('<meta name="cloud-ir-lab-public-url" content="https://lab.example.test/lab" />');
      expect(html).toContain('src="./assets/main.js"');
    }
  });

  it('serves assets under the base path', async () => {
    expect((await fetch(`${url}/lab/assets/main.js`)).status).toBe(200);
  });

  it('keeps health routes at the root', async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/lab/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/metrics`)).status).toBe(200);
  });

  it('answers 404 outside the base path', async () => {
    const response = await fetch(`${url}/api/join/ABC123`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('served under /lab/');
  });

  it('serves the API under the base path', async () => {
    const response = await fetch(`${url}/lab/api/join/NOPE42`);
    const body = (await response.json()) as Ack<unknown>;
    expect(body.ok).toBe(false);
  });

  it('serves Socket.IO under the base path', async () => {
    const socket = await connect(FacilitatorToken);
    expect(socket.connected).toBe(true);
    await expect(connect(FacilitatorToken, { path: '/socket.io' })).rejects.toThrow();
  });

  it('accepts an allowed origin only', async () => {
    const allowed = await connect(FacilitatorToken, { origin: ProxyOrigin });
    expect(allowed.connected).toBe(true);
    const fromPublicUrl = await connect(FacilitatorToken, { origin: 'https://lab.example.test' });
    expect(fromPublicUrl.connected).toBe(true);
    await expect(connect(FacilitatorToken, { origin: 'https://elsewhere.example.test' })).rejects.toThrow(/Origin not allowed|xhr|websocket/i);
  });

  it('syncs Yjs under the base path', async () => {
    const facilitator = await connect(FacilitatorToken);
    const summary = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Proxy drill', teams: ['Blue'] }));
    const response = await fetch(`${url}/lab/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: summary.joinCode, displayName: 'Ana', teamId: summary.teams[0]!.id }),
    });
    const joined = (await response.json()) as Ack<JoinResult>;
    if (!joined.ok) throw new Error(joined.error.message);

    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${url.replace('http', 'ws')}/lab/collab`, teamDocName(summary.teams[0]!.id), doc, {
      params: { token: joined.data.playerToken },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    try {
      await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
      expect(provider.wsconnected).toBe(true);
    } finally {
      provider.destroy();
      doc.destroy();
    }

    const docUrl = `${url.replace('http', 'ws')}/lab/collab/${teamDocName(summary.teams[0]!.id)}?token=${joined.data.playerToken}`;
    const closeCodeFrom = (origin: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(docUrl, { headers: { origin } });
        ws.once('close', (code) => resolve(code));
        ws.once('open', () => setTimeout(() => ws.close(1000), 300));
      });
    expect(await closeCodeFrom('https://elsewhere.example.test')).toBe(CollabCloseCode.Forbidden);
    expect(await closeCodeFrom(ProxyOrigin)).toBe(1000);
  }, 60_000);
});
