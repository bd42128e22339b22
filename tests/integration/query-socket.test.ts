import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExerciseSummary, JoinResult, NamedQueryView, QueryCancelResult, QueryHistoryEntry, QueryResult } from '../../shared/model.js';
import type { Ack } from '../../shared/ack.js';
import { createApp, type App } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { FacilitatorToken, ok, request, ScenariosDir, type ClientSocket } from '../support/harness.js';

/** A query that runs until it is interrupted: a filtered scan over a hundred billion generated rows. */
const EndlessSql = 'SELECT count(*) FROM range(100000000000) t(x) WHERE x % 7 = 3';

/** The query tab's socket events against a real server whose query limits are set low. */
describe('query events', () => {
  let app: App;
  let url: string;
  let dataDir: string;
  const sockets: ClientSocket[] = [];
  let ana: ClientSocket;
  let ben: ClientSocket;
  let chloe: ClientSocket;
  let dan: ClientSocket;

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
    return body.data;
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-query-events-'));
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SCENARIOS_DIR: ScenariosDir,
      FACILITATOR_TOKEN: FacilitatorToken,
      NODE_ENV: 'test',
      QUERY_TIMEOUT_MS: '1500',
      QUERY_MAX_ROWS: '5',
      QUERY_MAX_SQL_LENGTH: '300',
      QUERY_TEAM_CONCURRENCY: '1',
      QUERY_RATE_PER_MINUTE: '12',
    });
    app = await createApp(config, { logger: createLogger({ level: 'silent', pretty: false }) });
    url = await app.listen();

    const facilitator = await connect(FacilitatorToken);
    const summary = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Query drill', teams: ['Blue', 'Green'] }));
    const [blue, green] = summary.teams;
    ana = await connect((await join(summary.joinCode, 'Ana', blue!.id)).playerToken);
    ben = await connect((await join(summary.joinCode, 'Ben', blue!.id)).playerToken);
    dan = await connect((await join(summary.joinCode, 'Dan', blue!.id)).playerToken);
    chloe = await connect((await join(summary.joinCode, 'Chloe', green!.id)).playerToken);
    await ok(request(facilitator, 'exercise:start', { exerciseId: summary.id }));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await app?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('lists the scenario presets', async () => {
    const presets = await ok(request<NamedQueryView[]>(ana, 'query:presets'));
    expect(presets.length).toBeGreaterThanOrEqual(8);
    expect(presets.find((preset) => preset.id === 'attacker-ip')?.sql).toContain('185.220.101.45');
  });

  it('truncates to the row limit and counts the total', async () => {
    const result = await ok(request<QueryResult>(ana, 'query:run', { sql: 'SELECT eventid FROM cloudtrail_logs' }));
    expect(result.rows).toHaveLength(5);
    expect(result.truncated).toBe(true);
    expect(result.rowCount).toBeGreaterThan(100);
  });

  it('shares history with teammates only', async () => {
    const seenByBen = new Promise<QueryHistoryEntry>((resolve) => {
      const listener = (entry: QueryHistoryEntry) => {
        if (entry.id !== 'ana-42') return;
        ben.off('query:recorded', listener);
        resolve(entry);
      };
      ben.on('query:recorded', listener);
    });
    let seenByChloe = false;
    chloe.on('query:recorded', (entry) => (seenByChloe ||= entry.id === 'ana-42'));
    await ok(request<QueryResult>(ana, 'query:run', { sql: 'SELECT 42 AS answer', queryId: 'ana-42' }));

    const entry = await seenByBen;
    expect(entry).toMatchObject({ id: 'ana-42', sql: 'SELECT 42 AS answer', displayName: 'Ana', ok: true, rowCount: 1 });
    const history = await ok(request<QueryHistoryEntry[]>(ben, 'query:history'));
    expect(history[0]!.id).toBe('ana-42');
    expect(await ok(request<QueryHistoryEntry[]>(chloe, 'query:history'))).toEqual([]);
    expect(seenByChloe).toBe(false);
  });

  it('rejects SQL over the length limit', async () => {
    const response = await request<QueryResult>(ana, 'query:run', { sql: `SELECT '${'x'.repeat(400)}'` });
    expect(response).toMatchObject({ ok: false, error: { code: 'QUERY_REJECTED', field: 'sql', message: expect.stringMatching(/maximum is 300/) } });
  });

  it('cancels a running query', async () => {
    const running = request<QueryResult>(ana, 'query:run', { sql: EndlessSql, queryId: 'endless-1' });
    await new Promise((resolve) => setTimeout(resolve, 200));

    const blocked = await request<QueryResult>(ben, 'query:run', { sql: 'SELECT 1' });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    const otherTeam = await ok(request<QueryResult>(chloe, 'query:run', { sql: 'SELECT 1 AS one' }));
    expect(otherTeam.rows).toEqual([[1]]);

    const cancelled = await ok(request<QueryCancelResult>(ana, 'query:cancel', { queryId: 'endless-1' }));
    expect(cancelled.cancelled).toBe(1);
    const response = await running;
    expect(response).toMatchObject({ ok: false, error: { code: 'QUERY_CANCELLED' } });
    expect(await ok(request<QueryResult>(ben, 'query:run', { sql: 'SELECT 2 AS two' }))).toMatchObject({ rows: [[2]] });
  });

  it('times out a runaway query and keeps the worker', async () => {
    const response = await request<QueryResult>(ana, 'query:run', { sql: EndlessSql });
    expect(response).toMatchObject({ ok: false, error: { code: 'QUERY_TIMEOUT', message: expect.stringMatching(/^EXCEEDED_TIME_LIMIT: /) } });
    expect(await ok(request<QueryResult>(ana, 'query:run', { sql: 'SELECT 3 AS three' }))).toMatchObject({ rows: [[3]] });
  });

  it('replaces a crashed worker and answers with an error', async () => {
    const running = request<QueryResult>(chloe, 'query:run', { sql: EndlessSql });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)]).toString().trim().split('\n');
    const workers = children.filter((line) => /query[\\/]worker\.(ts|js)/.test(line)).map((line) => Number.parseInt(line.trim(), 10));
    expect(workers.length).toBeGreaterThan(0);
    for (const pid of workers) process.kill(pid, 'SIGKILL');

    const response = await running;
    expect(response).toMatchObject({ ok: false, error: { code: 'QUERY_FAILED', message: expect.stringMatching(/restarted/) } });

    let result: Ack<QueryResult> | undefined;
    for (let attempt = 0; attempt < 50; attempt++) {
      result = await request<QueryResult>(chloe, 'query:run', { sql: 'SELECT count(*) AS n FROM cloudtrail_logs' });
      if (result.ok) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(result).toMatchObject({ ok: true });
    const rows = result?.ok ? result.data.rows : [];
    expect(Number(rows[0]?.[0])).toBeGreaterThan(0);
  });

  it('limits queries per participant per minute', async () => {
    const codes: string[] = [];
    for (let index = 0; index < 13; index++) {
      const response = await request<QueryResult>(dan, 'query:run', { sql: `SELECT ${index}` });
      codes.push(response.ok ? 'ok' : response.error.code);
    }
    expect(codes.slice(0, 12).every((code) => code === 'ok')).toBe(true);
    expect(codes[12]).toBe('RATE_LIMITED');
  });

  it('rejects a malformed cancel payload', async () => {
    const response = await request(ana, 'query:cancel', { queryId: 7 });
    expect(response).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', field: 'queryId' } });
  });
});
