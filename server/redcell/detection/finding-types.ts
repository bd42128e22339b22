import type { LatencyClass } from './latency.js';

/** Facts a finding's title and description can name. */
export interface FindingSubject {
  userName: string;
  sourceIp: string;
  /** API names the finding summarizes, in call order without repeats. */
  apis: string[];
  count: number;
  bucket?: string;
  instanceId?: string;
  userAgent?: string;
}

export interface FindingTypeSpec {
  /** GuardDuty severity: 2 for Low, 5 for Medium, 8 for High, as the pack's findings use. */
  severity: number;
  latency: LatencyClass;
  resourceType: 'AccessKey' | 'S3Bucket' | 'Instance';
  title(subject: FindingSubject): string;
  description(subject: FindingSubject): string;
}

function list(apis: string[]): string {
  return apis.join(', ');
}

function anomaly(stage: string, severity: number, purpose: string): FindingTypeSpec {
  return {
    severity,
    latency: 'anomaly',
    resourceType: 'AccessKey',
    title: (subject) => `IAM user ${subject.userName} made unusual calls associated with ${stage}.`,
    description: (subject) =>
      `IAM user ${subject.userName} called ${list(subject.apis)} from an address and client it has not used before. ${purpose}`,
  };
}

/**
 * Finding types the red cell's moves can raise. Severities are GuardDuty's default severity of each
 * type, as numbers in the pack's style (Low 2, Medium 5, High 8).
 */
export const FINDING_TYPES: Record<string, FindingTypeSpec> = {
  'UnauthorizedAccess:IAMUser/TorIPCaller': {
    severity: 5,
    latency: 'apiCall',
    resourceType: 'AccessKey',
    title: (subject) => `An API was called from the Tor exit node ${subject.sourceIp}.`,
    description: (subject) =>
      `IAM user ${subject.userName} called ${list(subject.apis)} from the Tor exit node ${subject.sourceIp}. Tor hides the caller's real address, so the credentials may be in the wrong hands.`,
  },
  'UnauthorizedAccess:S3/TorIPCaller': {
    severity: 8,
    latency: 'apiCall',
    resourceType: 'S3Bucket',
    title: (subject) => `A Tor exit node called S3 APIs on bucket ${subject.bucket}.`,
    description: (subject) =>
      `IAM user ${subject.userName} called ${list(subject.apis)} on bucket ${subject.bucket} from the Tor exit node ${subject.sourceIp}.`,
  },
  'PenTest:IAMUser/KaliLinux': pentest('Kali Linux'),
  'PenTest:IAMUser/ParrotLinux': pentest('Parrot Security Linux'),
  'PenTest:IAMUser/PentooLinux': pentest('Pentoo Linux'),
  'Stealth:IAMUser/CloudTrailLoggingDisabled': {
    severity: 2,
    latency: 'apiCall',
    resourceType: 'AccessKey',
    title: () => 'AWS CloudTrail logging was disabled.',
    description: (subject) =>
      `IAM user ${subject.userName} called ${list(subject.apis)}, so a trail no longer records API activity. Attackers do this to hide what they do next.`,
  },
  'Policy:S3/BucketBlockPublicAccessDisabled': {
    severity: 2,
    latency: 'apiCall',
    resourceType: 'S3Bucket',
    title: (subject) => `Block public access was turned off for bucket ${subject.bucket}.`,
    description: (subject) =>
      `IAM user ${subject.userName} turned off the public access block of bucket ${subject.bucket}. A bucket policy or ACL can now make its objects public.`,
  },
  'Policy:S3/BucketAnonymousAccessGranted': {
    severity: 8,
    latency: 'apiCall',
    resourceType: 'S3Bucket',
    title: (subject) => `Bucket ${subject.bucket} now allows anonymous access.`,
    description: (subject) =>
      `IAM user ${subject.userName} changed the policy of bucket ${subject.bucket} so that anyone on the internet can access it without credentials.`,
  },
  'Exfiltration:S3/AnomalousBehavior': {
    severity: 8,
    latency: 'anomaly',
    resourceType: 'S3Bucket',
    title: (subject) => `IAM user ${subject.userName} read an unusual amount of data from bucket ${subject.bucket}.`,
    description: (subject) =>
      `IAM user ${subject.userName} downloaded ${subject.count} objects from bucket ${subject.bucket} from an address and client it has not used before. The volume and pattern match bulk data collection.`,
  },
  'Discovery:S3/AnomalousBehavior': {
    severity: 2,
    latency: 'anomaly',
    resourceType: 'S3Bucket',
    title: (subject) => `IAM user ${subject.userName} listed bucket ${subject.bucket} in an unusual way.`,
    description: (subject) =>
      `IAM user ${subject.userName} called ${list(subject.apis)} on bucket ${subject.bucket} from an address and client it has not used before, as attackers do when looking for data.`,
  },
  'Discovery:IAMUser/AnomalousBehavior': anomaly('discovery', 2, 'Attackers make such calls to learn what the credentials can reach.'),
  'Persistence:IAMUser/AnomalousBehavior': anomaly('persistence', 5, 'Attackers create credentials so they keep access after the first key is revoked.'),
  'PrivilegeEscalation:IAMUser/AnomalousBehavior': anomaly('privilege escalation', 5, 'Attackers make such calls to gain permissions the credentials did not have.'),
  'DefenseEvasion:IAMUser/AnomalousBehavior': anomaly('defense evasion', 5, 'Attackers make such calls to weaken logging and monitoring.'),
  'Exfiltration:IAMUser/AnomalousBehavior': anomaly('exfiltration', 8, 'Attackers make such calls to move data to places they control.'),
  'Impact:IAMUser/AnomalousBehavior': anomaly('impact', 8, 'Attackers make such calls to destroy resources or disrupt the business.'),
  'CryptoCurrency:EC2/BitcoinTool.B!DNS': {
    severity: 8,
    latency: 'ec2Dns',
    resourceType: 'Instance',
    title: (subject) => `EC2 instance ${subject.instanceId} queried a domain name of a cryptocurrency mining pool.`,
    description: (subject) =>
      `EC2 instance ${subject.instanceId}, launched by IAM user ${subject.userName}, sent DNS queries for a cryptocurrency mining pool. The instance is probably running a miner.`,
  },
};

function pentest(system: string): FindingTypeSpec {
  return {
    severity: 5,
    latency: 'apiCall',
    resourceType: 'AccessKey',
    title: () => `An API was called from a ${system} computer.`,
    description: (subject) =>
      `IAM user ${subject.userName} called ${list(subject.apis)} with the user agent "${subject.userAgent ?? ''}", which penetration testing distributions such as ${system} send.`,
  };
}
