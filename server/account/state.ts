/**
 * The live model of a simulated AWS account: what exists and in which state, as AWS would return
 * it from a describe or get call. Each blue team works on its own copy, so the model is plain JSON that
 * the store can persist and `structuredClone` can copy.
 */

/** A policy document as IAM stores it, already decoded from the URL-encoded JSON. */
export type PolicyDocument = Record<string, unknown>;

export interface AccessKeyState {
  accessKeyId: string;
  /** Kept only in the model so a move can sign with it; never shown to blue teams. */
  userName: string;
  status: 'Active' | 'Inactive';
  createDate: string;
}

export interface UserState {
  userName: string;
  userId: string;
  arn: string;
  createDate: string;
  groups: string[];
  /** ARNs of the attached managed policies. */
  attachedPolicies: string[];
  /** Inline policies by name. */
  inlinePolicies: Record<string, PolicyDocument>;
  /** Set when the user has a console password. */
  loginProfile: { createDate: string; passwordResetRequired: boolean } | null;
  tags: { key: string; value: string }[];
}

export interface GroupState {
  groupName: string;
  groupId: string;
  arn: string;
  attachedPolicies: string[];
  inlinePolicies: Record<string, PolicyDocument>;
}

export interface RoleState {
  roleName: string;
  roleId: string;
  arn: string;
  createDate: string;
  trustPolicy: PolicyDocument;
  attachedPolicies: string[];
  inlinePolicies: Record<string, PolicyDocument>;
}

export interface ManagedPolicyState {
  arn: string;
  policyName: string;
  /** False for AWS managed policies such as AdministratorAccess. */
  customerManaged: boolean;
  defaultVersionId: string;
  /** Documents by version id (`v1`, `v2`, ...). */
  versions: Record<string, PolicyDocument>;
}

export interface BucketState {
  name: string;
  region: string;
  /** Bucket policy, null when the bucket has none. */
  policy: PolicyDocument | null;
  publicAccessBlock: { blockPublicAcls: boolean; ignorePublicAcls: boolean; blockPublicPolicy: boolean; restrictPublicBuckets: boolean } | null;
  /** Object keys with their size in bytes; enough for moves that read or list data. */
  objects: { key: string; size: number }[];
}

export interface SecurityGroupState {
  groupId: string;
  groupName: string;
  region: string;
  ingress: { protocol: string; fromPort: number; toPort: number; cidr: string }[];
}

export interface InstanceState {
  instanceId: string;
  region: string;
  instanceType: string;
  imageId: string;
  state: 'pending' | 'running' | 'stopping' | 'stopped' | 'shutting-down' | 'terminated';
  launchTime: string;
  securityGroupIds: string[];
  /** Name of the instance profile's role, null without one. */
  roleName: string | null;
  tags: { key: string; value: string }[];
}

export interface SnapshotState {
  snapshotId: string;
  region: string;
  volumeSize: number;
  /** Account ids the snapshot is shared with; `all` makes it public. */
  sharedWith: string[];
}

export interface TrailState {
  name: string;
  arn: string;
  homeRegion: string;
  isMultiRegion: boolean;
  logging: boolean;
  /** True when the trail records management events. */
  managementEvents: boolean;
  /** True when the trail records S3 object-level (data) events. */
  s3DataEvents: boolean;
  s3BucketName: string;
}

export interface DetectorState {
  detectorId: string;
  region: string;
  status: 'ENABLED' | 'DISABLED';
  /** False once the detector has been deleted. */
  exists: boolean;
}

export interface AccountState {
  accountId: string;
  users: Record<string, UserState>;
  groups: Record<string, GroupState>;
  roles: Record<string, RoleState>;
  /** Managed policies by ARN, AWS managed ones included when something attaches them. */
  policies: Record<string, ManagedPolicyState>;
  accessKeys: Record<string, AccessKeyState>;
  buckets: Record<string, BucketState>;
  securityGroups: Record<string, SecurityGroupState>;
  instances: Record<string, InstanceState>;
  snapshots: Record<string, SnapshotState>;
  trails: Record<string, TrailState>;
  detectors: Record<string, DetectorState>;
  /** eventIDs of scripted records `replayRecords` already applied, so each applies once; absent before the first replay. */
  replayedEventIds?: string[];
}
