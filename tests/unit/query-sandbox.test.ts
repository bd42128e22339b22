import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SampleDatabase } from './query-sandbox-support.js';

/** The gate and DuckDB's locked settings, tried the way a curious or hostile participant would. */
describe('query sandbox', () => {
  let db: SampleDatabase;

  beforeAll(async () => {
    db = await SampleDatabase.create();
  });

  afterAll(async () => {
    await db?.close();
  });

  const attempts: [string, string][] = [
    ['read_csv', "SELECT * FROM read_csv('/etc/passwd')"],
    ['read_json', "SELECT * FROM read_json('/etc/os-release')"],
    ['read_text', "SELECT * FROM read_text('/etc/hostname')"],
    ['read_blob', "SELECT * FROM read_blob('/etc/hostname')"],
    ['sniff_csv', "SELECT * FROM sniff_csv('/etc/passwd')"],
    ['glob', "SELECT * FROM glob('/etc/*')"],
    ['replacement scan of a file', "SELECT * FROM '/etc/passwd'"],
    ['read_text in a subquery', "SELECT (SELECT content FROM read_text('/etc/hostname'))"],
    ['COPY TO', "COPY (SELECT * FROM cloudtrail_logs) TO '/tmp/cloudtrail.csv'"],
    ['EXPORT DATABASE', "EXPORT DATABASE '/tmp/export'"],
    ['ATTACH a file', "ATTACH '/tmp/other.duckdb' AS other"],
    ['ATTACH memory', "ATTACH ':memory:' AS scratch"],
    ['INSTALL', 'INSTALL httpfs'],
    ['LOAD', 'LOAD httpfs'],
    ['SET', 'SET enable_external_access = true'],
    ['SET search_path', "SET search_path = 'hidden'"],
    ['PRAGMA', 'PRAGMA enable_profiling'],
    ['CREATE', 'CREATE TABLE notes AS SELECT 1'],
    ['CREATE MACRO', 'CREATE MACRO f(x) AS x'],
    ['INSERT', "INSERT INTO cloudtrail_logs (eventid) VALUES ('forged')"],
    ['UPDATE', "UPDATE cloudtrail_logs SET eventname = 'x'"],
    ['DELETE', 'DELETE FROM cloudtrail_logs'],
    ['DROP', 'DROP VIEW cloudtrail_logs'],
    ['multiple statements', 'SELECT 1; DROP VIEW cloudtrail_logs'],
    ['hidden table', 'SELECT count(*) FROM hidden.cloudtrail'],
    ['hidden table in a CTE', 'WITH x AS (SELECT * FROM hidden.findings) SELECT * FROM x'],
    ['catalog function', 'SELECT * FROM duckdb_tables()'],
    ['query table function', "SELECT * FROM query('SELECT * FROM hidden.cloudtrail')"],
    ['SHOW ALL TABLES', 'SHOW ALL TABLES'],
    ['EXPLAIN ANALYZE', 'EXPLAIN ANALYZE SELECT * FROM cloudtrail_logs'],
    ['CALL', 'CALL pragma_version()'],
  ];

  it.each(attempts)('rejects %s', async (_name, sql) => {
    const message = await db.error(sql);
    expect(message).toMatch(/^[A-Z_]+: /);
    expect(message).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('still answers after the rejected attempts', async () => {
    expect(await db.scalar('SELECT count(*) FROM cloudtrail_logs')).toBe(2);
  });

  it('locks settings even past the gate', async () => {
    const connection = await db.instance.connect();
    try {
      await expect(connection.run("SELECT * FROM read_text('/etc/hostname')")).rejects.toThrow(/disabled|Permission/i);
      await expect(connection.run('SET GLOBAL enable_external_access = true')).rejects.toThrow(/locked|configuration/i);
      await expect(connection.run('LOAD httpfs')).rejects.toThrow();
    } finally {
      connection.closeSync();
    }
  });

  it('runs the allowed statement kinds', async () => {
    expect((await db.query('VALUES (1, 2)')).rows).toEqual([[1, 2]]);
    expect((await db.query('WITH x AS (SELECT 1 AS n) SELECT n FROM x')).rows).toEqual([[1]]);
    expect((await db.query('SHOW TABLES')).rows).toEqual([['cloudtrail_logs'], ['guardduty_findings']]);
    expect((await db.query('DESCRIBE guardduty_findings')).rowCount).toBeGreaterThan(5);
    expect((await db.query('SHOW COLUMNS FROM cloudtrail_logs')).rows[0]![0]).toBe('eventversion');
    expect(await db.error('SHOW COLUMNS FROM hidden.cloudtrail')).toMatch(/^TABLE_NOT_FOUND: /);
    expect((await db.query('EXPLAIN SELECT eventname FROM cloudtrail_logs')).rowCount).toBeGreaterThan(0);
  });

  it('hides events after the horizon', async () => {
    const result = await db.query('SELECT eventid FROM cloudtrail_logs ORDER BY eventid');
    expect(result.rows).toEqual([['event-1'], ['event-2']]);
    expect(await db.scalar("SELECT count(*) FROM cloudtrail_logs WHERE eventname = 'StopLogging'")).toBe(0);
  });

  it('shows every event past the last one', async () => {
    const result = await db.query('SELECT count(*) FROM cloudtrail_logs', 10, { horizon: '2030-01-01T00:00:00Z', releasedFindingIds: [] });
    expect(result.rows).toEqual([[3]]);
  });

  it('hides unreleased findings', async () => {
    const result = await db.query('SELECT id FROM guardduty_findings');
    expect(result.rows).toEqual([['finding-released']]);
  });

  it('truncates rows and counts the total', async () => {
    const result = await db.query('SELECT * FROM range(25) t(x)', 10);
    expect(result.rows).toHaveLength(10);
    expect(result.rowCount).toBe(25);
    expect(result.truncated).toBe(true);
  });
});

describe('Athena error messages', () => {
  let db: SampleDatabase;

  beforeAll(async () => {
    db = await SampleDatabase.create();
  });

  afterAll(async () => {
    await db?.close();
  });

  it('reports a syntax error with line and column', async () => {
    expect(await db.error('SELECT eventname\nFROM cloudtrail_logs\nWHERE eventname = = 1')).toBe("SYNTAX_ERROR: line 3:19: syntax error at or near '='.");
  });

  it('reports an unknown column where it is', async () => {
    expect(await db.error('SELECT eventname,\n       evnttime\nFROM cloudtrail_logs')).toBe("COLUMN_NOT_FOUND: line 2:8: Column 'evnttime' cannot be resolved.");
  });

  it('maps positions after a rewritten format', async () => {
    const sql = "SELECT date_format(from_iso8601_timestamp(eventtime), '%T'), nosuch FROM cloudtrail_logs";
    expect(await db.error(sql)).toBe(`COLUMN_NOT_FOUND: line 1:${sql.indexOf('nosuch') + 1}: Column 'nosuch' cannot be resolved.`);
  });

  it('maps positions after an UNNEST rewrite', async () => {
    const sql = 'SELECT r.arn FROM cloudtrail_logs CROSS JOIN UNNEST(resources) AS t(r) WHERE nosuch = 1';
    expect(await db.error(sql)).toBe(`COLUMN_NOT_FOUND: line 1:${sql.indexOf('nosuch') + 1}: Column 'nosuch' cannot be resolved.`);
  });

  it('reports an unknown table without catalog hints', async () => {
    const message = await db.error('SELECT * FROM cloudtrail');
    expect(message).toBe("TABLE_NOT_FOUND: line 1:15: Table 'cloudtrail' does not exist. The tables you can query are cloudtrail_logs and guardduty_findings.");
  });

  it('reports an unknown function', async () => {
    expect(await db.error('SELECT getenv(eventname) FROM cloudtrail_logs')).toBe("FUNCTION_NOT_FOUND: line 1:8: Function 'getenv' not registered.");
  });

  it('reports an unsupported date format', async () => {
    expect(await db.error("SELECT date_parse(eventtime, '%Q') FROM cloudtrail_logs")).toMatch(/^INVALID_FUNCTION_ARGUMENT: line 1:30: The format specifier "%Q" is not supported/);
  });

  it('reports a failed cast at run time', async () => {
    expect(await db.error('SELECT CAST(eventname AS integer) FROM cloudtrail_logs')).toMatch(/^INVALID_CAST_ARGUMENT: .*CreateAccessKey/);
  });

  it('reports a missing GROUP BY', async () => {
    expect(await db.error('SELECT eventname, count(*) FROM cloudtrail_logs')).toMatch(/^EXPRESSION_NOT_AGGREGATE: line 1:8: /);
  });
});
