import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../../server/scenario/manifest.js';
import { buildIamSnapshot } from '../../server/scenario/records/apexcorp/iam-snapshot.js';
import { buildStoryCast } from '../../server/scenario/records/apexcorp/story.js';

const Pack = path.resolve(import.meta.dirname, '../../scenarios/apexcorp-prod');

interface Snapshot {
  SnapshotTime: string;
  UserDetailList: { UserName: string; AttachedManagedPolicies: { PolicyArn: string }[] }[];
  Policies: { Arn: string; PolicyVersionList: { Document: string; IsDefaultVersion: boolean }[] }[];
  AccessKeyMetadata: { UserName: string; AccessKeyId: string; Status: string }[];
}

const snapshot = JSON.parse(readFileSync(path.join(Pack, 'iam/snapshot.json'), 'utf8')) as Snapshot;
const records = (JSON.parse(readFileSync(path.join(Pack, 'cloudtrail/attack.json'), 'utf8')) as { Records: CloudTrailRecord[] }).Records;
const story = buildStoryCast();

function iamWrites(eventName: string): Record<string, unknown>[] {
  return records
    .filter((record) => record.eventSource === 'iam.amazonaws.com' && record.eventName === eventName && record.errorCode === undefined)
    .map((record) => ({ ...(record.requestParameters as Record<string, unknown>), ...(record.responseElements as Record<string, unknown> | null) }));
}

describe('apexcorp-prod IAM snapshot', () => {
  it('matches what the build script generates', () => {
    expect(readFileSync(path.join(Pack, 'iam/snapshot.json'), 'utf8')).toBe(`${JSON.stringify(buildIamSnapshot(story), null, 2)}\n`);
  });

  it('is taken at the window start', () => {
    expect(snapshot.SnapshotTime).toBe('2026-05-07T00:00:00Z');
  });

  it('lets dev-deploy attach policies to itself', () => {
    const devDeploy = snapshot.UserDetailList.find((user) => user.UserName === 'dev-deploy')!;
    expect(devDeploy.AttachedManagedPolicies.map((policy) => policy.PolicyArn)).toEqual(['arn:aws:iam::123456789012:policy/DevDeployPipelinePolicy']);
    const policy = snapshot.Policies.find((item) => item.Arn === 'arn:aws:iam::123456789012:policy/DevDeployPipelinePolicy')!;
    const document = JSON.parse(decodeURIComponent(policy.PolicyVersionList.find((version) => version.IsDefaultVersion)!.Document)) as { Statement: { Action: string[] }[] };
    expect(document.Statement.flatMap((statement) => statement.Action)).toContain('iam:AttachUserPolicy');
  });

  it('lacks everything the attack creates', () => {
    expect(snapshot.UserDetailList.map((user) => user.UserName)).not.toContain('svc-backup');
    const keys = snapshot.AccessKeyMetadata.map((key) => key.AccessKeyId);
    expect(keys).toContain(story.pipelineKeyId);
    expect(keys).not.toContain(story.backdoorKeyId);
    expect(keys).not.toContain(story.backdoorUserKeyId);
    const devDeploy = snapshot.UserDetailList.find((user) => user.UserName === 'dev-deploy')!;
    expect(devDeploy.AttachedManagedPolicies.map((policy) => policy.PolicyArn)).not.toContain('arn:aws:iam::aws:policy/AdministratorAccess');
  });

  it('replays with CloudTrail to the state after the attack', () => {
    const users = new Set(snapshot.UserDetailList.map((user) => user.UserName));
    const keys = new Map(snapshot.AccessKeyMetadata.map((key) => [key.AccessKeyId, key.UserName]));
    for (const write of iamWrites('CreateUser')) users.add(String(write.userName));
    for (const write of iamWrites('CreateAccessKey')) {
      const key = write.accessKey as { accessKeyId: string; userName: string };
      keys.set(key.accessKeyId, key.userName);
    }
    for (const write of iamWrites('DeleteAccessKey')) keys.delete(String(write.accessKeyId));

    expect(users.has('svc-backup')).toBe(true);
    expect([...keys].filter(([, user]) => user === 'dev-deploy').map(([key]) => key).sort()).toEqual([story.pipelineKeyId, story.backdoorKeyId].sort());
    expect(keys.has(story.rotationOldKeyId)).toBe(false);
    expect(keys.get(story.rotationNewKeyId)).toBe('bi-export');
  });
});
