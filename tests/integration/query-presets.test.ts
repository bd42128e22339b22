import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryResult } from '../../shared/model.js';
import { createLogger } from '../../server/logger.js';
import { writeQueryDataFiles } from '../../server/query/data-files.js';
import { QueryEngine } from '../../server/query/query-engine.js';
import { visibilityAt } from '../../server/query/scenario-visibility.js';
import { loadScenario, type ScenarioData } from '../../server/scenario/load.js';
import { ScenariosDir } from '../support/harness.js';

/** The named queries of apexcorp-prod, run in a real query worker over the pack's data. */
describe('apexcorp-prod presets', () => {
  let dataDir: string;
  let engine: QueryEngine;
  let data: ScenarioData;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-presets-'));
    data = await loadScenario(path.join(ScenariosDir, 'apexcorp-prod'));
    engine = new QueryEngine({ timeoutMs: 30_000, memoryLimit: '512MB', threads: 1 }, createLogger({ level: 'silent', pretty: false }));
    await engine.prepare('apexcorp-prod', await writeQueryDataFiles(data, dataDir));
  });

  afterAll(async () => {
    await engine?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function preset(id: string, phase?: number): Promise<{ result: QueryResult; rows: Record<string, unknown>[] }> {
    const query = data.scenario.manifest.queries.find((candidate) => candidate.id === id);
    if (!query) throw new Error(`no preset ${id}`);
    const visibility = visibilityAt(data.scenario.manifest, data.scenario.findings.map((finding) => finding.Id), { phase });
    const result = await engine.query('apexcorp-prod', visibility, query.sql);
    const rows = result.rows.map((row) => Object.fromEntries(result.columns.map((column, index) => [column.name, row[index]])));
    return { result, rows };
  }

  it('ships the eight presets', () => {
    expect(data.scenario.manifest.queries.map((query) => query.id).slice(0, 8)).toEqual([
      'dev-deploy-events',
      'iam-escalation',
      's3-exfiltration',
      'ec2-mining',
      'backdoor-keys',
      'attacker-ip',
      'failed-logins',
      'log-tampering',
    ]);
  });

  it('dev-deploy events show the Tor address', async () => {
    const { rows } = await preset('dev-deploy-events');
    const addresses = new Set(rows.map((row) => row.sourceipaddress));
    expect(addresses).toContain('185.220.101.45');
    expect([...addresses].filter((address) => address !== '185.220.101.45').every((address) => String(address).startsWith('10.10.14.'))).toBe(true);
  });

  it('IAM escalation finds the AdministratorAccess grant', async () => {
    const { rows } = await preset('iam-escalation');
    const grant = rows.find((row) => row.eventid === 'a6459e80-7620-431b-a0b0-09baea03b128');
    expect(grant).toMatchObject({ eventname: 'AttachUserPolicy', target_user: 'dev-deploy', policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess', sourceipaddress: '185.220.101.45' });
  });

  it('S3 exfiltration ranks the stolen bucket first', async () => {
    const { rows } = await preset('s3-exfiltration');
    expect(rows[0]).toMatchObject({ bucket: 'apexcorp-customer-data', sourceipaddress: '185.220.101.45', caller: 'dev-deploy' });
    expect(Number(rows[0]!.objects_read)).toBeGreaterThan(10);
  });

  it('EC2 mining shows the key pair in two regions', async () => {
    const { rows } = await preset('ec2-mining');
    const launches = rows.filter((row) => row.eventname === 'RunInstances');
    expect(new Set(launches.map((row) => row.awsregion))).toEqual(new Set(['us-east-1', 'us-west-2']));
    expect(launches.every((row) => row.key_name === 'backup-ops-key')).toBe(true);
  });

  it('backdoor keys show the second access key', async () => {
    const { rows } = await preset('backdoor-keys');
    expect(rows.map((row) => row.new_access_key_id)).toContain('AKIABZPUZDIKDNQIULWG');
    expect(rows.find((row) => row.new_access_key_id === 'AKIABZPUZDIKDNQIULWG')).toMatchObject({ caller: 'dev-deploy', for_user: 'dev-deploy' });
  });

  it('attacker IP lists only that address, in order', async () => {
    const { rows } = await preset('attacker-ip');
    expect(rows.length).toBeGreaterThan(30);
    expect(rows[0]).toMatchObject({ eventname: 'GetCallerIdentity', identity: 'dev-deploy' });
    const times = rows.map((row) => String(row.eventtime));
    expect([...times].sort()).toEqual(times);
    expect(rows.map((row) => row.eventname)).toContain('StopLogging');
  });

  it('failed logins show the console guesses from the Tor address', async () => {
    const { rows } = await preset('failed-logins');
    const guesses = rows.filter((row) => row.sourceipaddress === '185.220.101.45' && row.eventname === 'ConsoleLogin');
    expect(guesses.map((row) => row.identity).sort()).toEqual(['alice.chen', 'bob.martinez', 'dana.whitfield']);
    expect(guesses.every((row) => row.outcome === 'Failure')).toBe(true);
  });

  it('log tampering shows StopLogging and the denied DeleteTrail', async () => {
    const { rows } = await preset('log-tampering');
    expect(rows.map((row) => [row.eventname, row.caller, row.errorcode])).toEqual([
      ['StopLogging', 'dev-deploy', null],
      ['DeleteTrail', 'dev-deploy', 'AccessDenied'],
    ]);
  });

  it('log tampering is not visible in the first phase', async () => {
    const { result } = await preset('log-tampering', 1);
    expect(result.rowCount).toBe(0);
  });
});
