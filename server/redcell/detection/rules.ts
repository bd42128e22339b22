import type { CallOutcome } from '../../account/api-call.js';
import { grantsAnonymousAccess, launchedInstanceIds } from '../calls.js';
import type { Technique } from '../technique.js';

/** One finding to raise: its type, the calls it summarizes and the resource it is about. */
export interface Signal {
  type: string;
  outcomes: CallOutcome[];
  bucket?: string;
  instanceId?: string;
}

export interface RuleInput {
  technique: Technique;
  /** Outcomes of the calls made in the detector's region, global calls counting as us-east-1. */
  outcomes: readonly CallOutcome[];
  sourceIpAddress: string;
  userAgent: string;
  torIps: readonly string[];
}

// API calls each AnomalousBehavior type watches: the attack stage GuardDuty files each API under,
// for the actions the simulated account supports. A model, so the lists are not exhaustive.
const ANOMALY_ACTIONS: Record<string, readonly string[]> = {
  'Discovery:IAMUser/AnomalousBehavior': [
    'GetUser', 'ListUsers', 'ListRoles', 'ListPolicies', 'ListAccessKeys', 'ListAttachedUserPolicies', 'ListUserPolicies', 'ListGroupsForUser',
    'GetAccountAuthorizationDetails', 'ListBuckets', 'GetBucketPolicy', 'GetPublicAccessBlock', 'DescribeInstances', 'DescribeSecurityGroups',
    'DescribeSnapshots', 'DescribeTrails', 'GetTrailStatus', 'ListDetectors', 'GetDetector',
  ],
  'Persistence:IAMUser/AnomalousBehavior': ['CreateAccessKey', 'CreateUser', 'CreateLoginProfile', 'UpdateLoginProfile', 'UpdateAssumeRolePolicy'],
  'PrivilegeEscalation:IAMUser/AnomalousBehavior': ['AttachUserPolicy', 'PutUserPolicy', 'AddUserToGroup', 'CreatePolicyVersion', 'SetDefaultPolicyVersion', 'AttachRolePolicy', 'PutRolePolicy'],
  // Suspending or deleting a detector is left out: the detector that would report it is the one turned off.
  'DefenseEvasion:IAMUser/AnomalousBehavior': ['PutEventSelectors'],
  'Exfiltration:IAMUser/AnomalousBehavior': ['ModifySnapshotAttribute', 'CreateSnapshot'],
  'Impact:IAMUser/AnomalousBehavior': ['TerminateInstances'],
};

/**
 * Denied discovery calls that raise Discovery:IAMUser/AnomalousBehavior without any success.
 * GuardDuty's model scores denied calls too, and a burst of AccessDenied errors is how enumeration
 * with a weak key looks. An estimate, not a documented number.
 */
export const DENIED_DISCOVERY_MIN_CALLS = 5;

/** GetObject calls on one bucket from which Exfiltration:S3/AnomalousBehavior is raised; an estimate. */
export const EXFILTRATION_MIN_OBJECTS = 10;

/** User agent fragments of penetration testing distributions, with the finding each raises. */
const PENTEST_AGENTS: readonly [RegExp, string][] = [
  [/kali/i, 'PenTest:IAMUser/KaliLinux'],
  [/parrot/i, 'PenTest:IAMUser/ParrotLinux'],
  [/pentoo/i, 'PenTest:IAMUser/PentooLinux'],
];

/** Mining pool the launched miners look up. */
export const MINING_POOL_DOMAIN = 'pool.supportxmr.com';

function isDenied(outcome: CallOutcome): boolean {
  return !outcome.ok && outcome.errorCode !== null && /AccessDenied|UnauthorizedOperation/.test(outcome.errorCode);
}

function bucketOf(outcome: CallOutcome): string | undefined {
  const name = outcome.call.params.bucketName;
  return typeof name === 'string' ? name : undefined;
}

function groupByBucket(outcomes: readonly CallOutcome[]): Map<string, CallOutcome[]> {
  const groups = new Map<string, CallOutcome[]>();
  for (const outcome of outcomes) {
    const bucket = bucketOf(outcome);
    if (bucket === undefined) continue;
    groups.set(bucket, [...(groups.get(bucket) ?? []), outcome]);
  }
  return groups;
}

function torSignals(input: RuleInput, ok: CallOutcome[]): Signal[] {
  if (!input.torIps.includes(input.sourceIpAddress)) return [];
  const signals: Signal[] = [];
  const bucketCalls = ok.filter((outcome) => outcome.call.service === 's3' && bucketOf(outcome) !== undefined);
  const otherCalls = ok.filter((outcome) => !bucketCalls.includes(outcome));
  if (otherCalls.length > 0) signals.push({ type: 'UnauthorizedAccess:IAMUser/TorIPCaller', outcomes: otherCalls });
  for (const [bucket, calls] of groupByBucket(bucketCalls)) signals.push({ type: 'UnauthorizedAccess:S3/TorIPCaller', outcomes: calls, bucket });
  return signals;
}

function anomalySignals(input: RuleInput, ok: CallOutcome[]): Signal[] {
  const signals: Signal[] = [];
  for (const [type, actions] of Object.entries(ANOMALY_ACTIONS)) {
    const matching = ok.filter((outcome) => actions.includes(outcome.call.action));
    if (type === 'Discovery:IAMUser/AnomalousBehavior') {
      const denied = input.outcomes.filter((outcome) => isDenied(outcome) && actions.includes(outcome.call.action));
      if (matching.length > 0 || denied.length >= DENIED_DISCOVERY_MIN_CALLS) signals.push({ type, outcomes: [...matching, ...denied] });
      continue;
    }
    if (type === 'PrivilegeEscalation:IAMUser/AnomalousBehavior') {
      // Launching with an instance profile passes a role to EC2, which GuardDuty scores as escalation.
      matching.push(...ok.filter((outcome) => outcome.call.action === 'RunInstances' && outcome.call.params.iamInstanceProfile !== undefined));
    }
    if (matching.length > 0) signals.push({ type, outcomes: matching });
  }
  return signals;
}

function s3Signals(ok: CallOutcome[]): Signal[] {
  const signals: Signal[] = [];
  for (const [bucket, calls] of groupByBucket(ok)) {
    const reads = calls.filter((outcome) => outcome.call.action === 'GetObject');
    if (reads.length >= EXFILTRATION_MIN_OBJECTS) signals.push({ type: 'Exfiltration:S3/AnomalousBehavior', outcomes: reads, bucket });

    const listings = calls.filter((outcome) => outcome.call.action === 'ListObjects');
    if (listings.length > 0) signals.push({ type: 'Discovery:S3/AnomalousBehavior', outcomes: listings, bucket });

    const unblocked = calls.filter(
      (outcome) =>
        outcome.call.action === 'DeletePublicAccessBlock' ||
        (outcome.call.action === 'PutPublicAccessBlock' && ['blockPublicAcls', 'ignorePublicAcls', 'blockPublicPolicy', 'restrictPublicBuckets'].every((flag) => outcome.call.params[flag] === false)),
    );
    if (unblocked.length > 0) signals.push({ type: 'Policy:S3/BucketBlockPublicAccessDisabled', outcomes: unblocked, bucket });

    const opened = calls.filter((outcome) => outcome.call.action === 'PutBucketPolicy' && grantsAnonymousAccess(outcome.call.params.policy as Record<string, unknown>));
    if (opened.length > 0) signals.push({ type: 'Policy:S3/BucketAnonymousAccessGranted', outcomes: opened, bucket });
  }
  return signals;
}

/**
 * Decide which findings GuardDuty raises for one move's calls. Only calls that succeeded count,
 * except denied discovery calls in bulk. Mining findings come only from a technique that starts
 * miners, since launching an instance alone queries no pool.
 */
export function findingSignals(input: RuleInput): Signal[] {
  const ok = input.outcomes.filter((outcome) => outcome.ok);
  const signals: Signal[] = [...torSignals(input, ok)];

  const pentest = PENTEST_AGENTS.find(([pattern]) => pattern.test(input.userAgent));
  if (pentest !== undefined && ok.length > 0) signals.push({ type: pentest[1], outcomes: ok });

  const disabledLogging = ok.filter((outcome) => outcome.call.action === 'StopLogging' || outcome.call.action === 'DeleteTrail');
  if (disabledLogging.length > 0) signals.push({ type: 'Stealth:IAMUser/CloudTrailLoggingDisabled', outcomes: disabledLogging });

  signals.push(...anomalySignals(input, ok), ...s3Signals(ok));

  if (input.technique.findingTypes.includes('CryptoCurrency:EC2/BitcoinTool.B!DNS')) {
    for (const outcome of ok.filter((item) => item.call.action === 'RunInstances')) {
      for (const instanceId of launchedInstanceIds([outcome])) signals.push({ type: 'CryptoCurrency:EC2/BitcoinTool.B!DNS', outcomes: [outcome], instanceId });
    }
  }
  return signals;
}
