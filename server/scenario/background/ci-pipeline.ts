import type { CloudTrailEvent } from '../records/cloudtrail.js';
import { iamUserIdentity, roleArn } from '../records/cloudtrail.js';
import { base64Text, uuid } from '../records/ids.js';
import type { Random } from '../records/prng.js';
import { s3ObjectEvent } from '../records/shapes.js';
import { HOUR, longDateTime, MINUTE, SECOND } from '../records/time.js';
import type { ActivityContext } from './activity.js';
import { addressIn } from './activity.js';
import { CI_CLI_USER_AGENT_PREFIX } from './identities.js';

/**
 * The deploy pipeline that runs as the IAM user dev-deploy. Each run logs in to ECR, uploads a
 * build artifact, checks the CloudFormation stack, rolls the ECS service and updates the Lambda
 * function, in that order, from a runner in 10.10.14.0/24 through VPC endpoints.
 */

export const STEPS_PER_RUN = 5;

/** Maximum time from the first to the last step of a run, used to keep runs inside the window. */
const MAX_RUN_SPAN = 10 * MINUTE;

/** Daytime runs start at 13:10 UTC and repeat every 55 minutes until 22:10 UTC. */
const DAYTIME_FIRST_RUN = 13 * HOUR + 10 * MINUTE;
const DAYTIME_INTERVAL = 55 * MINUTE;
const DAYTIME_RUNS_PER_DAY = 10;
/** The nightly release build starts at 02:00 UTC. */
const NIGHTLY_RUN = 2 * HOUR;

export interface CiRun {
  start: number;
  nightly: boolean;
  /** Build number shown in artifact keys and task definition revisions. */
  build: number;
}

const DAY = 24 * HOUR;

/** Lists the pipeline runs that fit inside the window, in time order. */
export function planCiRuns(windowStart: number, windowEnd: number, rng: Random): CiRun[] {
  const starts: { start: number; nightly: boolean }[] = [];
  for (let day = Math.floor(windowStart / DAY) * DAY; day <= windowEnd; day += DAY) {
    starts.push({ start: day + NIGHTLY_RUN + rng.int(0, 180) * SECOND, nightly: true });
    for (let i = 0; i < DAYTIME_RUNS_PER_DAY; i++) {
      const jitter = rng.int(-240, 240) * SECOND;
      starts.push({ start: day + DAYTIME_FIRST_RUN + i * DAYTIME_INTERVAL + jitter, nightly: false });
    }
  }
  const inside = starts.filter((run) => run.start >= windowStart && run.start + MAX_RUN_SPAN <= windowEnd);
  inside.sort((a, b) => a.start - b.start);
  return inside.map((run, index) => ({ ...run, build: 4810 + index }));
}

/**
 * Chooses runs for a budget of events. Nightly runs come first because the scenario relies on
 * the nightly build as ordinary dev-deploy traffic. Daytime runs are then spread evenly. The
 * last chosen run is cut short when the budget is not a multiple of STEPS_PER_RUN.
 */
export function selectCiRuns(runs: readonly CiRun[], budget: number): { run: CiRun; steps: number }[] {
  const runCount = Math.min(runs.length, Math.ceil(budget / STEPS_PER_RUN));
  if (runCount === 0) {
    return [];
  }
  const nightly = runs.filter((run) => run.nightly).slice(0, runCount);
  const daytime = runs.filter((run) => !run.nightly);
  const daytimeCount = runCount - nightly.length;
  const chosenDaytime: CiRun[] = [];
  for (let i = 0; i < daytimeCount; i++) {
    const index = daytimeCount === 1 ? 0 : Math.round((i * (daytime.length - 1)) / (daytimeCount - 1));
    const run = daytime[index];
    if (run !== undefined) {
      chosenDaytime.push(run);
    }
  }
  const chosen = [...nightly, ...chosenDaytime].sort((a, b) => a.start - b.start);
  const capacity = chosen.length * STEPS_PER_RUN;
  const shortfall = Math.max(0, capacity - budget);
  return chosen.map((run, index) => ({
    run,
    steps: index === chosen.length - 1 ? STEPS_PER_RUN - shortfall : STEPS_PER_RUN,
  }));
}

/** Formats a time as Lambda writes lastModified: `2026-05-07T14:07:31.000+0000`. */
function lambdaTimestamp(time: number): string {
  return new Date(time).toISOString().replace('Z', '+0000');
}

/** Builds the first `steps` events of a pipeline run. */
export function buildCiRunEvents(context: ActivityContext, run: CiRun, steps: number): CloudTrailEvent[] {
  const { cast, rng } = context;
  const region = context.primaryRegion;
  const runner = addressIn(context, cast.ci.subnetPrefix, 11, 42);
  const identity = iamUserIdentity(cast.ci, cast.ci.accessKeyId);
  const base = { accountId: cast.accountId, identity, region, sourceIp: runner };
  const userAgent = (command: string): string => `${CI_CLI_USER_AGENT_PREFIX} md/command#${command}`;
  const revision = 400 + (run.build - 4810);

  const loginAt = run.start;
  const uploadAt = loginAt + rng.int(150, 420) * SECOND;
  const stackAt = uploadAt + rng.int(15, 40) * SECOND;
  const serviceAt = stackAt + rng.int(10, 30) * SECOND;
  const functionAt = serviceAt + rng.int(20, 60) * SECOND;

  const events: CloudTrailEvent[] = [];

  events.push({
    ...base,
    time: loginAt,
    eventSource: 'ecr.amazonaws.com',
    eventName: 'GetAuthorizationToken',
    userAgent: userAgent('ecr.get-login-password'),
    requestParameters: null,
    responseElements: null,
    readOnly: true,
    vpcEndpointId: cast.vpcEndpoints.ecr,
  });

  events.push(
    s3ObjectEvent(
      {
        ...base,
        time: uploadAt,
        userAgent: userAgent('s3.cp'),
        vpcEndpointId: cast.vpcEndpoints.s3,
        eventName: 'PutObject',
        bucket: cast.buckets.artifacts,
        key: `builds/apexcorp-api/${run.build}/release.zip`,
        bytes: rng.int(4_000_000, 38_000_000),
      },
      rng,
    ),
  );

  events.push({
    ...base,
    time: stackAt,
    eventSource: 'cloudformation.amazonaws.com',
    eventName: 'DescribeStacks',
    userAgent: userAgent('cloudformation.describe-stacks'),
    requestParameters: { stackName: 'apexcorp-api-prod' },
    responseElements: null,
    readOnly: true,
    vpcEndpointId: cast.vpcEndpoints.cloudformation,
  });

  const serviceArn = `arn:aws:ecs:${region}:${cast.accountId}:service/apexcorp-prod/apexcorp-api`;
  const taskDefinition = `arn:aws:ecs:${region}:${cast.accountId}:task-definition/apexcorp-api:${revision}`;
  const deploymentId = `ecs-svc/${rng.int(1_000_000_000, 9_999_999_999)}${rng.int(100_000_000, 999_999_999)}`;
  events.push({
    ...base,
    time: serviceAt,
    eventSource: 'ecs.amazonaws.com',
    eventName: 'UpdateService',
    userAgent: userAgent('ecs.update-service'),
    requestParameters: {
      cluster: 'apexcorp-prod',
      service: 'apexcorp-api',
      taskDefinition: `apexcorp-api:${revision}`,
      forceNewDeployment: false,
    },
    responseElements: {
      service: {
        serviceArn,
        serviceName: 'apexcorp-api',
        clusterArn: `arn:aws:ecs:${region}:${cast.accountId}:cluster/apexcorp-prod`,
        status: 'ACTIVE',
        desiredCount: 4,
        runningCount: 4,
        pendingCount: 0,
        launchType: 'FARGATE',
        platformVersion: 'LATEST',
        platformFamily: 'Linux',
        taskDefinition,
        deployments: [
          {
            id: deploymentId,
            status: 'PRIMARY',
            taskDefinition,
            desiredCount: 0,
            pendingCount: 0,
            runningCount: 0,
            failedTasks: 0,
            createdAt: longDateTime(serviceAt),
            updatedAt: longDateTime(serviceAt),
            launchType: 'FARGATE',
            rolloutState: 'IN_PROGRESS',
          },
        ],
        schedulingStrategy: 'REPLICA',
        enableECSManagedTags: true,
        propagateTags: 'NONE',
        enableExecuteCommand: false,
      },
    },
    readOnly: false,
    vpcEndpointId: cast.vpcEndpoints.ecs,
  });

  const functionRole = cast.roles.orderProcessorLambda;
  events.push({
    ...base,
    time: functionAt,
    eventSource: 'lambda.amazonaws.com',
    eventName: 'UpdateFunctionCode20150331v2',
    userAgent: userAgent('lambda.update-function-code'),
    requestParameters: {
      functionName: 'order-processor',
      s3Bucket: cast.buckets.artifacts,
      s3Key: `builds/order-processor/${run.build}/function.zip`,
      publish: true,
      dryRun: false,
    },
    responseElements: {
      functionName: 'order-processor',
      functionArn: `arn:aws:lambda:${region}:${cast.accountId}:function:order-processor:${revision - 340}`,
      runtime: 'python3.12',
      role: roleArn(functionRole),
      handler: 'app.handler',
      codeSize: rng.int(2_100_000, 2_400_000),
      description: '',
      timeout: 30,
      memorySize: 512,
      lastModified: lambdaTimestamp(functionAt),
      codeSha256: `${base64Text(rng, 43)}=`,
      version: String(revision - 340),
      tracingConfig: { mode: 'PassThrough' },
      revisionId: uuid(rng),
      state: 'Active',
      lastUpdateStatus: 'InProgress',
      lastUpdateStatusReasonCode: 'Creating',
      packageType: 'Zip',
      architectures: ['x86_64'],
      ephemeralStorage: { size: 512 },
      snapStart: { applyOn: 'None', optimizationStatus: 'Off' },
    },
    readOnly: false,
    vpcEndpointId: cast.vpcEndpoints.lambda,
  });

  return events.slice(0, steps);
}
