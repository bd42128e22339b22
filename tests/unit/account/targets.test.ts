import { describe, expect, it } from 'vitest';
import { executeCall, redTargets, replayRecords } from '../../../server/account/index.js';
import { ATTACKER_KEY, PIPELINE_KEY, REGIONS, packRecords, responderContext, seedPack } from './pack.js';

describe('redTargets', () => {
  it('lists the seeded account', () => {
    const targets = redTargets(seedPack(), REGIONS);
    expect(targets.accessKeys).toContainEqual({ accessKeyId: PIPELINE_KEY, userName: 'dev-deploy' });
    expect(targets.users).toEqual(['alice.chen', 'bi-export', 'bob.martinez', 'dana.whitfield', 'dev-deploy']);
    expect(targets.roles).toContain('IncidentResponder');
    expect(targets.policies).toEqual(['arn:aws:iam::123456789012:policy/DevDeployPipelinePolicy']);
    expect(targets.buckets).toContain('apexcorp-customer-data');
    expect(targets.trails).toEqual(['apexcorp-mgmt-trail']);
    expect(targets.detectors).toEqual(['714f940f6afce2acd8c375bdd7a79a3a']);
    expect(targets.regions).toEqual(REGIONS);
    expect(Object.keys(targets).sort()).toEqual(['accessKeys', 'buckets', 'detectors', 'instances', 'policies', 'regions', 'roles', 'securityGroups', 'snapshots', 'trails', 'users']);
  });

  it('follows replay and containment', () => {
    const state = seedPack();
    replayRecords(state, packRecords());
    expect(redTargets(state, REGIONS).instances).toContain('i-06b70c11786c115f0');
    expect(redTargets(state, REGIONS).accessKeys).toContainEqual({ accessKeyId: ATTACKER_KEY, userName: 'dev-deploy' });

    const call = (action: string, params: Record<string, unknown>) => ({ service: 'ec2' as const, action, params, region: 'us-east-1' });
    executeCall(state, call('TerminateInstances', { instanceIds: ['i-06b70c11786c115f0'] }), responderContext());
    executeCall(state, { service: 'iam', action: 'DeleteAccessKey', params: { userName: 'dev-deploy', accessKeyId: ATTACKER_KEY }, region: 'us-east-1' }, responderContext());
    const after = redTargets(state, REGIONS);
    expect(after.instances).not.toContain('i-06b70c11786c115f0');
    expect(after.accessKeys.map((key) => key.accessKeyId)).not.toContain(ATTACKER_KEY);
  });
});
