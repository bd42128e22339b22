import type { CloudTrailEvent, RolePrincipal } from '../records/cloudtrail.js';
import { assumedRoleArn, assumedRoleIdentity, awsServiceIdentity, roleArn, serviceEventIdentity } from '../records/cloudtrail.js';
import type { InstanceLaunch } from '../records/ec2.js';
import { runInstancesResponse } from '../records/ec2.js';
import { awsUniqueId, base64Text, ec2ResourceId, uuid } from '../records/ids.js';
import { s3ObjectEvent } from '../records/shapes.js';
import { longDateTime } from '../records/time.js';
import type { Activity, ActivityContext } from './activity.js';
import { addressIn, pickRegion, temporarySession } from './activity.js';
import { ECS_NODE_SDK_USER_AGENT, LAMBDA_BOTO3_USER_AGENT, SSM_AGENT_USER_AGENT } from './identities.js';

/** Routine calls by workloads and AWS services: Lambda and ECS roles, agents, Config and Auto Scaling. */

const FUNCTIONS = [
  { name: 'order-processor', role: 'orderProcessorLambda', secret: 'prod/order-processor/db' },
  { name: 'report-builder', role: 'reportBuilderLambda', secret: 'prod/report-builder/warehouse' },
] as const;

function kmsKeyArn(context: ActivityContext): string {
  return `arn:aws:kms:${context.primaryRegion}:${context.cast.accountId}:key/${context.cast.kmsKeyId}`;
}

/** Returns an ECS task id, 32 hex digits, which ECS also uses as the role session name. */
function ecsTaskId(context: ActivityContext): string {
  return context.rng.hex(32);
}

function lambdaCall(
  context: ActivityContext,
  time: number,
  fields: Pick<CloudTrailEvent, 'eventSource' | 'eventName' | 'requestParameters' | 'readOnly'> &
    Partial<Pick<CloudTrailEvent, 'resources'>>,
): CloudTrailEvent {
  const fn = context.rng.pick(FUNCTIONS);
  const { accessKeyId, session } = temporarySession(context, time, 600, false);
  return {
    accountId: context.cast.accountId,
    time,
    identity: assumedRoleIdentity(context.cast.roles[fn.role], fn.name, { accessKeyId, session }),
    region: context.primaryRegion,
    sourceIp: context.rng.pick(context.cast.lambdaEgressIps),
    userAgent: LAMBDA_BOTO3_USER_AGENT,
    responseElements: null,
    ...fields,
  };
}

function apiTaskCall(
  context: ActivityContext,
  time: number,
  sdkApi: string,
  vpcEndpointId: string,
  fields: Pick<CloudTrailEvent, 'eventSource' | 'eventName' | 'requestParameters' | 'readOnly'>,
): CloudTrailEvent {
  const { accessKeyId, session } = temporarySession(context, time, 360, false);
  return {
    accountId: context.cast.accountId,
    time,
    identity: assumedRoleIdentity(context.cast.roles.apiTask, ecsTaskId(context), { accessKeyId, session }),
    region: context.primaryRegion,
    sourceIp: addressIn(context, context.cast.taskSubnetPrefix, 10, 250),
    userAgent: `${ECS_NODE_SDK_USER_AGENT} api/${sdkApi}`,
    responseElements: null,
    vpcEndpointId,
    ...fields,
  };
}

const lambdaDecrypt: Activity = {
  name: 'Lambda KMS decrypt',
  weight: 6,
  hours: 'any',
  build(context, time) {
    const fn = context.rng.pick(FUNCTIONS);
    return lambdaCall(context, time, {
      eventSource: 'kms.amazonaws.com',
      eventName: 'Decrypt',
      requestParameters: {
        encryptionContext: { LambdaFunctionName: fn.name },
        encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      },
      readOnly: true,
      resources: [{ accountId: context.cast.accountId, type: 'AWS::KMS::Key', ARN: kmsKeyArn(context) }],
    });
  },
};

const lambdaSecret: Activity = {
  name: 'Lambda secret read',
  weight: 4,
  hours: 'any',
  build(context, time) {
    const fn = context.rng.pick(FUNCTIONS);
    return lambdaCall(context, time, {
      eventSource: 'secretsmanager.amazonaws.com',
      eventName: 'GetSecretValue',
      requestParameters: { secretId: fn.secret },
      readOnly: true,
    });
  },
};

const taskSecret: Activity = {
  name: 'ECS task secret read',
  weight: 3,
  hours: 'any',
  build(context, time) {
    return apiTaskCall(context, time, 'secrets-manager#3.556.0', context.cast.vpcEndpoints.secretsmanager, {
      eventSource: 'secretsmanager.amazonaws.com',
      eventName: 'GetSecretValue',
      requestParameters: { secretId: 'prod/apexcorp-api/db' },
      readOnly: true,
    });
  },
};

const taskParameters: Activity = {
  name: 'ECS task parameter read',
  weight: 3,
  hours: 'any',
  build(context, time) {
    return apiTaskCall(context, time, 'ssm#3.556.0', context.cast.vpcEndpoints.ssm, {
      eventSource: 'ssm.amazonaws.com',
      eventName: 'GetParameters',
      requestParameters: {
        names: ['/apexcorp/prod/api/feature-flags', '/apexcorp/prod/api/log-level'],
        withDecryption: true,
      },
      readOnly: true,
    });
  },
};

const taskCustomerRead: Activity = {
  name: 'ECS task customer record read',
  weight: 4,
  hours: 'any',
  build(context, time) {
    const { cast, rng } = context;
    const { accessKeyId, session } = temporarySession(context, time, 360, false);
    const key = `customers/profiles/${rng.int(100000, 999999)}.json`;
    return s3ObjectEvent(
      {
        accountId: cast.accountId,
        time,
        identity: assumedRoleIdentity(cast.roles.apiTask, ecsTaskId(context), { accessKeyId, session }),
        region: context.primaryRegion,
        sourceIp: addressIn(context, cast.taskSubnetPrefix, 10, 250),
        userAgent: `${ECS_NODE_SDK_USER_AGENT} api/s3#3.556.0`,
        vpcEndpointId: cast.vpcEndpoints.s3,
        eventName: 'GetObject',
        bucket: cast.buckets.customerData,
        key,
        bytes: rng.int(1_800, 24_000),
      },
      rng,
    );
  },
};

const webAgentHeartbeat: Activity = {
  name: 'SSM agent heartbeat on the web server',
  weight: 5,
  hours: 'any',
  build(context, time) {
    const { cast } = context;
    const server = cast.webServer;
    const { accessKeyId, session } = temporarySession(context, time, 360, false);
    return {
      accountId: cast.accountId,
      time,
      identity: assumedRoleIdentity(cast.roles.webInstance, server.instanceId, {
        accessKeyId,
        session,
        ec2RoleDelivery: '2.0',
      }),
      eventSource: 'ssm.amazonaws.com',
      eventName: 'UpdateInstanceInformation',
      region: context.primaryRegion,
      sourceIp: server.publicIp,
      userAgent: SSM_AGENT_USER_AGENT,
      requestParameters: {
        instanceId: server.instanceId,
        agentVersion: '3.3.380.0',
        agentStatus: 'Active',
        platformType: 'Linux',
        platformName: 'Amazon Linux',
        platformVersion: '2023',
        iPAddress: server.privateIp,
        computerName: `ip-${server.privateIp.replaceAll('.', '-')}.ec2.internal`,
        agentName: 'amazon-ssm-agent',
        availabilityZone: server.availabilityZone,
        sSMConnectionChannel: 'ssmmessages',
      },
      responseElements: null,
      readOnly: false,
    };
  },
};

const configRecorder: Activity = {
  name: 'AWS Config resource snapshot',
  weight: 4,
  hours: 'any',
  build(context, time) {
    const { cast, rng } = context;
    const { accessKeyId, session } = temporarySession(context, time, 60, false);
    const call = rng.pick([
      { eventSource: 'ec2.amazonaws.com', eventName: 'DescribeSecurityGroups', global: false, requestParameters: { securityGroupSet: {}, securityGroupIdSet: {}, filterSet: {} } },
      { eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', global: false, requestParameters: { instancesSet: {}, filterSet: {} } },
      { eventSource: 'iam.amazonaws.com', eventName: 'GetUser', global: true, requestParameters: { userName: rng.pick(cast.humans).userName } },
    ]);
    return {
      accountId: cast.accountId,
      time,
      identity: assumedRoleIdentity(cast.roles.config, 'AWSConfig-Describe', {
        accessKeyId,
        session,
        invokedBy: 'config.amazonaws.com',
      }),
      eventSource: call.eventSource,
      eventName: call.eventName,
      region: call.global ? 'us-east-1' : pickRegion(context, 0.5),
      sourceIp: 'config.amazonaws.com',
      userAgent: 'config.amazonaws.com',
      requestParameters: call.requestParameters,
      responseElements: null,
      readOnly: true,
      tlsHost: null,
    };
  },
};

interface ServiceRoleUse {
  service: string;
  role: RolePrincipal;
  sessionName: string;
  durationSeconds: number;
}

const serviceAssumeRole: Activity = {
  name: 'service assumes a role',
  weight: 6,
  hours: 'any',
  build(context, time) {
    const { cast, rng } = context;
    const fn = rng.pick(FUNCTIONS);
    const use = rng.pick<ServiceRoleUse>([
      { service: 'lambda.amazonaws.com', role: cast.roles[fn.role], sessionName: fn.name, durationSeconds: 43_200 },
      { service: 'ecs-tasks.amazonaws.com', role: cast.roles.apiTask, sessionName: ecsTaskId(context), durationSeconds: 21_600 },
      { service: 'config.amazonaws.com', role: cast.roles.config, sessionName: 'AWSConfig-Describe', durationSeconds: 3_600 },
      { service: 'autoscaling.amazonaws.com', role: cast.roles.autoScaling, sessionName: 'AutoScaling', durationSeconds: 3_600 },
    ]);
    const accessKeyId = awsUniqueId('ASIA', cast.accountId, rng);
    return {
      accountId: cast.accountId,
      time,
      identity: awsServiceIdentity(use.service),
      eventSource: 'sts.amazonaws.com',
      eventName: 'AssumeRole',
      region: context.primaryRegion,
      sourceIp: use.service,
      userAgent: use.service,
      requestParameters: {
        roleArn: roleArn(use.role),
        roleSessionName: use.sessionName,
        durationSeconds: use.durationSeconds,
      },
      responseElements: {
        credentials: {
          accessKeyId,
          sessionToken: `IQoJb3JpZ2luX2Vj${base64Text(rng, 280)}`,
          expiration: longDateTime(time + use.durationSeconds * 1000),
        },
        assumedRoleUser: {
          assumedRoleId: `${use.role.roleId}:${use.sessionName}`,
          arn: assumedRoleArn(use.role, use.sessionName),
        },
      },
      readOnly: true,
      resources: [{ accountId: cast.accountId, type: 'AWS::IAM::Role', ARN: roleArn(use.role) }],
      tlsHost: null,
    };
  },
};

const autoScalingLaunch: Activity = {
  name: 'Auto Scaling launches a web node',
  weight: 1,
  hours: 'any',
  build(context, time) {
    const { cast, rng } = context;
    const region = context.primaryRegion;
    const { accessKeyId, session } = temporarySession(context, time, 50, false);
    const requestId = uuid(rng);
    const clientToken = uuid(rng);
    const launch: InstanceLaunch = {
      instanceId: ec2ResourceId('i', rng),
      imageId: 'ami-0c2a7f4b9e1d53a86',
      instanceType: 't3.large',
      subnetId: 'subnet-04c7e2a1f9b6d3805',
      vpcId: cast.vpcId,
      privateIp: `10.10.1.${rng.int(30, 220)}`,
      availabilityZone: `${region}a`,
      securityGroup: { groupId: 'sg-05d1c8e2b7a4f9036', groupName: 'apexcorp-web-sg' },
      networkInterfaceId: ec2ResourceId('eni', rng),
      macAddress: `0e:${rng.hex(2)}:${rng.hex(2)}:${rng.hex(2)}:${rng.hex(2)}:${rng.hex(2)}`,
      launchTime: time,
      clientToken,
      coreCount: 1,
      threadsPerCore: 2,
      tags: [
        { key: 'aws:autoscaling:groupName', value: 'apexcorp-web-asg' },
        { key: 'aws:ec2launchtemplate:id', value: 'lt-0a8e3c5f1b7d92e46' },
      ],
    };
    return {
      accountId: cast.accountId,
      time,
      identity: assumedRoleIdentity(cast.roles.autoScaling, 'AutoScaling', {
        accessKeyId,
        session,
        invokedBy: 'autoscaling.amazonaws.com',
      }),
      eventSource: 'ec2.amazonaws.com',
      eventName: 'RunInstances',
      region,
      sourceIp: 'autoscaling.amazonaws.com',
      userAgent: 'autoscaling.amazonaws.com',
      requestParameters: {
        instancesSet: { items: [{ minCount: 1, maxCount: 1 }] },
        launchTemplate: { launchTemplateId: 'lt-0a8e3c5f1b7d92e46', version: '7' },
        subnetId: launch.subnetId,
        clientToken,
        tagSpecificationSet: {
          items: [{ resourceType: 'instance', tags: [{ key: 'aws:autoscaling:groupName', value: 'apexcorp-web-asg' }] }],
        },
      },
      responseElements: runInstancesResponse(requestId, `r-0${rng.hex(16)}`, cast.accountId, [launch]),
      requestId,
      readOnly: false,
      tlsHost: null,
    };
  },
};

const kmsKeyRotation: Activity = {
  name: 'KMS rotates key material',
  weight: 0.2,
  hours: 'any',
  build(context, time) {
    const { cast } = context;
    return {
      accountId: cast.accountId,
      time,
      identity: serviceEventIdentity(cast.accountId, 'AWS Internal'),
      eventSource: 'kms.amazonaws.com',
      eventName: 'RotateKey',
      region: context.primaryRegion,
      sourceIp: 'AWS Internal',
      userAgent: 'AWS Internal',
      requestParameters: null,
      responseElements: null,
      readOnly: false,
      resources: [{ accountId: cast.accountId, type: 'AWS::KMS::Key', ARN: kmsKeyArn(context) }],
      serviceEventDetails: { keyId: cast.kmsKeyId },
      eventType: 'AwsServiceEvent',
      requestId: null,
      tlsHost: null,
    };
  },
};

export const WORKLOAD_ACTIVITIES: readonly Activity[] = [
  lambdaDecrypt,
  lambdaSecret,
  taskSecret,
  taskParameters,
  taskCustomerRead,
  webAgentHeartbeat,
  configRecorder,
  serviceAssumeRole,
  autoScalingLaunch,
  kmsKeyRotation,
];
