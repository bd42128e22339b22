import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/ack.js';
import { CollabPath, teamDocName } from '../../shared/collab.js';
import type { ExerciseSummary, JoinResult, QueryResult, SubmissionResult } from '../../shared/model.js';
import { createApp, type App } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { FacilitatorToken, ok, request, ScenariosDir, type ClientSocket } from '../support/harness.js';

/** Text that appears only in a query's SQL and its result, so finding it in the log means one leaked. */
const ResultCanary = 'result-canary-7731';
const WrongAnswer = 'wrong-answer-canary-5519';
const RightAnswer = 'dev-deploy';

/** A whole exercise at LOG_LEVEL=debug, with every log line kept to be searched afterwards. */
describe('debug log of an exercise', () => {
  const lines: string[] = [];
  const sockets: ClientSocket[] = [];
  const tokens: string[] = [FacilitatorToken];
  let app: App;
  let url: string;
  let dataDir: string;
  let exerciseId = '';

  async function connect(token: string): Promise<ClientSocket> {
    const socket: ClientSocket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }

  async function join(code: string, displayName: string, teamId: string): Promise<JoinResult> {
    const response = await fetch(`${url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, displayName, teamId }) });
    const body = (await response.json()) as Ack<JoinResult>;
    if (!body.ok) throw new Error(body.error.message);
    tokens.push(body.data.playerToken);
    return body.data;
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-logging-'));
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SCENARIOS_DIR: ScenariosDir, FACILITATOR_TOKEN: FacilitatorToken, NODE_ENV: 'production', LOG_LEVEL: 'debug' });
    const logger = createLogger({ level: config.logLevel, pretty: false, destination: { write: (line: string) => void lines.push(line) } });
    app = await createApp(config, { logger });
    url = await app.listen();

    const facilitator = await connect(FacilitatorToken);
    const summary = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Logged drill', teams: ['Blue', 'Green'] }));
    exerciseId = summary.id;
    const blueTeamId = summary.teams[0]!.id;
    const ana = await connect((await join(summary.joinCode, 'Ana', blueTeamId)).playerToken);
    const ben = await connect((await join(summary.joinCode, 'Ben', summary.teams[1]!.id)).playerToken);
    await ok(request(facilitator, 'exercise:start', { exerciseId }));

    const result = await ok(request<QueryResult>(ana, 'query:run', { sql: `SELECT '${ResultCanary}' AS marker` }));
    expect(JSON.stringify(result.rows)).toContain(ResultCanary);
    await request(ana, 'query:run', { sql: `SELECT * FROM no_such_table_${ResultCanary.replace(/-/g, '_')}` });
    await request(ben, 'query:run', { sql: 'SELECT eventname, count(*) FROM cloudtrail_logs GROUP BY 1' });
    const wrong = await ok(request<SubmissionResult>(ben, 'objective:submit', { objectiveId: 'compromised-user', answer: WrongAnswer }));
    expect(wrong.correct).toBe(false);
    const right = await ok(request<SubmissionResult>(ana, 'objective:submit', { objectiveId: 'compromised-user', answer: RightAnswer }));
    expect(right.correct).toBe(true);

    const doc = new Y.Doc();
    const provider = new WebsocketProvider(url.replace('http', 'ws') + CollabPath, teamDocName(blueTeamId), doc, {
      params: { token: tokens[1]! },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
    doc.getText('notes').insert(0, 'suspicious role assumed');
    await new Promise((resolve) => setTimeout(resolve, 200));
    provider.destroy();
    doc.destroy();

    await ok(request(facilitator, 'exercise:end', { exerciseId }));
    for (const socket of sockets) socket.disconnect();
    await app.close();
  }, 120_000);

  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('logs start, stop and ids', () => {
    const log = lines.join('');
    expect(log).toContain('"msg":"server listening"');
    expect(log).toContain('"msg":"server stopped"');
    expect(log).toContain(`"exerciseId":"${exerciseId}"`);
    expect(lines.some((line) => line.includes('"level":20'))).toBe(true);
  });

  it('writes JSON lines in production', () => {
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('leaves out tokens', () => {
    const log = lines.join('');
    for (const token of tokens) expect(log).not.toContain(token);
  });

  it('leaves out answers', () => {
    const log = lines.join('').toLowerCase();
    expect(log).not.toContain(WrongAnswer);
    expect(log).not.toContain(RightAnswer);
  });

  it('leaves out SQL and results', () => {
    const log = lines.join('');
    expect(log).not.toContain(ResultCanary);
    expect(log).not.toContain('result_canary');
    expect(log).not.toContain('GROUP BY');
  });
});
