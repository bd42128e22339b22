import { createHash } from 'node:crypto';
import type { CallOutcome } from '../../account/api-call.js';
import { eventSourceOf } from '../../account/action-params.js';
import type { AccountState } from '../../account/state.js';
import { buildFinding } from '../../scenario/records/guardduty.js';
import type { Finding } from '../../../shared/model.js';
import { GLOBAL_REGION } from '../calls.js';
import type { Technique } from '../technique.js';
import { FINDING_TYPES, type FindingSubject } from './finding-types.js';
import { dueAfter, MINER_FIRST_QUERY_SECONDS } from './latency.js';
import { asnSummary, DEFAULT_TOR_EXIT_IPS, remoteIpDetails } from './remote-host.js';
import { findingSignals, MINING_POOL_DOMAIN, type Signal } from './rules.js';

export interface DetectionContext {
  accountId: string;
  /** Region of the detector; only calls made in it count, IAM and STS calls as us-east-1. */
  region: string;
  detectorId: string;
  sourceIpAddress: string;
  userAgent: string;
  /** Scenario time of the move (ISO 8601, UTC). */
  at: string;
  /** Seeds the finding ids, so the same move in the same team gets the same ids. */
  idSeed: string;
  /** Addresses on GuardDuty's Tor exit node list; defaults to the scenario attacker's exit node. */
  knownTorIps?: string[];
  /**
   * Access key the move signed with. NOTE: when left out it is read from the calls' CloudTrail
   * records, which a stopped trail does not write, so pass it.
   */
  accessKeyId?: string;
}

export interface DetectionInput {
  technique: Technique;
  outcomes: readonly CallOutcome[];
  /** The team's copy of the account after the move. */
  state: AccountState;
  context: DetectionContext;
}

export interface DueFinding {
  finding: Finding;
  /** Scenario time at which GuardDuty publishes the finding. */
  dueAt: string;
}

interface Caller {
  accessKeyId: string;
  principalId: string;
  userName: string;
}

function recordIdentity(outcomes: readonly CallOutcome[]): Record<string, unknown> | undefined {
  for (const outcome of outcomes) {
    const identity = outcome.record?.userIdentity;
    if (typeof identity === 'object' && identity !== null) return identity as Record<string, unknown>;
  }
  return undefined;
}

function callerOf(input: DetectionInput): Caller {
  const identity = recordIdentity(input.outcomes);
  const accessKeyId = input.context.accessKeyId ?? (typeof identity?.accessKeyId === 'string' ? identity.accessKeyId : '');
  const userName = input.state.accessKeys[accessKeyId]?.userName ?? (typeof identity?.userName === 'string' ? identity.userName : 'unknown');
  const principalId = input.state.users[userName]?.userId ?? (typeof identity?.principalId === 'string' ? identity.principalId : '');
  return { accessKeyId, principalId, userName };
}

/** Return the region CloudTrail records a call in: us-east-1 for the global services IAM and STS. */
function recordRegion(outcome: CallOutcome): string {
  const global = outcome.call.service === 'iam' || outcome.call.service === 'sts';
  return global ? GLOBAL_REGION : outcome.call.region;
}

function detectorActive(state: AccountState, context: DetectionContext): boolean {
  const detector = state.detectors[context.detectorId] ?? Object.values(state.detectors).find((item) => item.detectorId === context.detectorId);
  return detector !== undefined && detector.exists && detector.status === 'ENABLED' && detector.region === context.region;
}

function findingId(seed: string, region: string, signal: Signal): string {
  const key = [seed, region, signal.type, signal.bucket ?? '', signal.instanceId ?? ''].join('\n');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

function eventTimes(outcomes: readonly CallOutcome[], at: string): number[] {
  const times = outcomes.map((outcome) => Date.parse(outcome.record?.eventTime ?? at)).filter((time) => !Number.isNaN(time));
  return times.length > 0 ? times : [Date.parse(at)];
}

function uniqueApis(outcomes: readonly CallOutcome[]): string[] {
  return [...new Set(outcomes.map((outcome) => outcome.call.action))];
}

/** Summarize the calls as the anomaly model does, in the shape of the pack's AdditionalInfo values. */
function anomalyInfo(outcomes: readonly CallOutcome[], context: DetectionContext): Record<string, unknown> {
  const bySource = new Map<string, string[]>();
  for (const outcome of outcomes) {
    const source = eventSourceOf(outcome.call.service);
    const entry = `${outcome.call.action}:${outcome.ok ? 'success' : 'failure'}`;
    const entries = bySource.get(source) ?? [];
    if (!entries.includes(entry)) entries.push(entry);
    bySource.set(source, entries);
  }
  const anomalousAPIs = [...bySource].map(([source, entries]) => `${source}:[${entries.join(' , ')}]`).join(' , ');
  const unusualBehavior: Record<string, string> = {};
  const asn = asnSummary(context.sourceIpAddress);
  if (asn !== undefined) unusualBehavior.unusualASNsUserIdentityProfiling = asn;
  unusualBehavior.unusualUserAgentsUserIdentityProfiling = context.userAgent;
  unusualBehavior.isUnusualUserIdentity = 'false';
  return { anomalies: { anomalousAPIs }, unusualBehavior };
}

function apiCallAction(signal: Signal, context: DetectionContext): Record<string, unknown> {
  const first = signal.outcomes[0];
  return {
    ActionType: 'AWS_API_CALL',
    AwsApiCallAction: {
      AffectedResources: signal.bucket === undefined ? {} : { 'AWS::S3::Bucket': signal.bucket },
      Api: first?.call.action ?? '',
      CallerType: 'Remote IP',
      RemoteIpDetails: remoteIpDetails(context.sourceIpAddress),
      ServiceName: first === undefined ? '' : eventSourceOf(first.call.service),
    },
  };
}

function accessKeyDetails(caller: Caller): Record<string, unknown> {
  return { AccessKeyId: caller.accessKeyId, PrincipalId: caller.principalId, UserName: caller.userName, UserType: 'IAMUser' };
}

function instanceDetails(state: AccountState, instanceId: string, accountId: string): Record<string, unknown> {
  const instance = state.instances[instanceId];
  if (instance === undefined) return { InstanceId: instanceId };
  const details: Record<string, unknown> = {
    AvailabilityZone: `${instance.region}a`,
    ImageId: instance.imageId,
    InstanceId: instance.instanceId,
    InstanceState: instance.state,
    InstanceType: instance.instanceType,
    LaunchTime: new Date(Date.parse(instance.launchTime)).toISOString(),
    ProductCodes: [],
    Tags: instance.tags.map((tag) => ({ Key: tag.key, Value: tag.value })),
  };
  if (instance.roleName !== null) details.IamInstanceProfile = { Arn: `arn:aws:iam::${accountId}:instance-profile/${instance.roleName}` };
  return details;
}

function resourceOf(signal: Signal, input: DetectionInput, caller: Caller): Record<string, unknown> {
  const spec = FINDING_TYPES[signal.type];
  if (spec?.resourceType === 'Instance' && signal.instanceId !== undefined) {
    return { InstanceDetails: instanceDetails(input.state, signal.instanceId, input.context.accountId), ResourceType: 'Instance' };
  }
  if (spec?.resourceType === 'S3Bucket' && signal.bucket !== undefined) {
    return {
      AccessKeyDetails: accessKeyDetails(caller),
      S3BucketDetails: [{ Arn: `arn:aws:s3:::${signal.bucket}`, Name: signal.bucket, Type: 'Destination' }],
      ResourceType: 'S3Bucket',
    };
  }
  return { AccessKeyDetails: accessKeyDetails(caller), ResourceType: 'AccessKey' };
}

function toFinding(signal: Signal, input: DetectionInput, caller: Caller): DueFinding | undefined {
  const spec = FINDING_TYPES[signal.type];
  if (spec === undefined) return undefined;

  const { context } = input;
  const dueAt = dueAfter(context.at, spec.latency);
  const times = eventTimes(signal.outcomes, context.at);
  const mining = spec.resourceType === 'Instance';
  const subject: FindingSubject = {
    userName: caller.userName,
    sourceIp: context.sourceIpAddress,
    apis: uniqueApis(signal.outcomes),
    count: signal.outcomes.length,
    bucket: signal.bucket,
    instanceId: signal.instanceId,
    userAgent: context.userAgent,
  };
  const anomalous = signal.type.endsWith('/AnomalousBehavior');
  const dueTime = Date.parse(dueAt);
  const minerQueryTime = Date.parse(context.at) + MINER_FIRST_QUERY_SECONDS * 1_000;

  const finding = buildFinding({
    accountId: context.accountId,
    region: context.region,
    detectorId: context.detectorId,
    id: findingId(context.idSeed, context.region, signal),
    type: signal.type,
    severity: spec.severity,
    title: spec.title(subject),
    description: spec.description(subject),
    resource: resourceOf(signal, input, caller),
    action: mining ? { ActionType: 'DNS_REQUEST', DnsRequestAction: { Domain: MINING_POOL_DOMAIN, Protocol: 'UDP', Blocked: false } } : apiCallAction(signal, context),
    resourceRole: mining ? 'ACTOR' : 'TARGET',
    count: mining ? 1 : signal.outcomes.length,
    // The miner's first DNS query comes some minutes after the launch, not at it.
    firstSeen: mining ? minerQueryTime : Math.min(...times),
    lastSeen: mining ? minerQueryTime : Math.max(...times),
    createdAt: dueTime,
    updatedAt: dueTime,
    additionalInfo: anomalous ? anomalyInfo(signal.outcomes, context) : undefined,
  });
  return { finding: finding as Finding, dueAt };
}

/**
 * Work out the findings one move raises in every region of one team's account that has an enabled
 * detector, so a move in a second region (miners in eu-west-1, say) reaches that region's detector.
 */
export function detectFindingsInAccount(input: Omit<DetectionInput, 'context'> & { context: Omit<DetectionContext, 'region' | 'detectorId'> }): DueFinding[] {
  const detectors = Object.values(input.state.detectors)
    .filter((detector) => detector.exists && detector.status === 'ENABLED')
    .sort((a, b) => a.region.localeCompare(b.region));
  return detectors.flatMap((detector) => detectFindings({ ...input, context: { ...input.context, region: detector.region, detectorId: detector.detectorId } }));
}

/**
 * Work out the GuardDuty findings one move raises in one region of one team's account, each with
 * the scenario time it appears. Nothing is raised unless the context's detector exists and is
 * enabled in `state` (after the move), so suspending or deleting it blinds that region. Finding
 * ids derive from `idSeed`, so running detection again gives the same findings. Throws a
 * RangeError when `context.at` is not a time.
 */
export function detectFindings(input: DetectionInput): DueFinding[] {
  if (Number.isNaN(Date.parse(input.context.at))) {
    throw new RangeError(`Invalid detection time ${JSON.stringify(input.context.at)}: expected an ISO 8601 time such as 2026-05-08T02:10:00Z.`);
  }
  if (!detectorActive(input.state, input.context)) return [];
  const outcomes = input.outcomes.filter((outcome) => recordRegion(outcome) === input.context.region);
  if (outcomes.length === 0) return [];

  const caller = callerOf(input);
  const signals = findingSignals({
    technique: input.technique,
    outcomes,
    sourceIpAddress: input.context.sourceIpAddress,
    userAgent: input.context.userAgent,
    torIps: input.context.knownTorIps ?? DEFAULT_TOR_EXIT_IPS,
  });
  return signals.flatMap((signal) => toFinding(signal, input, caller) ?? []);
}
