import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudTrailPage, QueryResult } from '../../shared/model.js';
import { createLogger } from '../../server/logger.js';
import { writeQueryDataFiles } from '../../server/query/data-files.js';
import type { Visibility } from '../../server/query/protocol.js';
import { QueryEngine } from '../../server/query/query-engine.js';
import { visibilityAt } from '../../server/query/scenario-visibility.js';
import { loadScenario, type ScenarioData } from '../../server/scenario/load.js';
import { ScenariosDir } from '../support/harness.js';

/** Build a record as the account engine writes it, with the fields the Athena table reads. */
function liveRecord(eventID: string, eventName: string, accessKeyId: string): Record<string, unknown> {
  return {
    eventVersion: '1.09',
    userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: 'arn:aws:iam::123456789012:user/dev-deploy', accountId: '123456789012', accessKeyId, userName: 'dev-deploy' },
    eventTime: '2026-05-08T02:25:00Z',
    eventSource: 'iam.amazonaws.com',
    eventName,
    awsRegion: 'us-east-1',
    sourceIPAddress: '185.220.101.45',
    userAgent: 'aws-cli/2.15.0',
    requestParameters: { userName: 'dev-deploy' },
    responseElements: null,
    requestID: `req-${eventID}`,
    eventID,
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '123456789012',
    eventCategory: 'Management',
  };
}

describe('live events in the query worker', () => {
  let dataDir: string;
  let engine: QueryEngine;
  let data: ScenarioData;
  let base: Visibility;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-live-'));
    data = await loadScenario(path.join(ScenariosDir, 'apexcorp-prod'));
    engine = new QueryEngine({ timeoutMs: 30_000, memoryLimit: '512MB', threads: 1 }, createLogger({ level: 'silent', pretty: false }));
    await engine.prepare('apexcorp-prod', await writeQueryDataFiles(data, dataDir));
    base = visibilityAt(data.scenario.manifest, data.scenario.findings.map((finding) => finding.Id), { phase: 1 });
  });

  afterAll(async () => {
    await engine?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const count = async (visibility: Visibility, name: string) => {
    const result: QueryResult = await engine.query('apexcorp-prod', visibility, `SELECT count(*) AS n FROM cloudtrail_logs WHERE eventname = '${name}'`);
    return Number(result.rows[0]![0]);
  };

  it('shows a scope its own events only', async () => {
    await engine.appendLive('apexcorp-prod', 'ex1:team-a', [liveRecord('11111111-1111-4111-8111-111111111111', 'LiveOnlyCall', 'AKIAEXAMPLEAAAAAAAAA')]);
    expect(await count({ ...base, liveScope: 'ex1:team-a' }, 'LiveOnlyCall')).toBe(1);
    expect(await count({ ...base, liveScope: 'ex1:team-b' }, 'LiveOnlyCall')).toBe(0);
    expect(await count(base, 'LiveOnlyCall')).toBe(0);
  });

  it('types nested fields like the scenario data', async () => {
    const result = await engine.query(
      'apexcorp-prod',
      { ...base, liveScope: 'ex1:team-a' },
      "SELECT useridentity.accesskeyid, json_extract_scalar(requestparameters, '$.userName'), year FROM cloudtrail_logs WHERE eventname = 'LiveOnlyCall'",
    );
    expect(result.rows).toEqual([['AKIAEXAMPLEAAAAAAAAA', 'dev-deploy', '2026']]);
  });

  it('lists and returns a live event in the browser', async () => {
    const visibility = { ...base, liveScope: 'ex1:team-a' };
    const page = (await engine.listEvents('apexcorp-prod', visibility, { filter: 'all', attributes: { eventName: 'LiveOnlyCall' } }, 0, 10)) as CloudTrailPage;
    expect(page.rows.map((row) => row.eventId)).toEqual(['11111111-1111-4111-8111-111111111111']);
    const record = await engine.getEvent('apexcorp-prod', visibility, '11111111-1111-4111-8111-111111111111');
    expect(record?.sourceIPAddress).toBe('185.220.101.45');
    expect(await engine.getEvent('apexcorp-prod', { ...base, liveScope: 'ex1:team-b' }, '11111111-1111-4111-8111-111111111111')).toBeNull();
  });

  it('stores a record sent twice once', async () => {
    const record = liveRecord('22222222-2222-4222-8222-222222222222', 'SentTwiceCall', 'AKIAEXAMPLEAAAAAAAAA');
    await engine.appendLive('apexcorp-prod', 'ex1:team-a', [record]);
    await engine.appendLive('apexcorp-prod', 'ex1:team-a', [record]);
    expect(await count({ ...base, liveScope: 'ex1:team-a' }, 'SentTwiceCall')).toBe(1);
  });

  it('keeps live events when the worker restarts', async () => {
    const pid = engine.workerPid('apexcorp-prod')!;
    process.kill(pid, 'SIGKILL');
    const visibility = { ...base, liveScope: 'ex1:team-a' };
    let seen = -1;
    for (let attempt = 0; attempt < 100 && seen !== 1; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      seen = await count(visibility, 'LiveOnlyCall').catch(() => -1);
    }
    expect(engine.workerPid('apexcorp-prod')).not.toBe(pid);
    expect(seen).toBe(1);
  });
});
