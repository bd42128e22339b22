import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Ack } from '../../shared/ack.js';
import type { ErrorBody } from '../../shared/errors.js';
import { CollabCloseCode, CollabPath, teamDocName } from '../../shared/collab.js';
import type { ExerciseState, ExerciseSummary, JoinResult, QueryResult } from '../../shared/model.js';
import { FacilitatorToken, ok, request, TestServer, type ClientSocket } from '../support/harness.js';

/** Return the error of an acknowledgement, failing the test when the request succeeded. */
function errorOf<T>(response: Ack<T>): ErrorBody {
  if (response.ok) throw new Error('expected an error acknowledgement, got a result');
  return response.error;
}

/** Requests that must be rejected with an error acknowledgement and change nothing. */
describe('untrusted input', () => {
  let server: TestServer;
  let facilitator: ClientSocket;
  let summary: ExerciseSummary;
  let blue: { join: JoinResult; socket: ClientSocket };
  let green: { join: JoinResult; socket: ClientSocket };

  beforeAll(async () => {
    server = await TestServer.start();
    facilitator = await server.connect(FacilitatorToken);
    summary = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Guard drill', teams: ['Blue', 'Green'] }));
    const blueJoin = await server.join(summary.joinCode, 'Ana', summary.teams[0]!.id);
    const greenJoin = await server.join(summary.joinCode, 'Chloe', summary.teams[1]!.id);
    blue = { join: blueJoin, socket: await server.connect(blueJoin.playerToken) };
    green = { join: greenJoin, socket: await server.connect(greenJoin.playerToken) };
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('rejects a facilitator event from a participant', async () => {
    const response = await request<ExerciseState>(blue.socket, 'exercise:start', { exerciseId: summary.id });
    expect(response).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const created = await request(blue.socket, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Mine', teams: ['A'] });
    expect(created).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const exercises = await ok(request<ExerciseSummary[]>(facilitator, 'exercise:list'));
    expect(exercises).toHaveLength(1);
    expect(exercises[0]!.status).toBe('ready');
  });

  it('rejects malformed payloads and names the field', async () => {
    const badTeams = await request(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'X', teams: 'Blue' });
    expect(badTeams).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', field: 'teams' } });

    const extraField = await request(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'X', teams: ['A'], admin: true });
    expect(extraField).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });

    const missing = await request(facilitator, 'exercise:start');
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });

    const notAnObject = await request(blue.socket, 'objective:submit', 'dev-deploy');
    expect(notAnObject).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });

    const unknownScenario = await request(facilitator, 'exercise:create', { scenarioId: '../../etc', name: 'X', teams: ['A'] });
    expect(unknownScenario).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', field: 'scenarioId' } });

    expect(await ok(request<ExerciseSummary[]>(facilitator, 'exercise:list'))).toHaveLength(1);
  });

  it('rejects a wrong join code without adding anyone', async () => {
    const wrongCode = summary.joinCode === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
    const response = await fetch(`${server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: wrongCode, displayName: 'Mallory', teamId: summary.teams[0]!.id }),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'INVALID_JOIN_CODE', field: 'code' } });

    const notJson = await fetch(`${server.url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"code":' });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as Ack<never>).ok).toBe(false);

    const lookup = await fetch(`${server.url}/api/join/${wrongCode}`);
    expect(lookup.status).toBe(404);

    const [listed] = await ok(request<ExerciseSummary[]>(facilitator, 'exercise:list'));
    expect(listed!.teams.flatMap((team) => team.members.map((member) => member.displayName)).sort()).toEqual(['Ana', 'Chloe']);
  });

  it('refuses a socket with a bad token', async () => {
    await expect(server.connect('not-a-real-token')).rejects.toThrow('UNAUTHENTICATED');
  });

  it("closes a connection to another team's document before any sync", async () => {
    const url = `${server.url.replace('http', 'ws')}${CollabPath}/${teamDocName(summary.teams[0]!.id)}?token=${green.join.playerToken}`;
    const socket = new WebSocket(url);
    const received: Buffer[] = [];
    socket.on('message', (data: Buffer) => received.push(data));
    const code = await new Promise<number>((resolve) => socket.on('close', (closeCode) => resolve(closeCode)));
    expect(code).toBe(CollabCloseCode.Forbidden);
    expect(received).toHaveLength(0);
  });

  describe('query sandbox', () => {
    beforeAll(async () => {
      await ok(request(facilitator, 'exercise:start', { exerciseId: summary.id }));
    });

    const rejected: [string, string][] = [
      ['file reader', "SELECT * FROM read_csv('/etc/passwd')"],
      ['text reader', "SELECT * FROM read_text('/etc/hostname')"],
      ['glob', "SELECT * FROM glob('/*')"],
      ['two statements', 'SELECT 1; SELECT 2'],
      ['copy to file', "COPY (SELECT 1) TO '/tmp/out.csv'"],
      ['attach', "ATTACH ':memory:' AS other"],
      ['setting', "SET enable_external_access = true"],
      ['pragma', 'PRAGMA database_list'],
      ['drop', 'DROP VIEW cloudtrail_logs'],
      ['create', 'CREATE TABLE t AS SELECT 1'],
      ['install', 'INSTALL httpfs'],
      ['hidden table', 'SELECT count(*) FROM hidden.cloudtrail'],
      ['hidden table in a CTE', 'WITH x AS (SELECT * FROM hidden.cloudtrail) SELECT count(*) FROM x'],
      ['catalog function', 'SELECT * FROM duckdb_tables()'],
      ['replacement scan', "SELECT * FROM '/etc/passwd'"],
    ];

    it.each(rejected)('rejects %s', async (_name, sql) => {
      const error = errorOf(await request<QueryResult>(blue.socket, 'query:run', { sql }));
      expect(['QUERY_REJECTED', 'QUERY_FAILED']).toContain(error.code);
      expect(error.message).not.toMatch(/\bat .*\.(ts|js):\d+/);
    });

    it('still answers after the rejected attempts', async () => {
      const result = await ok(request<QueryResult>(blue.socket, 'query:run', { sql: 'SELECT count(*) AS n FROM cloudtrail_logs' }));
      expect(Number(result.rows[0]![0])).toBeGreaterThan(0);
    });

    it('reports a syntax error with its position', async () => {
      const error = errorOf(await request<QueryResult>(blue.socket, 'query:run', { sql: 'SELEC eventname FROM cloudtrail_logs' }));
      expect(error.code).toBe('QUERY_REJECTED');
      expect(error.message).toMatch(/syntax error/i);
    });

    it('hides findings that are not released', async () => {
      const result = await ok(request<QueryResult>(green.socket, 'query:run', { sql: 'SELECT id, severity FROM guardduty_findings' }));
      expect(result.rowCount).toBe(1);
    });
  });
});
