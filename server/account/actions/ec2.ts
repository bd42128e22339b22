import { ActionParams } from '../action-params.js';
import { defineAction, type ActionContext, type ActionDefinition } from '../action-context.js';
import { ec2Arn, roleArn } from '../arns.js';
import { AwsError } from '../aws-error.js';
import { hexIdFrom } from '../ids.js';
import type { InstanceState, SecurityGroupState } from '../state.js';

/**
 * EC2 instances, security group rules and snapshots in the call's region. Request parameters
 * are recorded in CloudTrail's EC2 shape, with lists under `items`. Instance state codes follow
 * EC2: 0 pending, 16 running, 32 shutting-down, 48 terminated, 64 stopping, 80 stopped.
 */
const P = ActionParams.ec2;
const StateCodes: Record<InstanceState['state'], number> = { pending: 0, running: 16, 'shutting-down': 32, terminated: 48, stopping: 64, stopped: 80 };

const items = <T>(list: T[]): { items: T[] } => ({ items: list });
const instanceItems = (ids: string[]): { instancesSet: { items: { instanceId: string }[] } } => ({ instancesSet: items(ids.map((instanceId) => ({ instanceId }))) });

function inRegion<T extends { region: string }>(record: Record<string, T>, id: string, region: string): T | undefined {
  const found = Object.hasOwn(record, id) ? record[id] : undefined;
  return found && found.region === region ? found : undefined;
}

function requireInstances(context: ActionContext, ids: string[]): InstanceState[] {
  const missing = ids.filter((id) => !inRegion(context.state.instances, id, context.region));
  if (missing.length > 0) {
    const quoted = missing.map((id) => `'${id}'`).join(', ');
    throw new AwsError('InvalidInstanceID.NotFound', `The instance ID${missing.length > 1 ? 's' : ''} ${quoted} ${missing.length > 1 ? 'do' : 'does'} not exist`);
  }
  return ids.map((id) => context.state.instances[id]!);
}

function requireGroup(context: ActionContext, groupId: string): SecurityGroupState {
  const group = inRegion(context.state.securityGroups, groupId, context.region);
  if (!group) throw new AwsError('InvalidGroup.NotFound', `The security group '${groupId}' does not exist`);
  return group;
}

function instanceResource(context: ActionContext, ids: string[]): string {
  return ec2Arn(context.state.accountId, context.region, 'instance', ids[0] ?? '*');
}

function instanceView(context: ActionContext, instance: InstanceState): Record<string, unknown> {
  const groups = context.state.securityGroups;
  return {
    InstanceId: instance.instanceId,
    ImageId: instance.imageId,
    InstanceType: instance.instanceType,
    LaunchTime: instance.launchTime,
    State: { Code: StateCodes[instance.state], Name: instance.state },
    SecurityGroups: instance.securityGroupIds.map((id) => ({ GroupId: id, GroupName: groups[id]?.groupName ?? id })),
    ...(instance.roleName ? { IamInstanceProfile: { Arn: `arn:aws:iam::${context.state.accountId}:instance-profile/${instance.roleName}` } } : {}),
    Tags: instance.tags.map((tag) => ({ Key: tag.key, Value: tag.value })),
  };
}

/** Move instances to `next`, returning the state changes EC2 reports, with `reported` as the current state. */
function transition(instances: InstanceState[], next: InstanceState['state'], reported: InstanceState['state']): Record<string, unknown>[] {
  return instances.map((instance) => {
    const previous = instance.state;
    instance.state = next;
    return { InstanceId: instance.instanceId, CurrentState: { Code: StateCodes[reported], Name: reported }, PreviousState: { Code: StateCodes[previous], Name: previous } };
  });
}

function ruleText(params: { protocol: string; fromPort: number; toPort: number; cidr: string }): string {
  return `peer: ${params.cidr}, ${params.protocol.toUpperCase()}, from port: ${params.fromPort}, to port: ${params.toPort}, ALLOW`;
}

function ingressParameters(params: { groupId: string; protocol: string; fromPort: number; toPort: number; cidr: string }): Record<string, unknown> {
  const permission = { ipProtocol: params.protocol, fromPort: params.fromPort, toPort: params.toPort, groups: {}, ipRanges: items([{ cidrIp: params.cidr }]), ipv6Ranges: {}, prefixListIds: {} };
  return { groupId: params.groupId, ipPermissions: items([permission]) };
}

export const ec2Actions: Record<string, ActionDefinition> = {
  DescribeInstances: defineAction(P.DescribeInstances, {
    readOnly: true,
    permission: () => ({ action: 'ec2:DescribeInstances', resource: '*' }),
    requestParameters: (_context, params) => ({ instancesSet: params.instanceIds ? items(params.instanceIds.map((instanceId) => ({ instanceId }))) : {}, filterSet: {} }),
    run(context, params) {
      const selected = params.instanceIds ? requireInstances(context, params.instanceIds) : Object.values(context.state.instances).filter((instance) => instance.region === context.region);
      const reservations = selected.map((instance) => ({ Instances: [instanceView(context, instance)] }));
      return { response: { Reservations: reservations }, changes: [] };
    },
  }),

  DescribeSecurityGroups: defineAction(P.DescribeSecurityGroups, {
    readOnly: true,
    permission: () => ({ action: 'ec2:DescribeSecurityGroups', resource: '*' }),
    requestParameters: (_context, params) => ({ securityGroupIdSet: params.groupIds ? items(params.groupIds.map((groupId) => ({ groupId }))) : {}, securityGroupSet: {}, filterSet: {} }),
    run(context, params) {
      const groups = params.groupIds ? params.groupIds.map((id) => requireGroup(context, id)) : Object.values(context.state.securityGroups).filter((group) => group.region === context.region);
      const view = groups.map((group) => ({
        GroupId: group.groupId,
        GroupName: group.groupName,
        OwnerId: context.state.accountId,
        IpPermissions: group.ingress.map((rule) => ({ IpProtocol: rule.protocol, FromPort: rule.fromPort, ToPort: rule.toPort, IpRanges: [{ CidrIp: rule.cidr }] })),
      }));
      return { response: { SecurityGroups: view }, changes: [] };
    },
  }),

  DescribeSnapshots: defineAction(P.DescribeSnapshots, {
    readOnly: true,
    permission: () => ({ action: 'ec2:DescribeSnapshots', resource: '*' }),
    requestParameters: (_context, params) => ({ snapshotSet: params.snapshotIds ? items(params.snapshotIds.map((snapshotId) => ({ snapshotId }))) : {}, ownersSet: {}, filterSet: {} }),
    run(context, params) {
      const all = Object.values(context.state.snapshots).filter((snapshot) => snapshot.region === context.region);
      const selected = params.snapshotIds ? all.filter((snapshot) => params.snapshotIds!.includes(snapshot.snapshotId)) : all;
      const missing = params.snapshotIds?.find((id) => !selected.some((snapshot) => snapshot.snapshotId === id));
      if (missing) throw new AwsError('InvalidSnapshot.NotFound', `The snapshot '${missing}' does not exist.`);
      return { response: { Snapshots: selected.map((snapshot) => ({ SnapshotId: snapshot.snapshotId, VolumeSize: snapshot.volumeSize, OwnerId: context.state.accountId, State: 'completed' })) }, changes: [] };
    },
  }),

  RunInstances: defineAction(P.RunInstances, {
    readOnly: false,
    permission: (context) => ({ action: 'ec2:RunInstances', resource: ec2Arn(context.state.accountId, context.region, 'instance', '*') }),
    requestParameters: (_context, params) => runParameters(params),
    run(context, params) {
      if (params.minCount > params.maxCount) throw new AwsError('InvalidParameterValue', `Invalid value '${params.minCount}' for minCount. It must not exceed maxCount (${params.maxCount}).`);
      const groupIds = params.securityGroupIds ?? [];
      for (const groupId of groupIds) requireGroup(context, groupId);
      if (params.iamInstanceProfile !== undefined) {
        const role = Object.hasOwn(context.state.roles, params.iamInstanceProfile) ? context.state.roles[params.iamInstanceProfile] : undefined;
        if (!role) throw new AwsError('InvalidParameterValue', `Value (${params.iamInstanceProfile}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name`);
        context.requirePermission({ action: 'iam:PassRole', resource: roleArn(context.state.accountId, role.roleName) });
      }

      const launched: InstanceState[] = [];
      for (let index = 0; index < params.maxCount; index += 1) {
        const instanceId = context.preset.instanceIds?.[index] ?? `i-${hexIdFrom(context.idSeed, `instance-${index}`, 17)}`;
        const instance: InstanceState = {
          instanceId,
          region: context.region,
          instanceType: params.instanceType,
          imageId: params.imageId,
          state: 'running',
          launchTime: context.at,
          securityGroupIds: groupIds,
          roleName: params.iamInstanceProfile ?? null,
          tags: [],
        };
        context.state.instances[instanceId] = instance;
        launched.push(instance);
      }
      const pending = { Code: StateCodes.pending, Name: 'pending' };
      const responseItems = launched.map((instance) => ({ instanceId: instance.instanceId, imageId: instance.imageId, instanceType: instance.instanceType, instanceState: { code: 0, name: 'pending' } }));
      return {
        response: { Instances: launched.map((instance) => ({ ...instanceView(context, instance), State: pending })), OwnerId: context.state.accountId },
        responseElements: { reservationId: `r-${hexIdFrom(context.idSeed, 'reservation', 17)}`, ownerId: context.state.accountId, instancesSet: items(responseItems) },
        changes: launched.map((instance) => `Instance ${instance.instanceId} (${instance.instanceType}) was launched in ${instance.region}.`),
      };
    },
  }),

  StartInstances: defineAction(P.StartInstances, {
    readOnly: false,
    permission: (context, params) => ({ action: 'ec2:StartInstances', resource: instanceResource(context, params.instanceIds) }),
    requestParameters: (_context, params) => instanceItems(params.instanceIds),
    run(context, params) {
      const instances = requireInstances(context, params.instanceIds);
      const blocked = instances.find((instance) => instance.state === 'terminated' || instance.state === 'shutting-down');
      if (blocked) throw new AwsError('IncorrectInstanceState', `The instance '${blocked.instanceId}' is not in a state from which it can be started.`);
      const changed = instances.filter((instance) => instance.state !== 'running');
      return { response: { StartingInstances: transition(instances, 'running', 'pending') }, changes: changed.map((instance) => `Instance ${instance.instanceId} was started.`) };
    },
  }),

  StopInstances: defineAction(P.StopInstances, {
    readOnly: false,
    permission: (context, params) => ({ action: 'ec2:StopInstances', resource: instanceResource(context, params.instanceIds) }),
    requestParameters: (_context, params) => ({ ...instanceItems(params.instanceIds), force: params.force ?? false }),
    run(context, params) {
      const instances = requireInstances(context, params.instanceIds);
      const blocked = instances.find((instance) => instance.state === 'terminated' || instance.state === 'shutting-down');
      if (blocked) throw new AwsError('IncorrectInstanceState', `This instance '${blocked.instanceId}' is not in a state from which it can be stopped.`);
      const changed = instances.filter((instance) => instance.state !== 'stopped');
      return { response: { StoppingInstances: transition(instances, 'stopped', 'stopping') }, changes: changed.map((instance) => `Instance ${instance.instanceId} was stopped.`) };
    },
  }),

  TerminateInstances: defineAction(P.TerminateInstances, {
    readOnly: false,
    permission: (context, params) => ({ action: 'ec2:TerminateInstances', resource: instanceResource(context, params.instanceIds) }),
    requestParameters: (_context, params) => instanceItems(params.instanceIds),
    run(context, params) {
      const instances = requireInstances(context, params.instanceIds);
      const changed = instances.filter((instance) => instance.state !== 'terminated');
      return { response: { TerminatingInstances: transition(instances, 'terminated', 'shutting-down') }, changes: changed.map((instance) => `Instance ${instance.instanceId} was terminated.`) };
    },
  }),

  AuthorizeSecurityGroupIngress: defineAction(P.AuthorizeSecurityGroupIngress, {
    readOnly: false,
    permission: (context, params) => ({ action: 'ec2:AuthorizeSecurityGroupIngress', resource: ec2Arn(context.state.accountId, context.region, 'security-group', params.groupId) }),
    requestParameters: (_context, params) => ingressParameters(params),
    run(context, params) {
      const group = requireGroup(context, params.groupId);
      const rule = { protocol: params.protocol, fromPort: params.fromPort, toPort: params.toPort, cidr: params.cidr };
      if (group.ingress.some((existing) => sameRule(existing, rule))) throw new AwsError('InvalidPermission.Duplicate', `the specified rule "${ruleText(params)}" already exists`);
      group.ingress.push(rule);
      return { response: { Return: true }, responseElements: { _return: true }, changes: [`Security group ${group.groupId} now allows ${rule.protocol} ${rule.fromPort}-${rule.toPort} from ${rule.cidr}.`] };
    },
  }),

  RevokeSecurityGroupIngress: defineAction(P.RevokeSecurityGroupIngress, {
    readOnly: false,
    permission: (context, params) => ({ action: 'ec2:RevokeSecurityGroupIngress', resource: ec2Arn(context.state.accountId, context.region, 'security-group', params.groupId) }),
    requestParameters: (_context, params) => ingressParameters(params),
    run(context, params) {
      const group = requireGroup(context, params.groupId);
      const rule = { protocol: params.protocol, fromPort: params.fromPort, toPort: params.toPort, cidr: params.cidr };
      if (!group.ingress.some((existing) => sameRule(existing, rule))) throw new AwsError('InvalidPermission.NotFound', 'The specified rule does not exist in this security group.');
      group.ingress = group.ingress.filter((existing) => !sameRule(existing, rule));
      return { response: { Return: true }, responseElements: { _return: true }, changes: [`Security group ${group.groupId} no longer allows ${rule.protocol} ${rule.fromPort}-${rule.toPort} from ${rule.cidr}.`] };
    },
  }),

  CreateSnapshot: defineAction(P.CreateSnapshot, {
    readOnly: false,
    permission: (context, params) => ({ action: 'ec2:CreateSnapshot', resource: ec2Arn(context.state.accountId, context.region, 'volume', params.volumeId) }),
    run(context, params) {
      if (!/^vol-[0-9a-f]{8,17}$/.test(params.volumeId)) throw new AwsError('InvalidVolumeID.Malformed', `Invalid id: "${params.volumeId}" (expecting "vol-...")`);
      const snapshotId = `snap-${hexIdFrom(context.idSeed, 'snapshot', 17)}`;
      // NOTE: the model has no volumes, so any well-formed volume id exists and its snapshots are 8 GiB.
      context.state.snapshots[snapshotId] = { snapshotId, region: context.region, volumeSize: 8, sharedWith: [] };
      return {
        response: { SnapshotId: snapshotId, VolumeId: params.volumeId, State: 'pending', VolumeSize: 8, OwnerId: context.state.accountId, Description: params.description ?? '' },
        responseElements: { snapshotId, volumeId: params.volumeId, status: 'pending', volumeSize: 8, ownerId: context.state.accountId },
        changes: [`Snapshot ${snapshotId} of volume ${params.volumeId} was created.`],
      };
    },
  }),

  ModifySnapshotAttribute: defineAction(P.ModifySnapshotAttribute, {
    readOnly: false,
    permission: (context, params) => ({ action: 'ec2:ModifySnapshotAttribute', resource: `arn:aws:ec2:${context.region}::snapshot/${params.snapshotId}` }),
    requestParameters: (_context, params) => ({
      snapshotId: params.snapshotId,
      createVolumePermission: { [params.operationType]: items([...(params.userIds ?? []).map((userId) => ({ userId })), ...(params.groupNames ?? []).map((group) => ({ group }))]) },
      attributeType: 'CREATE_VOLUME_PERMISSION',
    }),
    run(context, params) {
      const snapshot = inRegion(context.state.snapshots, params.snapshotId, context.region);
      if (!snapshot) throw new AwsError('InvalidSnapshot.NotFound', `The snapshot '${params.snapshotId}' does not exist.`);
      const targets = [...(params.userIds ?? []), ...(params.groupNames ?? [])];
      if (targets.length === 0) throw new AwsError('MissingParameter', 'The request must contain the parameter userIds or groupNames.');
      const before = new Set(snapshot.sharedWith);
      if (params.operationType === 'add') snapshot.sharedWith = [...new Set([...snapshot.sharedWith, ...targets])];
      else snapshot.sharedWith = snapshot.sharedWith.filter((target) => !targets.includes(target));
      const changed = targets.filter((target) => before.has(target) !== (params.operationType === 'add'));
      const describe = (target: string): string => (target === 'all' ? 'everyone (public)' : `account ${target}`);
      const verb = params.operationType === 'add' ? 'is now shared with' : 'is no longer shared with';
      return { response: {}, responseElements: { _return: true }, changes: changed.map((target) => `Snapshot ${snapshot.snapshotId} ${verb} ${describe(target)}.`) };
    },
  }),
};

function sameRule(left: SecurityGroupState['ingress'][number], right: SecurityGroupState['ingress'][number]): boolean {
  return left.protocol === right.protocol && left.fromPort === right.fromPort && left.toPort === right.toPort && left.cidr === right.cidr;
}

function runParameters(params: { imageId: string; instanceType: string; minCount: number; maxCount: number; securityGroupIds?: string[] | undefined; iamInstanceProfile?: string | undefined }): Record<string, unknown> {
  return {
    instancesSet: items([{ imageId: params.imageId, minCount: params.minCount, maxCount: params.maxCount }]),
    ...(params.securityGroupIds ? { groupSet: items(params.securityGroupIds.map((groupId) => ({ groupId }))) } : {}),
    instanceType: params.instanceType,
    ...(params.iamInstanceProfile ? { iamInstanceProfile: { name: params.iamInstanceProfile } } : {}),
    monitoring: { enabled: false },
    disableApiTermination: false,
  };
}
