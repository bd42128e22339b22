import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryResult } from '../../shared/model.js';
import { ok, request, TestServer } from '../support/harness.js';
import { setUpExercise } from '../support/exercise-setup.js';

describe('health and metrics', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await TestServer.start();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('reports alive and then ready', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    let status = 0;
    const deadline = Date.now() + 60_000;
    while (status !== 200 && Date.now() < deadline) {
      status = (await fetch(`${server.url}/readyz`)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
  });

  it('counts queries, errors, clients and exercises', async () => {
    const { players } = await setUpExercise(server, { Blue: ['Ana'] }, { start: true });
    const ana = await server.connect(players.get('Ana')!.playerToken);
    await ok(request<QueryResult>(ana, 'query:run', { sql: 'SELECT count(*) FROM cloudtrail_logs' }));
    const rejected = await request<QueryResult>(ana, 'query:run', { sql: 'SELECT 1; SELECT 2' });
    expect(rejected.ok).toBe(false);

    const response = await fetch(`${server.url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/cloud_ir_lab_query_duration_seconds_count\{kind="query",outcome="ok"\} 1/);
    expect(text).toMatch(/cloud_ir_lab_query_errors_total\{kind="query",outcome="rejected"\} 1/);
    expect(text).toMatch(/cloud_ir_lab_connected_clients 2/);
    expect(text).toMatch(/cloud_ir_lab_exercises\{status="running"\} 1/);
    expect(text).toMatch(/cloud_ir_lab_store_write_duration_seconds_count \d+/);
    expect(text).toContain('cloud_ir_lab_collab_documents_loaded 0');
    expect(text).toContain('cloud_ir_lab_process_resident_memory_bytes');
  });
});
