import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryCommand } from '../../server/cli/query-command.js';
import { ScenariosDir } from '../support/harness.js';

/** `cloud-ir-lab query`, run in-process with its output captured. */
describe('query command', () => {
  let dataDir: string;
  const savedEnv = { DATA_DIR: process.env.DATA_DIR, SCENARIOS_DIR: process.env.SCENARIOS_DIR };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-cli-'));
    process.env.DATA_DIR = dataDir;
    process.env.SCENARIOS_DIR = ScenariosDir;
  });

  afterAll(async () => {
    for (const [name, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await queryCommand(argv, { write: (text: string) => (stdout += text) }, { write: (text: string) => (stderr += text) });
    return { code, stdout, stderr };
  }

  it('prints the JSON document', async () => {
    const { code, stdout } = await run('--scenario', 'apexcorp-prod', '--format', 'json', "SELECT eventname, count(*) AS n FROM cloudtrail_logs WHERE eventname = 'StopLogging' GROUP BY 1");
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(document)).toEqual(['columns', 'rows', 'rowCount', 'truncated', 'elapsedMs']);
    expect(document.columns).toEqual([
      { name: 'eventname', type: 'VARCHAR' },
      { name: 'n', type: 'BIGINT' },
    ]);
    expect(document.rows).toEqual([['StopLogging', 1]]);
    expect(document.rowCount).toBe(1);
    expect(document.truncated).toBe(false);
    expect(document.elapsedMs).toBeTypeOf('number');
  });

  it('sees only the first phase with --phase 1', async () => {
    const all = JSON.parse((await run('--scenario', 'apexcorp-prod', '--format', 'json', 'SELECT count(*) FROM guardduty_findings')).stdout);
    const sql = 'SELECT (SELECT count(*) FROM guardduty_findings), (SELECT max(eventtime) FROM cloudtrail_logs)';
    const first = JSON.parse((await run('--scenario', 'apexcorp-prod', '--phase', '1', '--format', 'json', sql)).stdout);
    expect(all.rows[0][0]).toBe(6);
    expect(first.rows[0]).toEqual([1, '2026-05-08T02:20:00Z']);
  });

  it('cuts events at --until', async () => {
    const { stdout } = await run('--scenario', 'apexcorp-prod', '--until', '2026-05-08T02:00:00Z', '--format', 'csv', "SELECT max(eventtime) AS last FROM cloudtrail_logs");
    const all = await run('--scenario', 'apexcorp-prod', '--format', 'csv', "SELECT max(eventtime) AS last FROM cloudtrail_logs WHERE eventtime <= '2026-05-08T02:00:00Z'");
    expect(stdout).toMatch(/^last\r\n2026-05-08T01:\d\d:\d\dZ\r\n$/);
    expect(stdout).toBe(all.stdout);
  });

  it('generates the requested background size', async () => {
    const small = JSON.parse((await run('--scenario', path.join(ScenariosDir, 'apexcorp-prod'), '--background-events', '10', '--format', 'json', "SELECT count(*) FROM cloudtrail_logs WHERE sourceipaddress <> '185.220.101.45'")).stdout);
    const large = JSON.parse((await run('--scenario', 'apexcorp-prod', '--background-events', '1000', '--format', 'json', "SELECT count(*) FROM cloudtrail_logs WHERE sourceipaddress <> '185.220.101.45'")).stdout);
    expect(large.rows[0][0] - small.rows[0][0]).toBe(990);
  });

  it('prints a table by default', async () => {
    const { code, stdout } = await run('--scenario', 'apexcorp-prod', "SELECT 'a' AS x UNION ALL SELECT 'bb' ORDER BY 1");
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 4)).toEqual(['x', '--', 'a', 'bb']);
  });

  it('prints a JSON error and exits 1', async () => {
    const { code, stdout } = await run('--scenario', 'apexcorp-prod', '--format', 'json', 'DROP VIEW cloudtrail_logs');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({ error: { code: 'QUERY_REJECTED', message: expect.stringMatching(/^NOT_SUPPORTED: Only read queries/) } });
  });

  it('reports an unknown scenario', async () => {
    const { code, stdout } = await run('--scenario', 'no-such-pack', '--format', 'json', 'SELECT 1');
    expect(code).toBe(1);
    expect(JSON.parse(stdout).error.code).toBe('SCENARIO_INVALID');
  });

  it('exits 2 on invalid options', async () => {
    expect((await run('--scenario', 'apexcorp-prod', '--format', 'xml', 'SELECT 1')).code).toBe(2);
    expect((await run('--scenario', 'apexcorp-prod', '--phase', '1', '--until', '2026-05-08T02:00:00Z', 'SELECT 1')).code).toBe(2);
    const missing = await run('--scenario', 'apexcorp-prod');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/SQL: is required/);
  });
});
