import type { CloudTrailEvent } from '../records/cloudtrail.js';
import { assumedRoleIdentity, iamUserIdentity, rootIdentity } from '../records/cloudtrail.js';
import { awsUniqueId } from '../records/ids.js';
import { consoleLoginEvent, s3ListBucketsEvent } from '../records/shapes.js';
import { HOUR, isoSeconds, MINUTE } from '../records/time.js';
import type { Activity, ActivityContext } from './activity.js';
import { pickRegion, temporarySession } from './activity.js';
import type { HumanUser } from './identities.js';
import { TERRAFORM_USER_AGENT } from './identities.js';

/** Routine calls by people: console browsing, CLI look-ups, Terraform plans and SSO sessions. */

const S3_CONSOLE_USER_AGENT =
  '[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.681 Linux/5.10.215-181.850.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.402-b08 java/1.8.0_402 vendor/Oracle_Corporation cfg/retry-mode/standard]';

interface CallFields {
  eventSource: string;
  eventName: string;
  region: string;
  requestParameters: Record<string, unknown> | null;
  readOnly?: boolean;
  userAgent?: string;
}

function developers(context: ActivityContext): HumanUser[] {
  return context.cast.humans.filter((user) => !user.isAdmin);
}

/** Builds a call a person made from a console session, which uses temporary credentials. */
function consoleCall(context: ActivityContext, time: number, user: HumanUser, fields: CallFields): CloudTrailEvent {
  const { accessKeyId, session } = temporarySession(context, time, 240, true);
  return {
    accountId: context.cast.accountId,
    time,
    identity: iamUserIdentity(user, accessKeyId, session),
    eventSource: fields.eventSource,
    eventName: fields.eventName,
    region: fields.region,
    sourceIp: context.rng.pick(user.sourceIps),
    userAgent: fields.userAgent ?? user.browserUserAgent,
    requestParameters: fields.requestParameters,
    responseElements: null,
    readOnly: fields.readOnly ?? true,
    fromConsole: true,
  };
}

/** Builds a call a person made with the CLI and a long-term access key. */
function cliCall(context: ActivityContext, time: number, user: HumanUser, command: string, fields: CallFields): CloudTrailEvent {
  return {
    accountId: context.cast.accountId,
    time,
    identity: iamUserIdentity(user, user.accessKeyId),
    eventSource: fields.eventSource,
    eventName: fields.eventName,
    region: fields.region,
    sourceIp: context.rng.pick(user.sourceIps),
    userAgent: `${user.cliUserAgentPrefix} md/command#${command}`,
    requestParameters: fields.requestParameters,
    responseElements: null,
    readOnly: fields.readOnly ?? true,
  };
}

const consoleSignIn: Activity = {
  name: 'console sign-in',
  weight: 3,
  hours: 'office',
  build(context, time) {
    const user = context.rng.pick(context.cast.humans);
    return consoleLoginEvent({
      accountId: context.cast.accountId,
      time,
      user,
      sourceIp: context.rng.pick(user.sourceIps),
      userAgent: user.browserUserAgent,
      success: true,
      mfaUsed: true,
    });
  },
};

const consoleDescribeInstances: Activity = {
  name: 'console EC2 instance list',
  weight: 6,
  hours: 'office',
  build(context, time) {
    return consoleCall(context, time, context.rng.pick(context.cast.humans), {
      eventSource: 'ec2.amazonaws.com',
      eventName: 'DescribeInstances',
      region: pickRegion(context, 0.2),
      requestParameters: { maxResults: 1000, instancesSet: {}, filterSet: {} },
    });
  },
};

const consoleListBuckets: Activity = {
  name: 'console S3 bucket list',
  weight: 4,
  hours: 'office',
  build(context, time) {
    const user = context.rng.pick(context.cast.humans);
    const { accessKeyId, session } = temporarySession(context, time, 240, true);
    const event = s3ListBucketsEvent(
      {
        accountId: context.cast.accountId,
        time,
        identity: iamUserIdentity(user, accessKeyId, session),
        region: context.primaryRegion,
        sourceIp: context.rng.pick(user.sourceIps),
        userAgent: S3_CONSOLE_USER_AGENT,
      },
      context.rng,
    );
    return { ...event, fromConsole: true };
  },
};

const consoleMetrics: Activity = {
  name: 'console CloudWatch graph',
  weight: 5,
  hours: 'office',
  build(context, time) {
    const service = context.rng.pick(['apexcorp-api', 'apexcorp-worker']);
    const metricName = context.rng.pick(['CPUUtilization', 'MemoryUtilization']);
    return consoleCall(context, time, context.rng.pick(context.cast.humans), {
      eventSource: 'monitoring.amazonaws.com',
      eventName: 'GetMetricData',
      region: context.primaryRegion,
      requestParameters: {
        metricDataQueries: [
          {
            id: 'm1',
            metricStat: {
              metric: {
                namespace: 'AWS/ECS',
                metricName,
                dimensions: [
                  { name: 'ClusterName', value: 'apexcorp-prod' },
                  { name: 'ServiceName', value: service },
                ],
              },
              period: 300,
              stat: 'Average',
            },
            returnData: true,
          },
        ],
        startTime: isoSeconds(time - 3 * HOUR),
        endTime: isoSeconds(time),
      },
    });
  },
};

const cliFilterLogEvents: Activity = {
  name: 'CLI log search',
  weight: 5,
  hours: 'office',
  build(context, time) {
    const user = context.rng.pick(developers(context));
    const logGroup = context.rng.pick(['/aws/lambda/order-processor', '/aws/lambda/report-builder', '/ecs/apexcorp-api']);
    return cliCall(context, time, user, 'logs.filter-log-events', {
      eventSource: 'logs.amazonaws.com',
      eventName: 'FilterLogEvents',
      region: context.primaryRegion,
      requestParameters: {
        logGroupName: logGroup,
        startTime: time - context.rng.int(1, 12) * HOUR,
        filterPattern: context.rng.pick(['ERROR', '"Task timed out"', 'WARN']),
        interleaved: true,
      },
    });
  },
};

const cliGetParameter: Activity = {
  name: 'CLI SSM parameter read',
  weight: 3,
  hours: 'office',
  build(context, time) {
    const user = context.rng.pick(developers(context));
    const name = context.rng.pick(['/apexcorp/prod/api/feature-flags', '/apexcorp/prod/worker/batch-size', '/apexcorp/prod/api/log-level']);
    return cliCall(context, time, user, 'ssm.get-parameter', {
      eventSource: 'ssm.amazonaws.com',
      eventName: 'GetParameter',
      region: context.primaryRegion,
      requestParameters: { name, withDecryption: false },
    });
  },
};

const adminIamReview: Activity = {
  name: 'admin IAM console review',
  weight: 3,
  hours: 'office',
  build(context, time) {
    const subject = context.rng.pick(context.cast.humans).userName;
    const call = context.rng.pick([
      { eventName: 'ListUsers', requestParameters: null },
      { eventName: 'GetUser', requestParameters: { userName: subject } },
      { eventName: 'ListAccessKeys', requestParameters: { userName: subject } },
      { eventName: 'ListAttachedUserPolicies', requestParameters: { userName: subject } },
    ]);
    return consoleCall(context, time, context.cast.admin, {
      eventSource: 'iam.amazonaws.com',
      eventName: call.eventName,
      region: 'us-east-1',
      requestParameters: call.requestParameters,
    });
  },
};

const consoleListFunctions: Activity = {
  name: 'console Lambda function list',
  weight: 3,
  hours: 'office',
  build(context, time) {
    return consoleCall(context, time, context.rng.pick(context.cast.humans), {
      eventSource: 'lambda.amazonaws.com',
      eventName: 'ListFunctions20150331',
      region: context.primaryRegion,
      requestParameters: { maxItems: 50 },
    });
  },
};

const consoleDescribeServices: Activity = {
  name: 'console ECS service view',
  weight: 3,
  hours: 'office',
  build(context, time) {
    return consoleCall(context, time, context.rng.pick(context.cast.humans), {
      eventSource: 'ecs.amazonaws.com',
      eventName: 'DescribeServices',
      region: context.primaryRegion,
      requestParameters: {
        cluster: 'apexcorp-prod',
        services: [context.rng.pick(['apexcorp-api', 'apexcorp-worker'])],
        include: ['TAGS'],
      },
    });
  },
};

const terraformPlan: Activity = {
  name: 'Terraform plan by the admin',
  weight: 4,
  hours: 'office',
  build(context, time) {
    const { cast, rng } = context;
    const call = rng.pick([
      {
        eventSource: 'ec2.amazonaws.com',
        eventName: 'DescribeSecurityGroups',
        region: context.primaryRegion,
        requestParameters: { securityGroupSet: {}, securityGroupIdSet: {}, filterSet: { items: [{ name: 'vpc-id', valueSet: { items: [{ value: cast.vpcId }] } }] } },
      },
      {
        eventSource: 'iam.amazonaws.com',
        eventName: 'GetRole',
        region: 'us-east-1',
        requestParameters: {
          roleName: rng.pick([cast.roles.orderProcessorLambda, cast.roles.reportBuilderLambda, cast.roles.apiTask, cast.roles.webInstance]).roleName,
        },
      },
      {
        eventSource: 'lambda.amazonaws.com',
        eventName: 'GetFunction20150331v2',
        region: context.primaryRegion,
        requestParameters: { functionName: rng.pick(['order-processor', 'report-builder']) },
      },
    ]);
    return {
      accountId: cast.accountId,
      time,
      identity: iamUserIdentity(cast.admin, cast.admin.accessKeyId),
      ...call,
      sourceIp: rng.pick(cast.admin.sourceIps),
      userAgent: TERRAFORM_USER_AGENT,
      responseElements: null,
      readOnly: true,
    };
  },
};

const consoleLookupEvents: Activity = {
  name: 'console CloudTrail event history',
  weight: 2,
  hours: 'office',
  build(context, time) {
    return consoleCall(context, time, context.cast.admin, {
      eventSource: 'cloudtrail.amazonaws.com',
      eventName: 'LookupEvents',
      region: context.primaryRegion,
      requestParameters: { maxResults: 50 },
    });
  },
};

const ssoAdminConsole: Activity = {
  name: 'SSO administrator console session',
  weight: 3,
  hours: 'office',
  build(context, time) {
    const { cast, rng } = context;
    const sessionName = rng.pick(cast.ssoSessionNames);
    const { accessKeyId, session } = temporarySession(context, time, 480, false);
    const call = rng.pick([
      { eventSource: 'iam.amazonaws.com', eventName: 'ListRoles', region: 'us-east-1', requestParameters: null },
      { eventSource: 'ec2.amazonaws.com', eventName: 'DescribeVpcs', region: pickRegion(context, 0.3), requestParameters: { vpcSet: {}, filterSet: {} } },
      {
        eventSource: 'guardduty.amazonaws.com',
        eventName: 'ListDetectors',
        region: context.primaryRegion,
        requestParameters: null,
      },
    ]);
    return {
      accountId: cast.accountId,
      time,
      identity: assumedRoleIdentity(cast.roles.ssoAdmin, sessionName, { accessKeyId, session }),
      ...call,
      sourceIp: rng.pick(cast.admin.sourceIps),
      userAgent: rng.pick(cast.humans).browserUserAgent,
      responseElements: null,
      readOnly: true,
      fromConsole: true,
    };
  },
};

const rootBillingCheck: Activity = {
  name: 'root user billing check',
  weight: 0.4,
  hours: 'office',
  build(context, time) {
    const { cast, rng } = context;
    const day = new Date(time);
    const monthStart = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1);
    return {
      accountId: cast.accountId,
      time,
      identity: rootIdentity(cast.accountId, awsUniqueId('ASIA', cast.accountId, rng), {
        creationDate: isoSeconds(time - rng.int(2, 20) * MINUTE),
        mfaAuthenticated: true,
      }),
      eventSource: 'ce.amazonaws.com',
      eventName: 'GetCostAndUsage',
      region: 'us-east-1',
      sourceIp: rng.pick(cast.admin.sourceIps),
      userAgent: cast.admin.browserUserAgent,
      requestParameters: {
        timePeriod: { start: isoSeconds(monthStart).slice(0, 10), end: isoSeconds(time).slice(0, 10) },
        granularity: 'DAILY',
        metrics: ['UnblendedCost'],
      },
      responseElements: null,
      readOnly: true,
      fromConsole: true,
    };
  },
};

export const HUMAN_ACTIVITIES: readonly Activity[] = [
  consoleSignIn,
  consoleDescribeInstances,
  consoleListBuckets,
  consoleMetrics,
  cliFilterLogEvents,
  cliGetParameter,
  adminIamReview,
  consoleListFunctions,
  consoleDescribeServices,
  terraformPlan,
  consoleLookupEvents,
  ssoAdminConsole,
  rootBillingCheck,
];
