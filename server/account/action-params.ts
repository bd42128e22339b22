import { z } from 'zod';
import type { ServiceName } from './api-call.js';

/**
 * Request parameters of every API action the simulated account implements, by service and action.
 * The CLI parser and the red cell's techniques build `ApiCall.params` that pass these schemas,
 * and the account engine reads them. Names are the API's request fields in camelCase, as CloudTrail
 * records IAM, S3, CloudTrail and GuardDuty calls; EC2 calls use flat lists here, and the engine
 * writes them in CloudTrail's `instancesSet.items` shape.
 */

const name = z.string().min(1).max(128);
const arn = z.string().min(1).max(2_048);
const keyId = z.string().regex(/^[A-Z0-9]{16,128}$/, 'must be an access key id such as AKIAIOSFODNN7EXAMPLE');
const document = z.record(z.string(), z.unknown());
const ids = z.array(z.string().min(1).max(64)).min(1).max(100);
const none = z.strictObject({});

export const ActionParams = {
  sts: {
    GetCallerIdentity: none,
    AssumeRole: z.strictObject({ roleArn: arn, roleSessionName: name }),
  },
  iam: {
    ListUsers: none,
    GetUser: z.strictObject({ userName: name.optional() }),
    ListRoles: none,
    ListPolicies: none,
    ListAccessKeys: z.strictObject({ userName: name.optional() }),
    ListAttachedUserPolicies: z.strictObject({ userName: name }),
    ListUserPolicies: z.strictObject({ userName: name }),
    ListGroupsForUser: z.strictObject({ userName: name }),
    GetAccountAuthorizationDetails: none,
    CreateUser: z.strictObject({ userName: name }),
    DeleteUser: z.strictObject({ userName: name }),
    CreateAccessKey: z.strictObject({ userName: name.optional() }),
    UpdateAccessKey: z.strictObject({ userName: name.optional(), accessKeyId: keyId, status: z.enum(['Active', 'Inactive']) }),
    DeleteAccessKey: z.strictObject({ userName: name.optional(), accessKeyId: keyId }),
    CreateLoginProfile: z.strictObject({ userName: name, passwordResetRequired: z.boolean().optional() }),
    UpdateLoginProfile: z.strictObject({ userName: name, passwordResetRequired: z.boolean().optional() }),
    DeleteLoginProfile: z.strictObject({ userName: name }),
    AttachUserPolicy: z.strictObject({ userName: name, policyArn: arn }),
    DetachUserPolicy: z.strictObject({ userName: name, policyArn: arn }),
    PutUserPolicy: z.strictObject({ userName: name, policyName: name, policyDocument: document }),
    DeleteUserPolicy: z.strictObject({ userName: name, policyName: name }),
    AddUserToGroup: z.strictObject({ userName: name, groupName: name }),
    RemoveUserFromGroup: z.strictObject({ userName: name, groupName: name }),
    AttachRolePolicy: z.strictObject({ roleName: name, policyArn: arn }),
    DetachRolePolicy: z.strictObject({ roleName: name, policyArn: arn }),
    PutRolePolicy: z.strictObject({ roleName: name, policyName: name, policyDocument: document }),
    DeleteRolePolicy: z.strictObject({ roleName: name, policyName: name }),
    CreateRole: z.strictObject({ roleName: name, assumeRolePolicyDocument: document }),
    UpdateAssumeRolePolicy: z.strictObject({ roleName: name, policyDocument: document }),
    CreatePolicyVersion: z.strictObject({ policyArn: arn, policyDocument: document, setAsDefault: z.boolean().optional() }),
    SetDefaultPolicyVersion: z.strictObject({ policyArn: arn, versionId: z.string().regex(/^v\d+$/, 'must be a version id such as v2') }),
    DeletePolicyVersion: z.strictObject({ policyArn: arn, versionId: z.string().regex(/^v\d+$/, 'must be a version id such as v2') }),
  },
  s3: {
    ListBuckets: none,
    ListObjects: z.strictObject({ bucketName: name, prefix: z.string().max(1_024).optional() }),
    GetObject: z.strictObject({ bucketName: name, key: z.string().min(1).max(1_024) }),
    GetBucketPolicy: z.strictObject({ bucketName: name }),
    PutBucketPolicy: z.strictObject({ bucketName: name, policy: document }),
    DeleteBucketPolicy: z.strictObject({ bucketName: name }),
    GetPublicAccessBlock: z.strictObject({ bucketName: name }),
    PutPublicAccessBlock: z.strictObject({
      bucketName: name,
      blockPublicAcls: z.boolean(),
      ignorePublicAcls: z.boolean(),
      blockPublicPolicy: z.boolean(),
      restrictPublicBuckets: z.boolean(),
    }),
    DeletePublicAccessBlock: z.strictObject({ bucketName: name }),
  },
  ec2: {
    DescribeInstances: z.strictObject({ instanceIds: ids.optional() }),
    DescribeSecurityGroups: z.strictObject({ groupIds: ids.optional() }),
    DescribeSnapshots: z.strictObject({ snapshotIds: ids.optional() }),
    RunInstances: z.strictObject({
      imageId: name,
      instanceType: name,
      minCount: z.number().int().min(1).max(100),
      maxCount: z.number().int().min(1).max(100),
      securityGroupIds: ids.optional(),
      /** Name of the instance profile role: launching with it needs iam:PassRole. */
      iamInstanceProfile: name.optional(),
    }),
    StartInstances: z.strictObject({ instanceIds: ids }),
    StopInstances: z.strictObject({ instanceIds: ids, force: z.boolean().optional() }),
    TerminateInstances: z.strictObject({ instanceIds: ids }),
    AuthorizeSecurityGroupIngress: z.strictObject({ groupId: name, protocol: name, fromPort: z.number().int(), toPort: z.number().int(), cidr: name }),
    RevokeSecurityGroupIngress: z.strictObject({ groupId: name, protocol: name, fromPort: z.number().int(), toPort: z.number().int(), cidr: name }),
    CreateSnapshot: z.strictObject({ volumeId: name, description: z.string().max(255).optional() }),
    /** Share (add) or unshare (remove) a snapshot; `all` stands for the public group. */
    ModifySnapshotAttribute: z.strictObject({ snapshotId: name, operationType: z.enum(['add', 'remove']), userIds: z.array(z.string().max(12)).max(100).optional(), groupNames: z.array(z.literal('all')).max(1).optional() }),
  },
  cloudtrail: {
    DescribeTrails: none,
    GetTrailStatus: z.strictObject({ name }),
    StopLogging: z.strictObject({ name }),
    StartLogging: z.strictObject({ name }),
    DeleteTrail: z.strictObject({ name }),
    /** Management events on or off, and S3 data events on or off, as the selectors end up. */
    PutEventSelectors: z.strictObject({ trailName: name, readWriteType: z.enum(['All', 'ReadOnly', 'WriteOnly']), includeManagementEvents: z.boolean(), s3DataEvents: z.boolean() }),
  },
  guardduty: {
    ListDetectors: none,
    GetDetector: z.strictObject({ detectorId: name }),
    UpdateDetector: z.strictObject({ detectorId: name, enable: z.boolean() }),
    DeleteDetector: z.strictObject({ detectorId: name }),
    CreateDetector: z.strictObject({ enable: z.boolean() }),
  },
} as const satisfies Record<ServiceName, Record<string, z.ZodType>>;

/** Return the schema of an action's parameters, or undefined for an action the account does not implement. */
export function actionSchema(service: ServiceName, action: string): z.ZodType | undefined {
  const actions: Record<string, z.ZodType> = ActionParams[service];
  return Object.hasOwn(actions, action) ? actions[action] : undefined;
}

/** Event source CloudTrail records for a service, such as iam.amazonaws.com. */
export function eventSourceOf(service: ServiceName): string {
  return `${service}.amazonaws.com`;
}
