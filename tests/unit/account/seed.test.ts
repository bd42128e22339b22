import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../../../server/account/api-call.js';
import { DefaultTrailName, IncidentResponderRole, seedAccount } from '../../../server/account/index.js';
import { ACCOUNT_ID, ALICE_KEY, ATTACKER_KEY, PIPELINE_KEY, packFindings, packRecords, seedPack } from './pack.js';

describe('seedAccount', () => {
  it('reads IAM from the snapshot', () => {
    const state = seedPack();
    expect(Object.keys(state.users).sort()).toEqual(['alice.chen', 'bi-export', 'bob.martinez', 'dana.whitfield', 'dev-deploy']);
    expect(state.users['alice.chen']?.groups).toEqual(['Developers']);
    const pipeline = state.policies['arn:aws:iam::123456789012:policy/DevDeployPipelinePolicy'];
    expect(pipeline?.customerManaged).toBe(true);
    expect(pipeline?.defaultVersionId).toBe('v3');
    expect(JSON.stringify(pipeline?.versions.v3)).toContain('iam:AttachUserPolicy');
    expect(state.roles['apexcorp-order-processor-role']?.trustPolicy).toMatchObject({ Statement: [{ Principal: { Service: 'lambda.amazonaws.com' } }] });
  });

  it('keeps keys created later out', () => {
    const state = seedPack();
    expect(state.accessKeys[PIPELINE_KEY]).toMatchObject({ userName: 'dev-deploy', status: 'Active' });
    expect(state.accessKeys[ALICE_KEY]?.userName).toBe('alice.chen');
    expect(state.accessKeys[ATTACKER_KEY]).toBeUndefined();
    expect(state.users['svc-backup']).toBeUndefined();
  });

  it('finds buckets, objects, trail and detector', () => {
    const state = seedPack();
    const bucket = state.buckets['apexcorp-customer-data'];
    expect(bucket?.region).toBe('us-east-1');
    const contract = bucket?.objects.find((object) => object.key === 'crm/contracts/enterprise-accounts-2025Q4.xlsx');
    expect(contract?.size).toBe(1963444);
    expect(state.trails['apexcorp-mgmt-trail']).toMatchObject({ logging: true, managementEvents: true, s3DataEvents: true, homeRegion: 'us-east-1', arn: 'arn:aws:cloudtrail:us-east-1:123456789012:trail/apexcorp-mgmt-trail' });
    expect(Object.keys(state.trails)).toEqual(['apexcorp-mgmt-trail']);
    expect(state.detectors['714f940f6afce2acd8c375bdd7a79a3a']).toMatchObject({ region: 'us-east-1', status: 'ENABLED', exists: true });
  });

  it('adds instances from findings, not launched ones', () => {
    const state = seedPack();
    const web = Object.values(state.instances).find((instance) => instance.roleName === 'apexcorp-web-ec2-role');
    expect(web?.state).toBe('running');
    expect(state.instances['i-06b70c11786c115f0']).toBeUndefined();
    expect(state.securityGroups['sg-083cae5e3a94cab3f']).toBeUndefined();
  });

  it('adds the IncidentResponder role', () => {
    const role = seedPack().roles[IncidentResponderRole];
    expect(role?.attachedPolicies).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess']);
    expect(role?.trustPolicy).toMatchObject({ Statement: [{ Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:root` }, Action: 'sts:AssumeRole' }] });
  });

  it('adds a default trail without named ones', () => {
    const records = packRecords().filter((record) => record.eventSource !== 'cloudtrail.amazonaws.com');
    const state = seedAccount({ accountId: ACCOUNT_ID, primaryRegion: 'us-west-2', regions: ['us-west-2'], snapshot: null, records, findings: packFindings() });
    expect(Object.keys(state.trails)).toEqual([DefaultTrailName]);
    expect(state.trails[DefaultTrailName]).toMatchObject({ homeRegion: 'us-west-2', isMultiRegion: true, logging: true, managementEvents: true, s3DataEvents: true });
    expect(state.users['dev-deploy']?.userName).toBe('dev-deploy');
  });

  it('adds roles seen in sessions', () => {
    const analytics = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'scenarios', 'apexcorp-analytics');
    const records = (JSON.parse(readFileSync(join(analytics, 'cloudtrail', 'attack.json'), 'utf8')) as { Records: CloudTrailRecord[] }).Records;
    const state = seedAccount({ accountId: '345678901234', primaryRegion: 'eu-west-1', regions: ['eu-west-1'], snapshot: null, records, findings: [] });
    expect(state.roles['analytics-web-ec2-role']).toMatchObject({ roleId: 'AROAFA7ARN7ZEFEKSHPXP', arn: 'arn:aws:iam::345678901234:role/analytics-web-ec2-role', attachedPolicies: [] });
    expect(state.roles['analytics-deploy-role']?.arn).toBe('arn:aws:iam::345678901234:role/analytics-deploy-role');
    expect(state.accessKeys.AKIAFA7ARN7ZBX75S4WZ?.userName).toBe('priya.raman');
  });

  it('rejects an invalid snapshot', () => {
    const seed = () => seedAccount({ accountId: ACCOUNT_ID, primaryRegion: 'us-east-1', regions: ['us-east-1'], snapshot: { UserDetailList: [{ UserName: 7 }] }, records: [], findings: [] });
    expect(seed).toThrow(/IAM snapshot is invalid at UserDetailList\.0\.UserName/);
  });

  it('stays plain JSON', () => {
    const state = seedPack();
    expect(structuredClone(state)).toEqual(state);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});
