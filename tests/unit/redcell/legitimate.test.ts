import { describe, expect, it } from 'vitest';
import { breaksLegitimateActivity } from '../../../server/redcell/index.js';
import { DEPLOY_KEY, smallAccount } from './account-fixture.js';

const BACKDOOR_KEY = 'AKIABZPUZDIKBACKDOOR';
const ROTATED_KEY = 'AKIABZPUZDIKROTATED1';
const legitimate = { accessKeys: [DEPLOY_KEY] };

describe('breaksLegitimateActivity', () => {
  it('flags revoking the CI key', () => {
    const before = smallAccount();
    const after = structuredClone(before);
    after.accessKeys[DEPLOY_KEY]!.status = 'Inactive';

    const reason = breaksLegitimateActivity(before, after, legitimate);

    expect(reason).toContain(DEPLOY_KEY);
    expect(reason).toContain('dev-deploy has no new active key');
  });

  it('flags deleting the CI key', () => {
    const before = smallAccount();
    const after = structuredClone(before);
    delete after.accessKeys[DEPLOY_KEY];

    expect(breaksLegitimateActivity(before, after, legitimate)).toContain('no longer works');
  });

  it('flags deleting the CI user', () => {
    const before = smallAccount();
    const after = structuredClone(before);
    delete after.users['dev-deploy'];
    delete after.accessKeys[DEPLOY_KEY];

    expect(breaksLegitimateActivity(before, after, legitimate)).toContain('deleting user dev-deploy');
  });

  it('accepts a rotation in one change', () => {
    const before = smallAccount();
    const after = structuredClone(before);
    after.accessKeys[DEPLOY_KEY]!.status = 'Inactive';
    after.accessKeys[ROTATED_KEY] = { accessKeyId: ROTATED_KEY, userName: 'dev-deploy', status: 'Active', createDate: '2026-05-08T03:00:00Z' };

    expect(breaksLegitimateActivity(before, after, legitimate)).toBeNull();
  });

  it('accepts a listed replacement key', () => {
    const before = smallAccount();
    before.accessKeys[ROTATED_KEY] = { accessKeyId: ROTATED_KEY, userName: 'dev-deploy', status: 'Active', createDate: '2026-05-08T03:00:00Z' };
    const after = structuredClone(before);
    after.accessKeys[DEPLOY_KEY]!.status = 'Inactive';

    expect(breaksLegitimateActivity(before, after, { accessKeys: [DEPLOY_KEY, ROTATED_KEY] })).toBeNull();
  });

  it('does not count the attacker backdoor', () => {
    const before = smallAccount();
    before.accessKeys[BACKDOOR_KEY] = { accessKeyId: BACKDOOR_KEY, userName: 'dev-deploy', status: 'Active', createDate: '2026-05-08T02:05:00Z' };
    const after = structuredClone(before);
    after.accessKeys[DEPLOY_KEY]!.status = 'Inactive';

    expect(breaksLegitimateActivity(before, after, legitimate)).not.toBeNull();
  });

  it('ignores unrelated changes', () => {
    const before = smallAccount();
    const after = structuredClone(before);
    after.accessKeys['AKIABZPUZDIKADMINKEY']!.status = 'Inactive';
    after.trails['apexcorp-mgmt-trail']!.logging = false;

    expect(breaksLegitimateActivity(before, after, legitimate)).toBeNull();
  });

  it('ignores a key already inactive', () => {
    const before = smallAccount();
    before.accessKeys[DEPLOY_KEY]!.status = 'Inactive';
    const after = structuredClone(before);
    delete after.accessKeys[DEPLOY_KEY];

    expect(breaksLegitimateActivity(before, after, legitimate)).toBeNull();
  });
});
