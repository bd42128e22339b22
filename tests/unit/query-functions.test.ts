import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SampleDatabase } from './query-sandbox-support.js';

/**
 * Athena (Trino) functions against the values the Trino documentation gives for them, run through
 * the gate and the worker's database setup.
 */
describe('Athena functions', () => {
  let db: SampleDatabase;

  beforeAll(async () => {
    db = await SampleDatabase.create();
  });

  afterAll(async () => {
    await db?.close();
  });

  const cases: [string, string, unknown][] = [
    ['from_iso8601_timestamp', "SELECT CAST(from_iso8601_timestamp('2020-05-11T11:15:05.055+01:00') AS VARCHAR)", '2020-05-11 10:15:05.055+00'],
    ['date_parse', "SELECT CAST(date_parse('2022/10/20/05', '%Y/%m/%d/%H') AS VARCHAR)", '2022-10-20 05:00:00'],
    ['date_parse with %i and %s', "SELECT CAST(date_parse('2026-05-08 02:17:09', '%Y-%m-%d %H:%i:%s') AS VARCHAR)", '2026-05-08 02:17:09'],
    ['date_format', "SELECT date_format(TIMESTAMP '2022-10-20 05:10:00', '%m-%d-%Y %H')", '10-20-2022 05'],
    ['date_format with %T', "SELECT date_format(TIMESTAMP '2022-10-20 05:10:03', '%T')", '05:10:03'],
    ['parse_datetime', "SELECT CAST(parse_datetime('08/May/2026:02:17:09 +0000', 'dd/MMM/yyyy:HH:mm:ss Z') AS VARCHAR)", '2026-05-08 02:17:09+00'],
    ['date_add', "SELECT CAST(date_add('day', 1, TIMESTAMP '2026-05-08 02:17:00') AS VARCHAR)", '2026-05-09 02:17:00'],
    ['date_add negative hours', "SELECT to_iso8601(date_add('hour', -3, from_iso8601_timestamp('2026-05-08T02:17:00Z')))", '2026-05-07T23:17:00.000Z'],
    ['date_diff whole days', "SELECT date_diff('day', TIMESTAMP '2020-01-01 23:00', TIMESTAMP '2020-01-02 01:00')", 0],
    ['date_diff hours', "SELECT date_diff('hour', TIMESTAMP '2020-01-01 23:00', TIMESTAMP '2020-01-02 01:00')", 2],
    ['date_trunc', "SELECT to_iso8601(date_trunc('hour', from_iso8601_timestamp('2026-05-08T02:17:09Z')))", '2026-05-08T02:00:00.000Z'],
    ['date_trunc day', "SELECT to_iso8601(date_trunc('day', TIMESTAMP '2026-05-08 23:59:59'))", '2026-05-08T00:00:00.000Z'],
    ['date_trunc month', "SELECT to_iso8601(date_trunc('month', from_iso8601_timestamp('2026-05-08T02:17:09Z')))", '2026-05-01T00:00:00.000Z'],
    ['date_trunc minute', "SELECT to_iso8601(date_trunc('MINUTE', from_iso8601_timestamp('2026-05-08T02:17:09.5Z')))", '2026-05-08T02:17:00.000Z'],
    ['to_iso8601', "SELECT to_iso8601(from_iso8601_timestamp('2026-05-08T02:17:00Z'))", '2026-05-08T02:17:00.000Z'],
    ['from_unixtime', 'SELECT to_iso8601(from_unixtime(1700000000))', '2023-11-14T22:13:20.000Z'],
    ['current_timestamp', 'SELECT typeof(current_timestamp)', 'TIMESTAMP WITH TIME ZONE'],
    ['interval day', "SELECT to_iso8601(from_iso8601_timestamp('2026-05-08T02:17:00Z') - interval '1' day)", '2026-05-07T02:17:00.000Z'],
    ['json_extract', `SELECT CAST(json_extract('{"a": {"b": 1}}', '$.a') AS VARCHAR)`, '{"b":1}'],
    ['json_extract_scalar of a scalar', `SELECT json_extract_scalar('{"a": {"b": 1}}', '$.a.b')`, '1'],
    ['json_extract_scalar of an object', `SELECT json_extract_scalar('{"a": {"b": 1}}', '$.a')`, null],
    ['json_array_length', "SELECT json_array_length('[1, 2, 3]')", 3],
    ['json_array_length of an object', "SELECT json_array_length('{}')", null],
    ['json_format', "SELECT json_format(JSON '[1, 2, 3]')", '[1,2,3]'],
    ['regexp_like', "SELECT regexp_like('1a 2b 14m', '\\d+b')", true],
    ['regexp_extract', "SELECT regexp_extract('1a 2b 14m', '\\d+')", '1'],
    ['regexp_extract group', "SELECT regexp_extract('1a 2b 14m', '(\\d+)([a-z]+)', 2)", 'a'],
    ['regexp_extract no match', "SELECT regexp_extract('abc', '\\d+')", null],
    ['regexp_replace removes all', "SELECT regexp_replace('1a 2b 14m', '\\d+[ab] ')", '14m'],
    ['regexp_replace with $2', "SELECT regexp_replace('1a 2b 14m', '(\\d+)([ab]) ', '3c$2 ')", '3ca 3cb 14m'],
    ['split_part', "SELECT split_part('a,b,c', ',', 2)", 'b'],
    ['split_part past the end', "SELECT split_part('a,b,c', ',', 4)", null],
    ['strpos', "SELECT strpos('high', 'ig')", 2],
    ['approx_distinct', 'SELECT approx_distinct(x) FROM range(1000) t(x)', 1000],
    ['array_agg', 'SELECT array_agg(x ORDER BY x) FROM range(3) t(x)', [0, 1, 2].map(String)],
    ['array_join', "SELECT array_join(ARRAY['a', NULL, 'b'], ',')", 'a,b'],
    ['array_join with null replacement', "SELECT array_join(ARRAY['a', NULL], ',', 'x')", 'a,x'],
    ['cardinality', 'SELECT cardinality(ARRAY[1, 2, 3])', 3],
    ['cardinality of structs', "SELECT cardinality([{'arn': 'a'}, {'arn': 'b'}])", 2],
    ['cardinality of a map', "SELECT cardinality(MAP(ARRAY['a', 'b'], ARRAY[1, 2]))", 2],
    ['cardinality of an empty map', 'SELECT cardinality(MAP(ARRAY[], ARRAY[]))', 0],
    ['element_at of an array', 'SELECT element_at(ARRAY[1, 2, 3], 2)', 2],
    ['element_at from the end', 'SELECT element_at(ARRAY[1, 2, 3], -1)', 3],
    ['element_at of a map', "SELECT element_at(MAP(ARRAY['a'], ARRAY[1]), 'a')", 1],
    ['contains', 'SELECT contains(ARRAY[1, 2, 3], 2)', true],
    ['count_if', 'SELECT count_if(x > 5) FROM range(10) t(x)', 4],
    ['try', "SELECT try(CAST('x' AS integer))", null],
    ['try_cast', "SELECT try_cast('x' AS integer)", null],
    ['integer division', 'SELECT 5 / 2', 2],
  ];

  it.each(cases)('%s', async (_name, sql, expected) => {
    expect(await db.scalar(sql)).toEqual(expected);
  });

  it('rejects cardinality of a string', async () => {
    await expect(db.scalar("SELECT cardinality('abc')")).rejects.toThrow(/cardinality expects an array or a map/);
  });

  it('names result columns as Athena does', async () => {
    const result = await db.query("SELECT eventname, count(*), useridentity.username, max(eventtime) AS last, lower(eventname) FROM cloudtrail_logs GROUP BY 1, 3");
    expect(result.columns.map((column) => column.name)).toEqual(['eventname', '_col1', 'username', 'last', '_col4']);
  });

  it('names union columns from the first select', async () => {
    const result = await db.query("SELECT count(*) FROM cloudtrail_logs UNION ALL SELECT 1 AS other");
    expect(result.columns.map((column) => column.name)).toEqual(['_col0']);
  });

  it('keeps column names of a star', async () => {
    const result = await db.query('SELECT * FROM (SELECT eventname AS name FROM cloudtrail_logs) LIMIT 1');
    expect(result.columns.map((column) => column.name)).toEqual(['name']);
  });

  it('unnests resources with CROSS JOIN UNNEST', async () => {
    const result = await db.query("SELECT eventid, r.arn FROM cloudtrail_logs CROSS JOIN UNNEST(resources) AS t(r) WHERE r.type = 'AWS::S3::Bucket'");
    expect(result.rows).toEqual([['event-2', 'arn:aws:s3:::apexcorp-customer-data']]);
  });

  it('unnests with a comma join and a filter on another column', async () => {
    const result = await db.query("SELECT c.eventname, r.type FROM cloudtrail_logs c, UNNEST(c.resources) AS t(r) WHERE c.eventname = 'CreateAccessKey'");
    expect(result.rows).toEqual([['CreateAccessKey', 'AWS::IAM::User']]);
  });

  it('unnests with the relation alias in use', async () => {
    const result = await db.query("SELECT t.r.type FROM cloudtrail_logs CROSS JOIN UNNEST(resources) AS t(r) WHERE t.r.arn LIKE '%dev-deploy'");
    expect(result.rows).toEqual([['AWS::IAM::User']]);
  });

  it('unnests keeping every column for SELECT *', async () => {
    const plain = await db.query('SELECT * FROM cloudtrail_logs LIMIT 1');
    const joined = await db.query("SELECT * FROM cloudtrail_logs c CROSS JOIN UNNEST(c.resources) AS t(r) WHERE r.type = 'AWS::IAM::User'");
    expect(joined.columns.map((column) => column.name)).toEqual([...plain.columns.map((column) => column.name), 'r']);
    expect(joined.rowCount).toBe(1);
  });

  it('filters on nested identity fields', async () => {
    const result = await db.query("SELECT count(*) FROM cloudtrail_logs WHERE useridentity.sessioncontext.attributes.mfaauthenticated = 'false'");
    expect(result.rows[0]![0]).toBe(1);
  });

  it('shapes cloudtrail_logs like the Athena table', async () => {
    const result = await db.query('DESCRIBE cloudtrail_logs');
    const types = Object.fromEntries(result.rows.map((row) => [row[0], String(row[1])]));
    for (const name of ['requestparameters', 'responseelements', 'additionaleventdata', 'serviceeventdetails', 'readonly', 'region', 'year', 'month', 'day']) {
      expect(types[name]).toBe('VARCHAR');
    }
    expect(types.useridentity).toMatch(/^STRUCT\(.*sessioncontext STRUCT\(/);
    expect(types.resources).toMatch(/^STRUCT\(arn VARCHAR, accountid VARCHAR, "type" VARCHAR\)\[\]$/);
    expect(types.tlsdetails).toMatch(/^STRUCT\(tlsversion VARCHAR/);
    expect(types.addendum).toMatch(/^STRUCT\(reason VARCHAR/);
  });

  it('fills the partition columns from eventtime', async () => {
    const result = await db.query("SELECT region, year, month, day FROM cloudtrail_logs WHERE eventid = 'event-1'");
    expect(result.rows).toEqual([['us-east-1', '2026', '05', '08']]);
  });
});
