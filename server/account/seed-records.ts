import type { CloudTrailRecord } from './api-call.js';
import { parseTrailArn, trailArn } from './arns.js';
import { byEventTime, callerUserName, itemsOf, numberField, objectField, stringField } from './record-fields.js';
import { iamIdFrom } from './ids.js';
import { ensureUser } from './seed-iam.js';
import type { AccountState } from './state.js';

/**
 * Resources the scripted records show existed before any record created them: IAM users' AKIA
 * keys, roles that sessions came from, buckets and object keys, security groups, instances and
 * trails. A resource that a record
 * creates is left for `replayRecords`, so it appears when its phase is released.
 */
export function seedFromRecords(state: AccountState, records: CloudTrailRecord[]): void {
  const created = createdIds(records);
  for (const record of byEventTime(records)) {
    seedKeys(state, record, created);
    seedRoles(state, record);
    seedS3(state, record);
    seedEc2(state, record, created);
    seedTrail(state, record);
  }
}

/** Ids of keys, instances and security groups that some successful record creates. */
export function createdIds(records: CloudTrailRecord[]): Set<string> {
  const ids = new Set<string>();
  for (const record of records) {
    if (record.errorCode) continue;
    const response = objectField(record, 'responseElements');
    const keyId = stringField(objectField(response, 'accessKey'), 'accessKeyId');
    if (keyId) ids.add(keyId);
    const groupId = record.eventName === 'CreateSecurityGroup' ? stringField(response, 'groupId') : undefined;
    if (groupId) ids.add(groupId);
    if (record.eventName === 'RunInstances') for (const item of itemsOf(response, 'instancesSet')) ids.add(String(item.instanceId));
  }
  return ids;
}

function addKey(state: AccountState, accessKeyId: string, userName: string): void {
  if (Object.hasOwn(state.accessKeys, accessKeyId)) return;
  ensureUser(state, userName);
  state.accessKeys[accessKeyId] = { accessKeyId, userName, status: 'Active', createDate: '' };
}

function seedKeys(state: AccountState, record: CloudTrailRecord, created: Set<string>): void {
  const identity = objectField(record, 'userIdentity');
  const caller = callerUserName(record);
  const signingKey = stringField(identity, 'accessKeyId');
  if (caller && signingKey?.startsWith('AKIA') && !created.has(signingKey)) addKey(state, signingKey, caller);

  const parameters = objectField(record, 'requestParameters');
  const namedKey = stringField(parameters, 'accessKeyId');
  const owner = stringField(parameters, 'userName') ?? caller;
  if (record.eventSource === 'iam.amazonaws.com' && namedKey?.startsWith('AKIA') && owner && !created.has(namedKey)) addKey(state, namedKey, owner);
}

/** Add the roles a record's session came from or assumed, when the snapshot does not list them. */
function seedRoles(state: AccountState, record: CloudTrailRecord): void {
  const issuer = objectField(objectField(objectField(record, 'userIdentity'), 'sessionContext'), 'sessionIssuer');
  const assumed = record.eventName === 'AssumeRole' ? stringField(objectField(record, 'requestParameters'), 'roleArn') : undefined;
  const candidates: [string | undefined, string | undefined][] = [
    [stringField(issuer, 'arn'), stringField(issuer, 'principalId')],
    [assumed, undefined],
  ];
  for (const [arn, roleId] of candidates) {
    const match = arn ? /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn) : null;
    if (!arn || !match || match[1] !== state.accountId || Object.hasOwn(state.roles, match[2]!)) continue;
    const roleName = match[2]!;
    // NOTE: a role known only from the records has no trust or permission policies, so its sessions are denied every call that needs one.
    state.roles[roleName] = { roleName, roleId: roleId ?? iamIdFrom('AROA', `${state.accountId}/${roleName}`, 'roleId'), arn, createDate: '', trustPolicy: {}, attachedPolicies: [], inlinePolicies: {} };
  }
}

function seedS3(state: AccountState, record: CloudTrailRecord): void {
  if (record.eventSource !== 's3.amazonaws.com') return;
  const parameters = objectField(record, 'requestParameters');
  const bucketName = stringField(parameters, 'bucketName');
  if (!bucketName || record.eventName === 'CreateBucket') return;
  const region = stringField(record, 'awsRegion') ?? 'us-east-1';
  const bucket = (state.buckets[bucketName] ??= { name: bucketName, region, policy: null, publicAccessBlock: null, objects: [] });

  const key = stringField(parameters, 'key');
  if (!key || record.eventName !== 'GetObject' || record.errorCode) return;
  const size = numberField(objectField(record, 'additionalEventData'), 'bytesTransferredOut') ?? 0;
  const existing = bucket.objects.find((object) => object.key === key);
  if (existing) existing.size = Math.max(existing.size, size);
  else bucket.objects.push({ key, size });
}

function seedEc2(state: AccountState, record: CloudTrailRecord, created: Set<string>): void {
  if (record.eventSource !== 'ec2.amazonaws.com') return;
  const region = stringField(record, 'awsRegion') ?? 'us-east-1';
  const parameters = objectField(record, 'requestParameters');
  const groupIds = [stringField(parameters, 'groupId'), ...itemsOf(parameters, 'groupSet').map((item) => stringField(item, 'groupId'))];
  for (const groupId of groupIds) {
    if (groupId && !created.has(groupId) && !Object.hasOwn(state.securityGroups, groupId)) state.securityGroups[groupId] = { groupId, groupName: groupId, region, ingress: [] };
  }
  if (record.eventName === 'RunInstances') return;
  for (const item of itemsOf(parameters, 'instancesSet')) {
    const instanceId = stringField(item, 'instanceId');
    if (!instanceId || created.has(instanceId) || Object.hasOwn(state.instances, instanceId)) continue;
    state.instances[instanceId] = { instanceId, region, instanceType: 'unknown', imageId: 'unknown', state: 'running', launchTime: '', securityGroupIds: [], roleName: null, tags: [] };
  }
}

function seedTrail(state: AccountState, record: CloudTrailRecord): void {
  if (record.eventSource !== 'cloudtrail.amazonaws.com' || record.eventName === 'CreateTrail') return;
  const parameters = objectField(record, 'requestParameters');
  const named = stringField(parameters, 'name') ?? stringField(parameters, 'trailName');
  if (!named) return;
  const parsed = parseTrailArn(named);
  // NOTE: a trail of another account, such as an organization trail, is left out: the member account cannot change it and the model has no such trail kind.
  if (parsed && parsed.accountId !== state.accountId) return;
  const name = parsed?.name ?? named;
  const homeRegion = parsed?.region ?? stringField(record, 'awsRegion') ?? 'us-east-1';
  if (Object.hasOwn(state.trails, name)) return;
  state.trails[name] = {
    name,
    arn: trailArn(state.accountId, homeRegion, name),
    homeRegion,
    isMultiRegion: true,
    logging: true,
    managementEvents: true,
    s3DataEvents: true,
    s3BucketName: `aws-cloudtrail-logs-${state.accountId}`,
  };
}
