import { describe, expect, it } from 'vitest';
import type { CallOutcome } from '../../../server/account/api-call.js';
import type { AccountState } from '../../../server/account/state.js';
import { isContained, moveContainment, parseMoveParams, planMove, techniqueById, techniques, type MoveParams, type Technique } from '../../../server/redcell/index.js';
import { ADMIN_ARN, allSucceed, DEPLOY_KEY, DETECTOR_ID, outcome, PIPELINE_POLICY, smallAccount } from './account-fixture.js';
import { SAMPLE_PARAMS } from './sample-params.js';

const NEW_KEY = 'AKIABZPUZDIKNEWKEY01';
const MINERS = ['i-0aaaaaaaaaaaaaaa1', 'i-0aaaaaaaaaaaaaaa2'];

interface Move {
  technique: Technique;
  params: MoveParams;
  outcomes: CallOutcome[];
}

function move(id: string, responses: Record<string, Record<string, unknown>> = {}): Move {
  const technique = techniqueById(id)!;
  const parsed = parseMoveParams(technique, SAMPLE_PARAMS[id]!);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const calls = planMove(technique, parsed.params, { state: smallAccount(), region: 'us-east-1' });
  return { technique, params: parsed.params, outcomes: allSucceed(calls, responses) };
}

function contained(played: Move, state: AccountState): boolean {
  return isContained(played.technique, played.params, played.outcomes, state);
}

/** Build the account as the move left it, changed by `apply`. */
function after(apply: (state: AccountState) => void): AccountState {
  const state = smallAccount();
  apply(state);
  return state;
}

describe('isContained', () => {
  it('discovery needs the key revoked', () => {
    const played = move('enumerate-iam-users');

    expect(contained(played, smallAccount())).toBe(false);
    expect(contained(played, after((state) => (state.accessKeys[DEPLOY_KEY]!.status = 'Inactive')))).toBe(true);
    expect(contained(played, after((state) => delete state.accessKeys[DEPLOY_KEY]))).toBe(true);
  });

  it('a failed move is contained', () => {
    const played = move('attach-admin-policy');
    const failed = played.outcomes.map((item) => outcome(item.call, { errorCode: 'AccessDenied' }));

    expect(isContained(played.technique, played.params, failed, smallAccount())).toBe(true);
  });

  it('admin policy until detached', () => {
    const played = move('attach-admin-policy');

    expect(contained(played, after((state) => state.users['dev-deploy']!.attachedPolicies.push(ADMIN_ARN)))).toBe(false);
    expect(contained(played, smallAccount())).toBe(true);
  });

  it('policy version until rolled back', () => {
    const played = move('create-admin-policy-version');
    const escalated = after((state) => {
      const policy = state.policies[PIPELINE_POLICY]!;
      policy.versions.v2 = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
      policy.defaultVersionId = 'v2';
    });
    const rolledBack = structuredClone(escalated);
    rolledBack.policies[PIPELINE_POLICY]!.defaultVersionId = 'v1';

    expect(contained(played, escalated)).toBe(false);
    expect(contained(played, rolledBack)).toBe(true);
  });

  it('group membership until removed', () => {
    const played = move('add-user-to-admin-group');

    expect(contained(played, after((state) => state.users['dev-deploy']!.groups.push('Administrators')))).toBe(false);
    expect(contained(played, smallAccount())).toBe(true);
  });

  it('backdoor key until revoked', () => {
    const played = move('backdoor-access-key', { CreateAccessKey: { AccessKey: { AccessKeyId: NEW_KEY, UserName: 'dev-deploy', Status: 'Active' } } });
    const withKey = after((state) => (state.accessKeys[NEW_KEY] = { accessKeyId: NEW_KEY, userName: 'dev-deploy', status: 'Active', createDate: '2026-05-08T02:10:00Z' }));
    const oldKeyOnly = structuredClone(withKey);
    oldKeyOnly.accessKeys[DEPLOY_KEY]!.status = 'Inactive';
    const newKeyOff = structuredClone(withKey);
    newKeyOff.accessKeys[NEW_KEY]!.status = 'Inactive';

    expect(contained(played, withKey)).toBe(false);
    expect(contained(played, oldKeyOnly)).toBe(false);
    expect(contained(played, newKeyOff)).toBe(true);
  });

  it('backdoor user until deleted or keyless', () => {
    const played = move('create-backdoor-user', { CreateAccessKey: { AccessKey: { AccessKeyId: NEW_KEY, UserName: 'svc-backup', Status: 'Active' } } });
    const created = after((state) => {
      state.users['svc-backup'] = { ...state.users['dev-deploy']!, userName: 'svc-backup', attachedPolicies: [] };
      state.accessKeys[NEW_KEY] = { accessKeyId: NEW_KEY, userName: 'svc-backup', status: 'Active', createDate: '2026-05-08T02:10:00Z' };
    });
    const keyless = structuredClone(created);
    delete keyless.accessKeys[NEW_KEY];

    expect(contained(played, created)).toBe(false);
    expect(contained(played, keyless)).toBe(true);
    expect(contained(played, smallAccount())).toBe(true);
  });

  it('login profile until deleted', () => {
    const played = move('create-login-profile');

    expect(contained(played, after((state) => (state.users['dev-deploy']!.loginProfile = { createDate: '2026-05-08T02:10:00Z', passwordResetRequired: false })))).toBe(false);
    expect(contained(played, smallAccount())).toBe(true);
  });

  it('role trust until reverted', () => {
    const played = move('backdoor-role-trust');
    const opened = after((state) => {
      state.roles['apexcorp-web-ec2-role']!.trustPolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999988887777:root' }, Action: 'sts:AssumeRole' }] };
    });

    expect(contained(played, opened)).toBe(false);
    expect(contained(played, smallAccount())).toBe(true);
  });

  it('trail until logging again', () => {
    const played = move('stop-cloudtrail-logging');

    expect(contained(played, after((state) => (state.trails['apexcorp-mgmt-trail']!.logging = false)))).toBe(false);
    expect(contained(played, smallAccount())).toBe(true);
  });

  it('deleted trail until another logs', () => {
    const played = move('delete-cloudtrail-trail');

    expect(contained(played, after((state) => delete state.trails['apexcorp-mgmt-trail']))).toBe(false);
    expect(contained(played, smallAccount())).toBe(true);
  });

  it('data events until back on', () => {
    const played = move('disable-s3-data-events');

    expect(contained(played, after((state) => (state.trails['apexcorp-mgmt-trail']!.s3DataEvents = false)))).toBe(false);
    expect(contained(played, smallAccount())).toBe(true);
  });

  it('detector until enabled', () => {
    const suspended = move('disable-guardduty');
    const deleted = move('delete-guardduty');
    const off = after((state) => (state.detectors[DETECTOR_ID]!.status = 'DISABLED'));
    const gone = after((state) => delete state.detectors[DETECTOR_ID]);
    const recreated = after((state) => {
      delete state.detectors[DETECTOR_ID];
      state.detectors.fresh = { detectorId: 'fresh', region: 'us-east-1', status: 'ENABLED', exists: true };
    });

    expect(contained(suspended, off)).toBe(false);
    expect(contained(suspended, smallAccount())).toBe(true);
    expect(contained(deleted, gone)).toBe(false);
    expect(contained(deleted, recreated)).toBe(true);
  });

  it('public policy until removed or blocked', () => {
    const played = move('make-bucket-public');
    const open = after((state) => {
      const bucket = state.buckets['apexcorp-customer-data']!;
      bucket.publicAccessBlock = null;
      bucket.policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::apexcorp-customer-data/*' }] };
    });
    const blocked = structuredClone(open);
    blocked.buckets['apexcorp-customer-data']!.publicAccessBlock = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };

    expect(contained(played, open)).toBe(false);
    expect(contained(played, blocked)).toBe(true);
  });

  it('public access block until all four on', () => {
    const played = move('remove-public-access-block');
    const partly = after((state) => (state.buckets['apexcorp-customer-data']!.publicAccessBlock = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: true }));

    expect(contained(played, after((state) => (state.buckets['apexcorp-customer-data']!.publicAccessBlock = null)))).toBe(false);
    expect(contained(played, partly)).toBe(false);
    expect(contained(played, smallAccount())).toBe(true);
  });

  it('snapshot until unshared', () => {
    const played = move('share-snapshot');

    expect(contained(played, after((state) => state.snapshots['snap-0a1b2c3d4e5f60718']!.sharedWith.push('666666666666')))).toBe(false);
    expect(contained(played, smallAccount())).toBe(true);
  });

  it('miners until all stopped', () => {
    const played = move('launch-gpu-miners', { RunInstances: { Instances: MINERS.map((InstanceId) => ({ InstanceId })) } });
    const running = after((state) => {
      for (const instanceId of MINERS) {
        state.instances[instanceId] = { instanceId, region: 'us-east-1', instanceType: 'g4dn.xlarge', imageId: 'ami-0c02fb55956c7d316', state: 'running', launchTime: '2026-05-08T02:10:00Z', securityGroupIds: [], roleName: null, tags: [] };
      }
    });
    const oneStopped = structuredClone(running);
    oneStopped.instances[MINERS[0]!]!.state = 'stopped';
    const allHalted = structuredClone(oneStopped);
    allHalted.instances[MINERS[1]!]!.state = 'terminated';

    expect(contained(played, running)).toBe(false);
    expect(contained(played, oneStopped)).toBe(false);
    expect(contained(played, allHalted)).toBe(true);
  });

  it('has a predicate per technique', () => {
    expect(Object.keys(moveContainment).sort()).toEqual(techniques.map((technique) => technique.id).sort());
    const played = move('stop-cloudtrail-logging');
    expect(moveContainment['stop-cloudtrail-logging']!(played.params, played.outcomes, smallAccount())).toBe(true);
  });
});
