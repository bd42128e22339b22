import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExerciseSummary, SubmissionResult } from '../../shared/model.js';
import { createLogger } from '../../server/logger.js';
import { QueryEngine } from '../../server/query/query-engine.js';
import { ScenarioCatalog } from '../../server/scenario/catalog.js';
import { importPack } from '../../server/scenario/import/import-pack.js';
import { prepareScenarioData } from '../../server/scenario/load.js';
import { FacilitatorToken, ok, request, TestServer } from '../support/harness.js';

const Fixtures = path.resolve(import.meta.dirname, '../fixtures/import');
const Apexcorp = path.resolve(import.meta.dirname, '../../scenarios/apexcorp-prod');
const logger = createLogger({ level: 'silent', pretty: false });

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-packs-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('imported pack', () => {
  let engine: QueryEngine;

  beforeAll(() => {
    engine = new QueryEngine({ timeoutMs: 30_000, memoryLimit: '256MB', threads: 1 }, logger);
  });

  afterAll(async () => {
    await engine.close();
  });

  it('answers queries straight after import', async () => {
    const scenariosDir = path.join(work, 'scenarios');
    await importPack({ paths: [path.join(Fixtures, 'cloudtrail'), path.join(Fixtures, 'guardduty')], outDir: path.join(scenariosDir, 'fixture-logs'), anonymize: false });
    const catalog = new ScenarioCatalog(scenariosDir, path.join(work, 'cache'), engine, logger);

    expect(await catalog.list()).toEqual(['fixture-logs']);
    const scenario = await catalog.get('fixture-logs');
    const visibility = { horizon: scenario.manifest.window.end, releasedFindingIds: scenario.manifest.phases[0]!.findings };
    const result = await engine.query(
      'fixture-logs',
      visibility,
      "SELECT eventname, useridentity.username FROM cloudtrail_logs WHERE sourceipaddress = '198.51.100.7' ORDER BY eventtime",
    );
    expect(result.rows).toEqual([
      ['ConsoleLogin', null],
      ['CreateAccessKey', 'maria.lopez'],
      ['AttachUserPolicy', 'maria.lopez'],
      ['GetCallerIdentity', 'build-bot'],
      ['GetObject', 'build-bot'],
      ['RunInstances', 'build-bot'],
    ]);
    const findings = await engine.query('fixture-logs', visibility, 'SELECT type FROM guardduty_findings ORDER BY type');
    expect(findings.rows.map((row) => row[0])).toEqual([
      'Recon:EC2/PortProbeUnprotectedPort',
      'Stealth:IAMUser/CloudTrailLoggingDisabled',
      'UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom',
    ]);
  });
});

describe('apexcorp-prod preset queries', () => {
  it('run and return rows at the end', async () => {
    const engine = new QueryEngine({ timeoutMs: 30_000, memoryLimit: '1GB', threads: 1 }, logger);
    try {
      const catalog = new ScenarioCatalog(path.dirname(Apexcorp), path.join(work, 'cache-presets'), engine, logger);
      const scenario = await catalog.get('apexcorp-prod');
      const visibility = { horizon: scenario.manifest.window.end, releasedFindingIds: scenario.findings.map((finding) => finding.Id) };
      expect(scenario.manifest.queries.length).toBeGreaterThanOrEqual(5);
      for (const query of scenario.manifest.queries) {
        const result = await engine.query('apexcorp-prod', visibility, query.sql);
        expect(result.rowCount, query.id).toBeGreaterThan(0);
      }
      const bytes = await engine.query('apexcorp-prod', visibility, scenario.manifest.queries.find((query) => query.id === 'bytes-per-bucket')!.sql);
      const [bucket, address, objects, total] = bytes.rows[0]!;
      expect(bucket).toBe('apexcorp-customer-data');
      expect(address).toBe('185.220.101.45');
      expect(Number(objects)).toBe(1240);
      expect(Number(total)).toBeGreaterThan(2 ** 30);
    } finally {
      await engine.close();
    }
  });
});

describe('scenario data cache', () => {
  it('reuses data until the pack changes', async () => {
    const dir = path.join(work, 'cached-pack');
    await cp(Apexcorp, dir, { recursive: true });
    const cacheDir = path.join(work, 'cache-2');

    const first = await prepareScenarioData(dir, cacheDir);
    expect(first.cached).toBe(false);
    expect(first.eventCount).toBe(25_000 + JSON.parse(await readFile(path.join(dir, 'cloudtrail/attack.json'), 'utf8')).Records.length);

    const again = await prepareScenarioData(dir, cacheDir);
    expect(again).toMatchObject({ cached: true, eventsPath: first.eventsPath, eventCount: first.eventCount });

    const manifest = path.join(dir, 'scenario.yaml');
    await writeFile(manifest, (await readFile(manifest, 'utf8')).replace('events: 25000', 'events: 1000'));
    const changed = await prepareScenarioData(dir, cacheDir);
    expect(changed.cached).toBe(false);
    expect(changed.eventsPath).not.toBe(first.eventsPath);
    expect(changed.eventCount).toBe(first.eventCount - 24_000);
  });

  it('keys the cache by background size', async () => {
    const cacheDir = path.join(work, 'cache-3');
    const small = await prepareScenarioData(Apexcorp, cacheDir, { backgroundEvents: 10 });
    const defaults = await prepareScenarioData(Apexcorp, cacheDir);
    expect(small.eventsPath).not.toBe(defaults.eventsPath);
    expect(defaults.eventCount - small.eventCount).toBe(25_000 - 10);
    const lines = (await readFile(small.eventsPath, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(small.eventCount);
  });
});

describe('partial credit in an exercise', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await TestServer.start();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('pays only the increase over earlier answers', async () => {
    const facilitator = await server.connect(FacilitatorToken);
    const summary = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Partial credit', teams: ['Red'] }));
    const join = await server.join(summary.joinCode, 'Dee', summary.teams[0]!.id);
    const player = await server.connect(join.playerToken);
    await ok(request(facilitator, 'exercise:start', { exerciseId: summary.id }));
    await ok(request(facilitator, 'phase:advance', { exerciseId: summary.id }));
    await ok(request(facilitator, 'phase:advance', { exerciseId: summary.id }));

    const submit = (answer: string) => ok(request<SubmissionResult>(player, 'objective:submit', { objectiveId: 'unauthorized-ec2', answer }));
    const partial = await submit('i-06b70c11786c115f0, i-0a9db68b551fd9356');
    expect(partial).toMatchObject({ correct: false, pointsAwarded: 80, teamScore: 80 });
    expect(partial.message).toContain('2 of 5 expected values are right');

    const repeated = await submit('i-0a9db68b551fd9356 i-06b70c11786c115f0');
    expect(repeated).toMatchObject({ pointsAwarded: 0, teamScore: 80 });

    const wrong = await submit('i-00000000000000000');
    expect(wrong).toMatchObject({ correct: false, pointsAwarded: -20, teamScore: 60 });

    const full = await submit('i-06b70c11786c115f0, i-0cebcffedf0064d7d, i-0062cea8074d07a29, i-0a9db68b551fd9356, i-0a780c0583c241d4e');
    expect(full).toMatchObject({ correct: true, pointsAwarded: 120, teamScore: 180 });
  });
});
