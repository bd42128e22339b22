import { describe, expect, it } from 'vitest';
import { actionSchema } from '../../../server/account/action-params.js';
import { FINDING_TYPES } from '../../../server/redcell/detection/finding-types.js';
import { parseMoveParams, planMove, techniqueById, techniques, techniqueViews, type MoveParams, type Technique } from '../../../server/redcell/index.js';
import { DEPLOY_KEY, smallAccount } from './account-fixture.js';
import { SAMPLE_PARAMS } from './sample-params.js';

const TACTICS = ['discovery', 'credential-access', 'privilege-escalation', 'persistence', 'defense-evasion', 'exfiltration', 'impact'];

function parsed(technique: Technique, raw: Record<string, string>): MoveParams {
  const result = parseMoveParams(technique, raw);
  if (!result.ok) throw new Error(`sample params of ${technique.id} rejected: ${result.error.message}`);
  return result.params;
}

describe('technique catalog', () => {
  it('covers every tactic', () => {
    const tactics = new Set(techniques.map((technique) => technique.tactic));
    for (const tactic of TACTICS) expect(tactics, tactic).toContain(tactic);
  });

  it('has unique technique ids', () => {
    const ids = techniques.map((technique) => technique.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses well-formed ATT&CK ids', () => {
    for (const technique of techniques) {
      expect(technique.mitre.id, technique.id).toMatch(/^T\d{4}(\.\d{3})?$/);
      expect(technique.mitre.name.length, technique.id).toBeGreaterThan(3);
    }
  });

  it('names sub-techniques after their parent', () => {
    const names = new Map<string, string>();
    for (const technique of techniques) {
      const known = names.get(technique.mitre.id);
      if (known !== undefined) expect(technique.mitre.name, technique.id).toBe(known);
      names.set(technique.mitre.id, technique.mitre.name);
      if (technique.mitre.id.includes('.')) expect(technique.mitre.name, technique.id).toContain(': ');
    }
  });

  it('requires an access key everywhere', () => {
    for (const view of techniqueViews()) {
      const accessKey = view.params.find((item) => item.name === 'accessKey');
      expect(accessKey?.kind, view.id).toBe('accessKey');
      expect(accessKey?.required, view.id).toBe(true);
    }
  });

  it('lists only known finding types', () => {
    for (const technique of techniques) {
      for (const type of technique.findingTypes) expect(Object.keys(FINDING_TYPES), `${technique.id}: ${type}`).toContain(type);
    }
  });

  it('has sample params for every technique', () => {
    expect(Object.keys(SAMPLE_PARAMS).sort()).toEqual(techniques.map((technique) => technique.id).sort());
  });

  it('finds techniques by id', () => {
    expect(techniqueById('stop-cloudtrail-logging')?.tactic).toBe('defense-evasion');
    expect(techniqueById('no-such-technique')).toBeUndefined();
  });
});

describe('technique plans', () => {
  for (const technique of techniques) {
    it(`${technique.id} passes the action schemas`, () => {
      const calls = planMove(technique, parsed(technique, SAMPLE_PARAMS[technique.id] ?? {}), { state: smallAccount(), region: 'us-east-1' });

      expect(calls.length).toBeGreaterThan(0);
      for (const call of calls) {
        const schema = actionSchema(call.service, call.action);
        expect(schema, `${call.service}:${call.action}`).toBeDefined();
        const result = schema?.safeParse(call.params);
        expect(result?.success, `${call.service}:${call.action} ${JSON.stringify(result?.error?.issues)}`).toBe(true);
        expect(technique.calls, `${call.service}:${call.action} is listed`).toContain(`${call.service}:${call.action}`);
        expect(call.region).toMatch(/^[a-z]{2}-[a-z]+-\d$/);
      }
    });
  }

  it('stays valid on an empty account', () => {
    const empty = { ...smallAccount(), users: {}, accessKeys: {}, buckets: {}, instances: {}, snapshots: {}, trails: {}, detectors: {} };
    for (const technique of techniques) {
      const calls = planMove(technique, parsed(technique, SAMPLE_PARAMS[technique.id] ?? {}), { state: empty, region: 'us-east-1' });

      expect(calls.length, technique.id).toBeGreaterThan(0);
      for (const call of calls) {
        const result = actionSchema(call.service, call.action)?.safeParse(call.params);
        expect(result?.success, `${technique.id} ${call.action}`).toBe(true);
      }
    }
  });

  it('escalates the key owner by default', () => {
    const technique = techniqueById('attach-admin-policy')!;
    const [call] = planMove(technique, parsed(technique, { accessKey: DEPLOY_KEY }), { state: smallAccount(), region: 'us-east-1' });

    expect(call?.action).toBe('AttachUserPolicy');
    expect(call?.params).toEqual({ userName: 'dev-deploy', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
  });

  it('falls back to whoami for an unknown key', () => {
    const technique = techniqueById('attach-admin-policy')!;
    const calls = planMove(technique, parsed(technique, { accessKey: 'AKIAUNKNOWNKEY000001' }), { state: smallAccount(), region: 'us-east-1' });

    expect(calls.map((call) => call.action)).toEqual(['GetCallerIdentity']);
  });

  it('downloads objects under the prefix', () => {
    const technique = techniqueById('bulk-download-objects')!;
    const calls = planMove(technique, parsed(technique, SAMPLE_PARAMS['bulk-download-objects']!), { state: smallAccount(), region: 'us-east-1' });
    const reads = calls.filter((call) => call.action === 'GetObject');

    expect(calls[0]?.action).toBe('ListObjects');
    expect(calls[0]?.params).toEqual({ bucketName: 'apexcorp-customer-data', prefix: 'exports/' });
    expect(reads).toHaveLength(25);
    expect(reads.every((call) => String(call.params.key).startsWith('exports/'))).toBe(true);
  });

  it('launches the requested miners', () => {
    const technique = techniqueById('launch-gpu-miners')!;
    const [call] = planMove(technique, parsed(technique, { accessKey: DEPLOY_KEY }), { state: smallAccount(), region: 'us-east-1' });

    expect(call?.region).toBe('eu-west-1');
    expect(call?.params).toMatchObject({ instanceType: 'g4dn.xlarge', minCount: 4, maxCount: 4 });
  });

  it('sends IAM calls to us-east-1', () => {
    const technique = techniqueById('enumerate-iam-users')!;
    const calls = planMove(technique, parsed(technique, { accessKey: DEPLOY_KEY }), { state: smallAccount(), region: 'eu-west-1' });

    expect(calls.map((call) => call.region)).toEqual(calls.map(() => 'us-east-1'));
    expect(calls.map((call) => call.action)).toEqual(['ListUsers', 'ListAttachedUserPolicies', 'ListAttachedUserPolicies']);
  });
});
