import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/ack.js';
import type { CloudTrailHistogram, CloudTrailPage, QueryResult } from '../../shared/model.js';
import { ok, request, TestServer, type ClientSocket } from '../support/harness.js';
import { setUpExercise, type SetUpExercise } from '../support/exercise-setup.js';

const Attacker = { userName: 'dev-deploy', ip: '185.220.101.45' };
const UserSql = 'coalesce(useridentity.username, useridentity.sessioncontext.sessionissuer.username, useridentity.invokedby, useridentity.type)';

/** The CloudTrail browser's filters, windows and histogram over a real server and query worker. */
describe('cloudtrail browse', () => {
  let server: TestServer;
  let exercise: SetUpExercise;
  let player: ClientSocket;

  beforeAll(async () => {
    server = await TestServer.start();
    exercise = await setUpExercise(server, { Blue: ['Ana'] }, { start: true });
    player = await server.connect(exercise.players.get('Ana')!.playerToken);
  });

  afterAll(async () => {
    await server?.stop();
  });

  const list = (payload: Record<string, unknown>) => ok(request<CloudTrailPage>(player, 'cloudtrail:list', payload));
  const histogram = (payload: Record<string, unknown>) => ok(request<CloudTrailHistogram>(player, 'cloudtrail:histogram', payload));

  /** Count the visible events with SQL, as an independent check of the browser's filters. */
  async function countWithSql(where: string): Promise<number> {
    const result = await ok(request<QueryResult>(player, 'query:run', { sql: `SELECT count(*) FROM cloudtrail_logs WHERE ${where}` }));
    return Number(result.rows[0]![0]);
  }

  it('user name filter matches exactly', async () => {
    const page = await list({ attributes: { userName: Attacker.userName }, limit: 200 });
    expect(page.total).toBeGreaterThan(0);
    expect(page.total).toBe(await countWithSql(`${UserSql} = '${Attacker.userName}'`));
    expect(page.rows.every((row) => row.userName === Attacker.userName)).toBe(true);

    const partial = await list({ attributes: { userName: 'dev-dep' } });
    expect(partial.total).toBe(0);
  });

  it('attribute filters combine with AND', async () => {
    const byUser = await list({ attributes: { userName: Attacker.userName } });
    const both = await list({ attributes: { userName: Attacker.userName, sourceIPAddress: Attacker.ip }, limit: 200 });
    expect(both.total).toBeGreaterThan(0);
    expect(both.total).toBeLessThan(byUser.total);
    expect(both.total).toBe(await countWithSql(`${UserSql} = '${Attacker.userName}' AND sourceipaddress = '${Attacker.ip}'`));
    for (const row of both.rows) {
      expect(row.userName).toBe(Attacker.userName);
      expect(row.sourceIpAddress).toBe(Attacker.ip);
    }
  });

  it('trailing star matches a prefix', async () => {
    const exact = await list({ attributes: { sourceIPAddress: Attacker.ip } });
    const range = await list({ attributes: { sourceIPAddress: '185.220.*' }, limit: 200 });
    expect(range.total).toBe(await countWithSql("sourceipaddress LIKE '185.220.%'"));
    expect(range.total).toBeGreaterThanOrEqual(exact.total);
    expect(range.rows.every((row) => row.sourceIpAddress?.startsWith('185.220.'))).toBe(true);
  });

  it('read-only, source and error filters', async () => {
    const writes = await list({ attributes: { readOnly: false } });
    expect(writes.total).toBe(await countWithSql("CAST(readonly AS VARCHAR) = 'false'"));

    const iam = await list({ attributes: { eventSource: 'iam.amazonaws.com', readOnly: true } });
    expect(iam.total).toBe(await countWithSql("eventsource = 'iam.amazonaws.com' AND CAST(readonly AS VARCHAR) = 'true'"));

    const failed = await list({ attributes: { errorCode: 'AccessDenied*' }, limit: 200 });
    expect(failed.total).toBe(await countWithSql("errorcode LIKE 'AccessDenied%'"));
    expect(failed.rows.every((row) => row.errorCode?.startsWith('AccessDenied'))).toBe(true);
  });

  it('event name and access key filters', async () => {
    const calls = await list({ attributes: { eventName: 'GetCallerIdentity', userName: Attacker.userName }, limit: 1 });
    expect(calls.total).toBeGreaterThan(0);
    const record = await ok(request<{ userIdentity: { accessKeyId: string } }>(player, 'cloudtrail:get', { eventId: calls.rows[0]!.eventId }));
    const key = record.userIdentity.accessKeyId;

    const byKey = await list({ attributes: { accessKeyId: key } });
    expect(byKey.total).toBe(await countWithSql(`useridentity.accesskeyid = '${key}'`));
    expect(byKey.total).toBeGreaterThanOrEqual(calls.total);
  });

  it('quick filter combines with attributes', async () => {
    const page = await list({ filter: 'iam', attributes: { userName: Attacker.userName }, limit: 200 });
    expect(page.total).toBe(await countWithSql(`eventsource = 'iam.amazonaws.com' AND ${UserSql} = '${Attacker.userName}'`));
    expect(page.rows.every((row) => row.eventSource === 'iam.amazonaws.com')).toBe(true);
  });

  it('time range is inclusive', async () => {
    const start = '2026-05-08T01:00:00Z';
    const end = '2026-05-08T02:00:00Z';
    const page = await list({ start, end, limit: 200 });
    expect(page.total).toBe(await countWithSql(`eventtime >= '${start}' AND eventtime <= '${end}'`));
    for (const row of page.rows) {
      expect(row.eventTime >= start).toBe(true);
      expect(row.eventTime <= end).toBe(true);
    }

    const open = await list({ start: '2026-05-08T02:00:00Z' });
    expect(open.total).toBe(await countWithSql("eventtime >= '2026-05-08T02:00:00Z'"));
  });

  it('windows tile the filtered set', async () => {
    const criteria = { attributes: { userName: Attacker.userName } };
    const { total } = await list(criteria);
    const seen = new Set<string>();
    for (let offset = 0; offset < total; offset += 37) {
      const page = await list({ ...criteria, offset, limit: 37 });
      expect(page.offset).toBe(offset);
      for (const row of page.rows) seen.add(row.eventId);
    }
    expect(seen.size).toBe(total);
  });

  it('deep window returns the oldest rows', async () => {
    const { total } = await list({});
    expect(total).toBeGreaterThan(10_000);
    const tail = await list({ offset: total - 5, limit: 50 });
    expect(tail.rows).toHaveLength(5);
    const oldest = await ok(request<QueryResult>(player, 'query:run', { sql: 'SELECT min(eventtime) FROM cloudtrail_logs' }));
    expect(tail.rows.at(-1)!.eventTime).toBe(String(oldest.rows[0]![0]));

    const past = await list({ offset: total + 10 });
    expect(past.rows).toEqual([]);
    expect(past.total).toBe(total);
  });

  it('histogram counts match the list', async () => {
    for (const criteria of [{}, { attributes: { userName: Attacker.userName } }, { filter: 'suspicious', attributes: { sourceIPAddress: Attacker.ip } }]) {
      const [bars, page] = await Promise.all([histogram(criteria), list(criteria)]);
      expect(bars.total).toBe(page.total);
      expect(bars.buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(page.total);
    }
  });

  it('histogram span ignores filters', async () => {
    const all = await histogram({});
    const narrow = await histogram({ attributes: { userName: Attacker.userName } });
    expect(narrow.start).toBe(all.start);
    expect(narrow.end).toBe(all.end);
    expect(narrow.buckets.length).toBe(all.buckets.length);
    expect(all.buckets.length).toBeLessThanOrEqual(120);
    const steps = all.buckets.map((bucket) => Date.parse(bucket.start));
    expect(steps.every((time, index) => index === 0 || time - steps[index - 1]! === all.bucketSeconds * 1_000)).toBe(true);
  });

  it('histogram reveals no unreleased time', async () => {
    const horizon = Date.parse('2026-05-08T02:20:00Z');
    const before = await histogram({});
    const latest = await ok(request<QueryResult>(player, 'query:run', { sql: 'SELECT max(eventtime) FROM cloudtrail_logs' }));
    const latestMs = Date.parse(String(latest.rows[0]![0]));
    expect(latestMs).toBeLessThanOrEqual(horizon);
    expect(before.total).toBe(await countWithSql('true'));
    // The last bar holds the latest released event, and the span ends with that bar.
    const lastBar = before.buckets.at(-1)!;
    expect(lastBar.count).toBeGreaterThan(0);
    expect(Date.parse(lastBar.start)).toBeLessThanOrEqual(latestMs);
    expect(Date.parse(before.end!)).toBe(Date.parse(lastBar.start) + before.bucketSeconds * 1_000);

    // The attacker stops CloudTrail at 03:31, after this phase's horizon.
    const hidden = await histogram({ attributes: { eventName: 'StopLogging' } });
    expect(hidden.total).toBe(0);
    expect(hidden.buckets.every((bucket) => bucket.count === 0)).toBe(true);
    expect((await list({ attributes: { eventName: 'StopLogging' } })).total).toBe(0);

    await ok(request(exercise.facilitator, 'phase:advance', { exerciseId: exercise.summary.id }));
    const after = await histogram({});
    expect(after.total).toBeGreaterThan(before.total);
    expect(Date.parse(after.end!)).toBeGreaterThan(Date.parse(before.end!));
    expect(after.total).toBe(await countWithSql('true'));
  });

  it('resource name matches ARN or name', async () => {
    // S3 reads of the customer bucket are released with the later phases.
    await ok(request(exercise.facilitator, 'phase:advance', { exerciseId: exercise.summary.id }));
    await ok(request(exercise.facilitator, 'phase:advance', { exerciseId: exercise.summary.id }));
    const bucketArn = 'arn:aws:s3:::apexcorp-customer-data';
    const expected = await countWithSql(`len(list_filter(resources, r -> r.arn = '${bucketArn}')) > 0`);
    expect(expected).toBeGreaterThan(0);

    const byName = await list({ attributes: { resourceName: 'apexcorp-customer-data' } });
    const byArn = await list({ attributes: { resourceName: bucketArn } });
    expect(byName.total).toBe(expected);
    expect(byArn.total).toBe(expected);

    const objects = await list({ attributes: { resourceName: `${bucketArn}/exports/*` } });
    expect(objects.total).toBe(await countWithSql(`len(list_filter(resources, r -> starts_with(r.arn, '${bucketArn}/exports/'))) > 0`));
    expect(objects.total).toBeGreaterThan(0);
  });

  it('released events join the histogram', async () => {
    // By now the phases up to 04:30 are released, which include StopLogging at 03:31.
    const stop = await histogram({ attributes: { eventName: 'StopLogging' } });
    expect(stop.total).toBeGreaterThan(0);
    const bar = stop.buckets.find((bucket) => bucket.count > 0)!;
    expect(Date.parse(bar.start)).toBeLessThanOrEqual(Date.parse('2026-05-08T03:31:40Z'));
    expect(Date.parse(bar.start) + stop.bucketSeconds * 1_000).toBeGreaterThan(Date.parse('2026-05-08T03:31:40Z'));
  });
});

describe('cloudtrail browse input', () => {
  let server: TestServer;
  let player: ClientSocket;
  let exercise: SetUpExercise;

  beforeAll(async () => {
    server = await TestServer.start();
    exercise = await setUpExercise(server, { Blue: ['Ana'] });
    player = await server.connect(exercise.players.get('Ana')!.playerToken);
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('histogram before the start is rejected', async () => {
    const response = await request<CloudTrailHistogram>(player, 'cloudtrail:histogram', {});
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('INVALID_STATE');
  });

  const invalid: [string, Record<string, unknown>, string, RegExp][] = [
    ['read-only as text', { attributes: { readOnly: 'yes' } }, 'attributes.readOnly', /true or false/],
    ['empty value', { attributes: { userName: '   ' } }, 'attributes.userName', /must not be empty/],
    ['long value', { attributes: { eventName: 'x'.repeat(2_001) } }, 'attributes.eventName', /at most 2000/],
    ['unknown attribute', { attributes: { region: 'us-east-1' } }, 'attributes', /region/],
    ['bad start', { start: 'yesterday' }, 'start', /ISO 8601/],
    ['end before start', { start: '2026-05-08T02:00:00Z', end: '2026-05-08T01:00:00Z' }, 'end', /before start/],
    ['oversized window', { limit: 500 }, 'limit', /200/],
    ['negative offset', { offset: -1 }, 'offset', /0/],
    ['unknown quick filter', { filter: 'lambda' }, 'filter', /all/],
  ];

  for (const [name, payload, field, message] of invalid) {
    it(`list rejects ${name}`, async () => {
      const response: Ack<CloudTrailPage> = await request<CloudTrailPage>(player, 'cloudtrail:list', payload);
      expect(response.ok).toBe(false);
      if (response.ok) return;
      expect(response.error.code).toBe('INVALID_PAYLOAD');
      expect(response.error.field).toBe(field);
      expect(response.error.message).toMatch(message);
    });
  }

  it('histogram rejects a time range', async () => {
    const response = await request<CloudTrailHistogram>(player, 'cloudtrail:histogram', { start: '2026-05-08T01:00:00Z' });
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('INVALID_PAYLOAD');
    expect(response.error.message).toMatch(/start/);
  });
});
