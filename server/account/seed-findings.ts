import { lastSegment } from './arns.js';
import { objectField, stringField } from './record-fields.js';
import { ensureUser } from './seed-iam.js';
import type { AccountState } from './state.js';

/** A GuardDuty finding as the seed reads it; every field beyond these is optional and untrusted. */
export interface SeedFinding {
  Id: string;
  Type: string;
  Service?: unknown;
  Region?: string;
  Resource?: unknown;
}

/**
 * Resources GuardDuty findings show: the detector that raised them, and the instances, security
 * groups, buckets and access keys they name. `createdInstanceIds` are launched by a scripted
 * record and so are left for the replay.
 */
export function seedFromFindings(state: AccountState, findings: SeedFinding[], primaryRegion: string, createdInstanceIds: Set<string>): void {
  for (const finding of findings) {
    const region = typeof finding.Region === 'string' ? finding.Region : primaryRegion;
    const detectorId = stringField(finding.Service, 'DetectorId');
    if (detectorId && !Object.hasOwn(state.detectors, detectorId)) state.detectors[detectorId] = { detectorId, region, status: 'ENABLED', exists: true };

    const resource = finding.Resource;
    seedInstance(state, objectField(resource, 'InstanceDetails'), region, createdInstanceIds);
    const accessKey = objectField(resource, 'AccessKeyDetails');
    const keyId = stringField(accessKey, 'AccessKeyId');
    const userName = stringField(accessKey, 'UserName');
    if (keyId?.startsWith('AKIA') && userName && stringField(accessKey, 'UserType') === 'IAMUser' && !Object.hasOwn(state.accessKeys, keyId) && !createdInstanceIds.has(keyId)) {
      ensureUser(state, userName);
      state.accessKeys[keyId] = { accessKeyId: keyId, userName, status: 'Active', createDate: '' };
    }
    const buckets = (resource as Record<string, unknown> | undefined)?.S3BucketDetails;
    if (Array.isArray(buckets)) {
      for (const bucket of buckets) {
        const name = stringField(bucket, 'Name');
        if (name && !Object.hasOwn(state.buckets, name)) state.buckets[name] = { name, region, policy: null, publicAccessBlock: null, objects: [] };
      }
    }
  }
}

function seedInstance(state: AccountState, details: Record<string, unknown> | undefined, region: string, created: Set<string>): void {
  const instanceId = stringField(details, 'InstanceId');
  if (!instanceId || created.has(instanceId) || Object.hasOwn(state.instances, instanceId)) return;
  const groupIds: string[] = [];
  const interfaces = details?.NetworkInterfaces;
  for (const networkInterface of Array.isArray(interfaces) ? interfaces : []) {
    const groups = (networkInterface as Record<string, unknown>).SecurityGroups;
    for (const group of Array.isArray(groups) ? groups : []) {
      const groupId = stringField(group, 'GroupId');
      if (!groupId) continue;
      groupIds.push(groupId);
      if (!Object.hasOwn(state.securityGroups, groupId)) state.securityGroups[groupId] = { groupId, groupName: stringField(group, 'GroupName') ?? groupId, region, ingress: [] };
    }
  }
  const profileArn = stringField(objectField(details, 'IamInstanceProfile'), 'Arn');
  const tags = Array.isArray(details?.Tags) ? details.Tags : [];
  state.instances[instanceId] = {
    instanceId,
    region,
    instanceType: stringField(details, 'InstanceType') ?? 'unknown',
    imageId: stringField(details, 'ImageId') ?? 'unknown',
    state: 'running',
    launchTime: stringField(details, 'LaunchTime') ?? '',
    securityGroupIds: groupIds,
    // The instance profile is taken to carry the role of the same name, which is the usual setup but not guaranteed.
    roleName: profileArn ? lastSegment(profileArn) : null,
    tags: tags.flatMap((tag) => {
      const key = stringField(tag, 'Key');
      return key ? [{ key, value: stringField(tag, 'Value') ?? '' }] : [];
    }),
  };
}
