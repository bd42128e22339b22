import type { PresetIds } from './action-context.js';
import { ActionParams } from './action-params.js';
import type { ApiCall, CloudTrailRecord, ServiceName } from './api-call.js';
import { parsePolicyDocument } from '../investigation/iam-graph/policy-documents.js';
import { itemsOf, objectField, stringField } from './record-fields.js';

/**
 * A call of a scripted CloudTrail record, with the ids its responseElements show. Records of
 * actions the account does not handle translate to no call.
 */
export interface ReplayCall {
  call: ApiCall;
  preset: PresetIds;
}

const Services: Record<string, ServiceName> = {
  'iam.amazonaws.com': 'iam',
  'sts.amazonaws.com': 'sts',
  's3.amazonaws.com': 's3',
  'ec2.amazonaws.com': 'ec2',
  'cloudtrail.amazonaws.com': 'cloudtrail',
  'guardduty.amazonaws.com': 'guardduty',
};

/** Translate a record into calls; an empty list when the record changes nothing the model tracks. */
export function callsOfRecord(record: CloudTrailRecord): ReplayCall[] {
  const service = Object.hasOwn(Services, record.eventSource) ? Services[record.eventSource] : undefined;
  if (!service) return [];
  const region = stringField(record, 'awsRegion') ?? 'us-east-1';
  const parameters = objectField(record, 'requestParameters') ?? {};
  const response = objectField(record, 'responseElements');
  const single = (params: Record<string, unknown>, preset: PresetIds = {}): ReplayCall[] => [{ call: { service, action: record.eventName, params, region }, preset }];

  switch (record.eventName) {
    case 'RunInstances': {
      const first = itemsOf(parameters, 'instancesSet')[0] ?? {};
      const groupIds = itemsOf(parameters, 'groupSet').map((item) => stringField(item, 'groupId')).filter((id): id is string => id !== undefined);
      const profile = stringField(objectField(parameters, 'iamInstanceProfile'), 'name') ?? lastSegmentOrUndefined(stringField(objectField(parameters, 'iamInstanceProfile'), 'arn'));
      const instanceIds = itemsOf(response, 'instancesSet').map((item) => String(item.instanceId));
      const params = { imageId: first.imageId, instanceType: parameters.instanceType, minCount: instanceIds.length || first.minCount, maxCount: instanceIds.length || first.maxCount, ...(groupIds.length > 0 ? { securityGroupIds: groupIds } : {}), ...(profile ? { iamInstanceProfile: profile } : {}) };
      return single(params, { instanceIds });
    }
    case 'StartInstances':
    case 'StopInstances':
    case 'TerminateInstances':
      return single({ instanceIds: itemsOf(parameters, 'instancesSet').map((item) => item.instanceId) });
    case 'AuthorizeSecurityGroupIngress':
    case 'RevokeSecurityGroupIngress':
      return itemsOf(parameters, 'ipPermissions').flatMap((permission) =>
        itemsOf(permission, 'ipRanges').flatMap((range) => single({ groupId: parameters.groupId, protocol: permission.ipProtocol, fromPort: permission.fromPort ?? -1, toPort: permission.toPort ?? -1, cidr: range.cidrIp })),
      );
    case 'ModifySnapshotAttribute': {
      const permission = objectField(parameters, 'createVolumePermission') ?? {};
      const operationType = permission.add ? 'add' : 'remove';
      const entries = itemsOf(permission, operationType);
      const userIds = entries.map((entry) => stringField(entry, 'userId')).filter((id): id is string => id !== undefined);
      const groups = entries.some((entry) => entry.group === 'all') ? { groupNames: ['all'] } : {};
      return single({ snapshotId: parameters.snapshotId, operationType, ...(userIds.length > 0 ? { userIds } : {}), ...groups });
    }
    case 'PutBucketPolicy':
      return single({ bucketName: parameters.bucketName, policy: parsePolicyDocument(parameters.bucketPolicy) ?? parameters.bucketPolicy });
    case 'PutPublicAccessBlock': {
      const configuration = objectField(parameters, 'PublicAccessBlockConfiguration') ?? {};
      return single({ bucketName: parameters.bucketName, blockPublicAcls: configuration.BlockPublicAcls, ignorePublicAcls: configuration.IgnorePublicAcls, blockPublicPolicy: configuration.BlockPublicPolicy, restrictPublicBuckets: configuration.RestrictPublicBuckets });
    }
    case 'PutEventSelectors': {
      const selectors = Array.isArray(parameters.eventSelectors) ? parameters.eventSelectors : [];
      const first = (selectors[0] ?? {}) as Record<string, unknown>;
      const dataResources = Array.isArray(first.dataResources) ? first.dataResources : [];
      return single({ trailName: parameters.trailName, readWriteType: first.readWriteType ?? 'All', includeManagementEvents: first.includeManagementEvents ?? true, s3DataEvents: dataResources.length > 0 });
    }
    default:
      return single(pickSchemaFields(service, record.eventName, parameters), presetOf(response));
  }
}

/** Keep the request fields the action's schema names, decoding policy documents recorded as JSON text. */
function pickSchemaFields(service: ServiceName, action: string, parameters: Record<string, unknown>): Record<string, unknown> {
  const actions: Record<string, unknown> = ActionParams[service];
  const schema = Object.hasOwn(actions, action) ? (actions[action] as { shape?: Record<string, unknown> }) : undefined;
  const fields = Object.keys(schema?.shape ?? {});
  const params: Record<string, unknown> = {};
  for (const field of fields) {
    if (!Object.hasOwn(parameters, field)) continue;
    const value = parameters[field];
    const isDocument = field === 'policyDocument' || field === 'assumeRolePolicyDocument' || field === 'policy';
    params[field] = isDocument ? (parsePolicyDocument(value) ?? value) : value;
  }
  return params;
}

function presetOf(response: Record<string, unknown> | undefined): PresetIds {
  const preset: PresetIds = {};
  const accessKeyId = stringField(objectField(response, 'accessKey'), 'accessKeyId');
  const userId = stringField(objectField(response, 'user'), 'userId');
  const roleId = stringField(objectField(response, 'role'), 'roleId');
  if (accessKeyId) preset.accessKeyId = accessKeyId;
  if (userId) preset.userId = userId;
  if (roleId) preset.roleId = roleId;
  return preset;
}

function lastSegmentOrUndefined(arn: string | undefined): string | undefined {
  return arn ? arn.slice(arn.lastIndexOf('/') + 1) : undefined;
}
