import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Ack } from '../../shared/ack.js';
import { CollabPath, teamDocName } from '../../shared/collab.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events.js';
import type { JoinResult } from '../../shared/model.js';
import { createApp, type App } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const FacilitatorToken = 'facilitator-token-for-tests-0123456789';
export const ScenariosDir = path.resolve(import.meta.dirname, '../../scenarios');

/** A real server on port 0 with its own data dir, and helpers to connect real clients to it. */
export class TestServer {
  private sockets: ClientSocket[] = [];
  private providers: { provider: WebsocketProvider; doc: Y.Doc }[] = [];

  private constructor(
    readonly app: App,
    readonly url: string,
    readonly dataDir: string,
  ) {}

  /**
   * Start a server. Pass the data dir and port of a stopped one to restart it in its place; with
   * `now` the server runs on that wall clock, with `scenariosDir` it loads packs from there.
   */
  static async start(dataDir?: string, portOrOptions: number | { port?: number; now?: () => number; scenariosDir?: string } = {}): Promise<TestServer> {
    const options = typeof portOrOptions === 'number' ? { port: portOrOptions } : portOrOptions;
    const dir = dataDir ?? (await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-test-')));
    const config = loadConfig({
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      DATA_DIR: dir,
      SCENARIOS_DIR: options.scenariosDir ?? ScenariosDir,
      FACILITATOR_TOKEN: FacilitatorToken,
      NODE_ENV: 'test',
    });
    const app = await createApp(config, { logger: createLogger({ level: 'silent', pretty: false }), ...(options.now ? { now: options.now } : {}) });
    const url = await app.listen();
    return new TestServer(app, url, dir);
  }

  /** Connect a Socket.IO client and wait until the server has accepted it. */
  async connect(token: string, options: { reconnection?: boolean; origin?: string } = {}): Promise<ClientSocket> {
    const socket: ClientSocket = io(this.url, {
      auth: { token },
      transports: ['websocket'],
      reconnection: options.reconnection ?? false,
      forceNew: true,
      ...(options.origin ? { extraHeaders: { origin: options.origin } } : {}),
    });
    this.sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
    });
    return socket;
  }

  async join(code: string, displayName: string, teamId: string): Promise<JoinResult> {
    const response = await fetch(`${this.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, displayName, teamId }),
    });
    const body = (await response.json()) as Ack<JoinResult>;
    if (!body.ok) throw new Error(`join failed: ${body.error.code} ${body.error.message}`);
    return body.data;
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  /** Open a team document the way the browser does; resolves once it has synced. */
  async openTeamDoc(token: string, teamId: string, doc = new Y.Doc()): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
    const provider = new WebsocketProvider(this.url.replace('http', 'ws') + CollabPath, teamDocName(teamId), doc, {
      params: { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    this.providers.push({ provider, doc });
    await new Promise<void>((resolve) => {
      if (provider.synced) resolve();
      else provider.once('sync', () => resolve());
    });
    return { doc, provider };
  }

  /**
   * Stop the server. With `keepData` the data dir stays for a restart, and with `keepClients` the
   * Yjs providers stay alive so that they reconnect by themselves to a server restarted on the
   * same port (they are then handed to the new server with `adoptClients`).
   */
  async stop(options: { keepData?: boolean; keepClients?: boolean } = {}): Promise<void> {
    for (const socket of this.sockets) socket.disconnect();
    if (!options.keepClients) this.destroyProviders();
    this.sockets = [];
    await this.app.close();
    if (!options.keepData) await rm(this.dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }

  /** Take over the Yjs providers a stopped server kept, so that `stop()` closes them. */
  adoptClients(previous: TestServer): void {
    this.providers.push(...previous.providers);
    previous.providers = [];
  }

  private destroyProviders(): void {
    for (const { provider, doc } of this.providers) {
      provider.destroy();
      // provider.destroy() leaves the awareness timer running; destroying the doc stops it.
      doc.destroy();
    }
    this.providers = [];
  }
}

/** Emit a request and resolve with its acknowledgement. */
export function request<T>(socket: ClientSocket, event: string, ...args: unknown[]): Promise<Ack<T>> {
  return (socket as unknown as { timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<Ack<T>> } })
    .timeout(30_000)
    .emitWithAck(event, ...args);
}

/** Resolve with the data of a successful acknowledgement, or fail with its error. */
export async function ok<T>(pending: Promise<Ack<T>>): Promise<T> {
  const response = await pending;
  if (!response.ok) throw new Error(`request failed: ${response.error.code}: ${response.error.message}`);
  return response.data;
}

/** Resolve with the next occurrence of a broadcast. */
export function next<T>(socket: ClientSocket, event: keyof ServerToClientEvents, timeoutMs = 10_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${timeoutMs} ms`)), timeoutMs);
    (socket as unknown as { once(event: string, listener: (value: T) => void): void }).once(event, (value: T) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

/** Wait until `condition` holds, checking every 20 ms. */
export async function eventually(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A wall clock that tests move by hand. */
export class ManualClock {
  constructor(public value = Date.UTC(2026, 4, 8, 9, 0, 0)) {}

  readonly now = (): number => this.value;

  advance(ms: number): void {
    this.value += ms;
  }
}
