import { describe, expect, it } from 'vitest';
import { executeCall, replayRecords } from '../../../server/account/index.js';
import { ATTACKER_KEY, packRecords, responderContext, seedPack } from './pack.js';

const upTo = (horizon: string) => packRecords().filter((record) => record.eventTime <= horizon);

describe('replayRecords', () => {
  it('applies the story up to a horizon', () => {
    const state = seedPack();
    const applied = replayRecords(state, upTo('2026-05-08T02:20:00Z'));
    expect(applied).toBeGreaterThan(0);
    expect(state.users['svc-backup']?.loginProfile).toMatchObject({ passwordResetRequired: false });
    expect(state.accessKeys[ATTACKER_KEY]).toMatchObject({ userName: 'dev-deploy', status: 'Active' });
    expect(state.users['dev-deploy']?.attachedPolicies).toContain('arn:aws:iam::aws:policy/AdministratorAccess');
    expect(state.accessKeys.AKIABZPUZDIKMX23YIPI).toBeUndefined();
    expect(state.instances['i-06b70c11786c115f0']).toBeUndefined();
  });

  it('applies later phases on release', () => {
    const state = seedPack();
    replayRecords(state, upTo('2026-05-08T02:20:00Z'));
    const later = replayRecords(state, packRecords());
    expect(later).toBeGreaterThan(0);
    expect(state.instances['i-06b70c11786c115f0']).toMatchObject({ instanceType: 'c5.4xlarge', state: 'running', securityGroupIds: ['sg-083cae5e3a94cab3f'] });
    expect(state.securityGroups['sg-083cae5e3a94cab3f']?.ingress).toEqual([{ protocol: 'tcp', fromPort: 0, toPort: 65535, cidr: '0.0.0.0/0' }]);
    expect(state.trails['apexcorp-mgmt-trail']?.logging).toBe(false);
  });

  it('applies each record once', () => {
    const state = seedPack();
    const first = replayRecords(state, packRecords());
    expect(first).toBeGreaterThan(10);
    expect(replayRecords(state, packRecords())).toBe(0);
  });

  it('skips records that no longer apply', () => {
    const state = seedPack();
    replayRecords(state, upTo('2026-05-08T02:20:00Z'));
    const call = { service: 'iam' as const, action: 'DeleteAccessKey', params: { userName: 'dev-deploy', accessKeyId: ATTACKER_KEY }, region: 'us-east-1' };
    expect(executeCall(state, call, responderContext()).ok).toBe(true);

    const scripted = packRecords().find((record) => record.eventName === 'UpdateAccessKey' && record.eventTime > '2026-05-08T02:20:00Z');
    const lateChange = { ...(scripted ?? packRecords()[0]!), eventID: 'late-change', eventTime: '2026-05-08T05:00:00Z', eventName: 'UpdateAccessKey', requestParameters: { userName: 'dev-deploy', accessKeyId: ATTACKER_KEY, status: 'Active' }, readOnly: false };
    expect(replayRecords(state, [lateChange])).toBe(0);
    expect(state.accessKeys[ATTACKER_KEY]).toBeUndefined();
  });

  it('ignores failed and read-only records', () => {
    const state = seedPack();
    const readOrFailed = packRecords().filter((record) => record.errorCode || record.readOnly === true);
    const before = JSON.stringify(state);
    expect(replayRecords(state, readOrFailed)).toBe(0);
    expect(JSON.stringify({ ...state, replayedEventIds: undefined })).toBe(before);
  });
});
