import type { CloudTrailRecord } from '../../manifest.js';
import { accessKeyDetails, awsApiCallAction, buildFinding, countMatchingCalls, remoteIpDetails } from '../guardduty.js';
import { MINUTE, parseTime, SECOND } from '../time.js';
import type { AttackData } from './attack.js';
import type { StoryCast } from './story.js';
import {
  ACCOUNT_ID,
  at,
  ATTACKER,
  DETECTOR_ID,
  FINDING_IDS,
  MINING_POOL_DOMAIN,
  PRIMARY_REGION,
  SCANNER,
} from './story.js';

/**
 * The six GuardDuty findings of the ApexCorp scenario, each a real finding type at its default
 * severity level. This pack writes HIGH as 8, MEDIUM as 5 and LOW as 2. Every API-call finding
 * takes its access key, remote IP, first and last seen times and Count from the attack records,
 * so the two files cannot drift apart.
 *
 * NOTE: The levels of UnauthorizedAccess:S3/TorIPCaller (HIGH), CryptoCurrency:EC2/BitcoinTool.B!DNS
 * (HIGH) and Recon:EC2/PortProbeUnprotectedPort (LOW for port 22) were checked against the GuardDuty
 * User Guide's finding-type pages. The three AnomalousBehavior levels (MEDIUM for IAM, HIGH for S3)
 * were not checked against a current copy of the guide.
 */

/** Severity value written for each level. */
const SEVERITY = { high: 8, medium: 5, low: 2 } as const;

function recordTime(attack: AttackData, label: string): number {
  const record = attack.byLabel.get(label);
  if (!record) {
    throw new Error(`no attack record labelled "${label}"`);
  }
  return parseTime(record.eventTime);
}

/** Returns the time of the last record from the attacker's IP to `eventSource` with the key, up to `until`. */
function lastCallBefore(records: readonly CloudTrailRecord[], accessKeyId: string, eventSource: string, until: number): number {
  let last = Number.NEGATIVE_INFINITY;
  for (const record of records) {
    const identity = record.userIdentity as { accessKeyId?: string };
    const time = parseTime(record.eventTime);
    if (identity.accessKeyId === accessKeyId && record.sourceIPAddress === ATTACKER.ip && record.eventSource === eventSource && time <= until) {
      last = Math.max(last, time);
    }
  }
  if (!Number.isFinite(last)) {
    throw new Error(`no ${eventSource} call with key ${accessKeyId} before ${new Date(until).toISOString()}`);
  }
  return last;
}

function customerDataBucket(story: StoryCast): Record<string, unknown> {
  const name = story.cast.buckets.customerData;
  return {
    Arn: `arn:aws:s3:::${name}`,
    CreatedAt: '2023-09-14T17:42:08.000Z',
    DefaultServerSideEncryption: {
      EncryptionType: 'aws:kms',
      KmsMasterKeyArn: `arn:aws:kms:${PRIMARY_REGION}:${ACCOUNT_ID}:key/${story.cast.kmsKeyId}`,
    },
    Name: name,
    Owner: { Id: '6d8f2b9a41c7e03f5b2d8a6c9e14f7b3a0c5d2e8f61b94a7c3e0d5f8a2b6c91e' },
    PublicAccess: {
      EffectivePermission: 'NOT_PUBLIC',
      PermissionConfiguration: {
        AccountLevelPermissions: {
          BlockPublicAccess: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        },
        BucketLevelPermissions: {
          AccessControlList: { AllowsPublicReadAccess: false, AllowsPublicWriteAccess: false },
          BlockPublicAccess: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
          BucketPolicy: { AllowsPublicReadAccess: false, AllowsPublicWriteAccess: false },
        },
      },
    },
    Tags: [
      { Key: 'data-classification', Value: 'confidential' },
      { Key: 'owner', Value: 'customer-platform' },
    ],
    Type: 'Destination',
  };
}

interface ApiCallFindingSpec {
  id: string;
  type: string;
  severity: number;
  title: string;
  description: string;
  accessKeyId: string;
  api: string;
  eventSource: string;
  firstSeen: number;
  lastSeen: number;
  createdAt: number;
  withBucket: boolean;
  additionalInfo?: Record<string, unknown>;
}

function apiCallFinding(spec: ApiCallFindingSpec, story: StoryCast, attack: AttackData): Record<string, unknown> {
  const user = story.cast.ci;
  const count = countMatchingCalls(attack.records, {
    accessKeyId: spec.accessKeyId,
    sourceIp: ATTACKER.ip,
    eventSource: spec.eventSource,
    firstSeen: spec.firstSeen,
    lastSeen: spec.lastSeen,
  });
  const resource: Record<string, unknown> = {
    AccessKeyDetails: accessKeyDetails(spec.accessKeyId, user.principalId, user.userName),
  };
  if (spec.withBucket) {
    resource.S3BucketDetails = [customerDataBucket(story)];
  }
  resource.ResourceType = spec.withBucket ? 'S3Bucket' : 'AccessKey';
  return buildFinding({
    accountId: ACCOUNT_ID,
    region: PRIMARY_REGION,
    detectorId: DETECTOR_ID,
    id: spec.id,
    type: spec.type,
    severity: spec.severity,
    title: spec.title,
    description: spec.description,
    resource,
    action: awsApiCallAction(spec.api, spec.eventSource, ATTACKER),
    resourceRole: 'TARGET',
    count,
    firstSeen: spec.firstSeen,
    lastSeen: spec.lastSeen,
    createdAt: spec.createdAt,
    updatedAt: spec.createdAt,
    ...(spec.additionalInfo ? { additionalInfo: spec.additionalInfo } : {}),
  });
}

function anomalyInfo(anomalousApis: string): Record<string, unknown> {
  return {
    anomalies: { anomalousAPIs: anomalousApis },
    unusualBehavior: {
      unusualASNsUserIdentityProfiling: `asnNumber: ${ATTACKER.asn} asnOrg: ${ATTACKER.asnOrg}`,
      unusualUserAgentsUserIdentityProfiling: 'aws-cli/1.x',
      isUnusualUserIdentity: 'false',
    },
  };
}

function instanceFinding(
  spec: { id: string; type: string; severity: number; title: string; description: string; resourceRole: 'TARGET' | 'ACTOR' },
  instance: Record<string, unknown>,
  action: Record<string, unknown>,
  seen: { first: number; last: number; count: number; createdAt: number },
): Record<string, unknown> {
  return buildFinding({
    accountId: ACCOUNT_ID,
    region: PRIMARY_REGION,
    detectorId: DETECTOR_ID,
    id: spec.id,
    type: spec.type,
    severity: spec.severity,
    title: spec.title,
    description: spec.description,
    resource: { InstanceDetails: instance, ResourceType: 'Instance' },
    action,
    resourceRole: spec.resourceRole,
    count: seen.count,
    firstSeen: seen.first,
    lastSeen: seen.last,
    createdAt: seen.createdAt,
    updatedAt: seen.createdAt,
  });
}

/** Builds the six findings in the order GuardDuty lists them: newest first. */
export function buildFindings(story: StoryCast, attack: AttackData): Record<string, unknown>[] {
  const { cast } = story;
  const devDeploy = cast.ci.userName;
  const bucket = cast.buckets.customerData;

  // UnauthorizedAccess:S3/TorIPCaller, HIGH: the first alert, raised at 02:17.
  const torFirst = recordTime(attack, 'exfiltration/list-buckets');
  const torCreated = at('2026-05-08T02:17:24.318Z');
  const torLast = lastCallBefore(attack.records, story.backdoorKeyId, 's3.amazonaws.com', torCreated - 60 * SECOND);
  const s3Tor = apiCallFinding(
    {
      id: FINDING_IDS.s3TorCaller,
      type: 'UnauthorizedAccess:S3/TorIPCaller',
      severity: SEVERITY.high,
      title: `A Tor exit node called S3 APIs on bucket ${bucket}.`,
      description: `IAM user ${devDeploy} called S3 APIs on bucket ${bucket} from the Tor exit node ${ATTACKER.ip}. Tor hides the caller's real address, so the credentials may be in the wrong hands.`,
      accessKeyId: story.backdoorKeyId,
      api: 'GetObject',
      eventSource: 's3.amazonaws.com',
      firstSeen: torFirst,
      lastSeen: torLast,
      createdAt: torCreated,
      withBucket: true,
    },
    story,
    attack,
  );

  // PrivilegeEscalation:IAMUser/AnomalousBehavior, MEDIUM: dev-deploy attached AdministratorAccess to itself.
  const escalationTime = recordTime(attack, 'escalation/attach-admin-to-dev-deploy');
  const escalation = apiCallFinding(
    {
      id: FINDING_IDS.privilegeEscalation,
      type: 'PrivilegeEscalation:IAMUser/AnomalousBehavior',
      severity: SEVERITY.medium,
      title: `IAM user ${devDeploy} made an unusual call associated with privilege escalation.`,
      description: `IAM user ${devDeploy} called AttachUserPolicy in a way its history does not explain: from a new network (ASN ${ATTACKER.asn}) with a CLI it has not used before. Attackers call such APIs to raise the permissions of stolen credentials.`,
      accessKeyId: story.pipelineKeyId,
      api: 'AttachUserPolicy',
      eventSource: 'iam.amazonaws.com',
      firstSeen: escalationTime,
      lastSeen: escalationTime,
      createdAt: at('2026-05-08T02:24:51.772Z'),
      withBucket: false,
      additionalInfo: anomalyInfo('iam.amazonaws.com:[AttachUserPolicy:success]'),
    },
    story,
    attack,
  );

  // Persistence:IAMUser/AnomalousBehavior, MEDIUM: new keys and a new user.
  const persistence = apiCallFinding(
    {
      id: FINDING_IDS.persistence,
      type: 'Persistence:IAMUser/AnomalousBehavior',
      severity: SEVERITY.medium,
      title: `IAM user ${devDeploy} made unusual calls associated with persistence.`,
      description: `IAM user ${devDeploy} created access keys and an IAM user in a way its history does not explain. Attackers create credentials so they keep access after the first key is revoked.`,
      accessKeyId: story.pipelineKeyId,
      api: 'CreateAccessKey',
      eventSource: 'iam.amazonaws.com',
      firstSeen: recordTime(attack, 'persistence/create-backdoor-key'),
      lastSeen: recordTime(attack, 'persistence/create-backdoor-user-key'),
      createdAt: at('2026-05-08T02:26:13.045Z'),
      withBucket: false,
      additionalInfo: anomalyInfo(
        'iam.amazonaws.com:[CreateAccessKey:success , CreateUser:success , CreateLoginProfile:success , AttachUserPolicy:success]',
      ),
    },
    story,
    attack,
  );

  // Exfiltration:S3/AnomalousBehavior, HIGH: the bulk GetObject run.
  const objectTimes = attack.records
    .filter((record) => record.eventName === 'GetObject' && record.sourceIPAddress === ATTACKER.ip)
    .map((record) => parseTime(record.eventTime));
  const exfiltrationFirst = Math.min(...objectTimes);
  const exfiltrationLast = Math.max(...objectTimes);
  const exfiltration = apiCallFinding(
    {
      id: FINDING_IDS.s3Exfiltration,
      type: 'Exfiltration:S3/AnomalousBehavior',
      severity: SEVERITY.high,
      title: `IAM user ${devDeploy} read an unusual amount of data from bucket ${bucket}.`,
      description: `IAM user ${devDeploy} downloaded ${objectTimes.length} objects from bucket ${bucket} from a network and client it has not used before. The volume and pattern differ from the user's baseline and match bulk data collection.`,
      accessKeyId: story.backdoorKeyId,
      api: 'GetObject',
      eventSource: 's3.amazonaws.com',
      firstSeen: exfiltrationFirst,
      lastSeen: exfiltrationLast,
      createdAt: exfiltrationLast + 6 * MINUTE + 41_207,
      withBucket: true,
      additionalInfo: anomalyInfo('s3.amazonaws.com:[GetObject:success]'),
    },
    story,
    attack,
  );

  // CryptoCurrency:EC2/BitcoinTool.B!DNS, HIGH: a miner on the first c5.4xlarge instance.
  const miner = attack.instances.find((instance) => instance.region === PRIMARY_REGION);
  if (!miner) {
    throw new Error(`the attack launched no instance in ${PRIMARY_REGION}`);
  }
  const bitcoin = instanceFinding(
    {
      id: FINDING_IDS.bitcoinDns,
      type: 'CryptoCurrency:EC2/BitcoinTool.B!DNS',
      severity: SEVERITY.high,
      title: `EC2 instance ${miner.launch.instanceId} queried a domain name of a cryptocurrency mining pool.`,
      description: `EC2 instance ${miner.launch.instanceId} sent DNS queries for ${MINING_POOL_DOMAIN}, a Monero mining pool. The instance is probably running a cryptocurrency miner.`,
      resourceRole: 'ACTOR',
    },
    {
      AvailabilityZone: miner.launch.availabilityZone,
      ImageDescription: 'Canonical, Ubuntu, 22.04 LTS, amd64 jammy image',
      ImageId: miner.launch.imageId,
      InstanceId: miner.launch.instanceId,
      InstanceState: 'running',
      InstanceType: miner.launch.instanceType,
      LaunchTime: new Date(miner.launch.launchTime).toISOString(),
      NetworkInterfaces: [
        {
          Ipv6Addresses: [],
          NetworkInterfaceId: miner.launch.networkInterfaceId,
          PrivateDnsName: `ip-${miner.launch.privateIp.replaceAll('.', '-')}.ec2.internal`,
          PrivateIpAddress: miner.launch.privateIp,
          PrivateIpAddresses: [
            { PrivateDnsName: `ip-${miner.launch.privateIp.replaceAll('.', '-')}.ec2.internal`, PrivateIpAddress: miner.launch.privateIp },
          ],
          PublicDnsName: 'ec2-3-88-142-17.compute-1.amazonaws.com',
          PublicIp: '3.88.142.17',
          SecurityGroups: [miner.launch.securityGroup].map((group) => ({ GroupId: group.groupId, GroupName: group.groupName })),
          SubnetId: miner.launch.subnetId,
          VpcId: miner.launch.vpcId,
        },
      ],
      ProductCodes: [],
      Tags: [],
    },
    { ActionType: 'DNS_REQUEST', DnsRequestAction: { Domain: MINING_POOL_DOMAIN, Protocol: 'UDP', Blocked: false } },
    { first: at('2026-05-08T02:58:12Z'), last: at('2026-05-08T03:09:40Z'), count: 37, createdAt: at('2026-05-08T03:14:05.561Z') },
  );

  // Recon:EC2/PortProbeUnprotectedPort, LOW: an internet scanner probes SSH on the web server. Unrelated to the breach.
  const web = cast.webServer;
  const portProbe = instanceFinding(
    {
      id: FINDING_IDS.portProbe,
      type: 'Recon:EC2/PortProbeUnprotectedPort',
      severity: SEVERITY.low,
      title: `A scanner on the internet probed open port 22 on EC2 instance ${web.instanceId}.`,
      description: `A host on a threat list probed port 22 on EC2 instance ${web.instanceId}. The instance's security group allows the port from the internet, so the host could reach the service.`,
      resourceRole: 'TARGET',
    },
    {
      AvailabilityZone: web.availabilityZone,
      IamInstanceProfile: {
        Arn: `arn:aws:iam::${ACCOUNT_ID}:instance-profile/${cast.roles.webInstance.roleName}`,
        Id: 'AIPA' + cast.roles.webInstance.roleId.slice(4),
      },
      ImageDescription: 'Amazon Linux 2023 AMI 2023.4.20240416.0 x86_64 HVM kernel-6.1',
      ImageId: 'ami-0c2a7f4b9e1d53a86',
      InstanceId: web.instanceId,
      InstanceState: 'running',
      InstanceType: 't3.large',
      LaunchTime: '2026-03-19T10:04:52.000Z',
      NetworkInterfaces: [
        {
          Ipv6Addresses: [],
          NetworkInterfaceId: 'eni-0d3f8a2c6b1e94757',
          PrivateDnsName: `ip-${web.privateIp.replaceAll('.', '-')}.ec2.internal`,
          PrivateIpAddress: web.privateIp,
          PrivateIpAddresses: [{ PrivateDnsName: `ip-${web.privateIp.replaceAll('.', '-')}.ec2.internal`, PrivateIpAddress: web.privateIp }],
          PublicDnsName: `ec2-${web.publicIp.replaceAll('.', '-')}.compute-1.amazonaws.com`,
          PublicIp: web.publicIp,
          SecurityGroups: [{ GroupId: 'sg-05d1c8e2b7a4f9036', GroupName: 'apexcorp-web-sg' }],
          SubnetId: 'subnet-04c7e2a1f9b6d3805',
          VpcId: cast.vpcId,
        },
      ],
      ProductCodes: [],
      Tags: [
        { Key: 'Name', Value: web.name },
        { Key: 'aws:autoscaling:groupName', Value: 'apexcorp-web-asg' },
      ],
    },
    {
      ActionType: 'PORT_PROBE',
      PortProbeAction: {
        Blocked: false,
        PortProbeDetails: [
          {
            LocalIpDetails: { IpAddressV4: web.privateIp },
            LocalPortDetails: { Port: 22, PortName: 'SSH' },
            RemoteIpDetails: remoteIpDetails(SCANNER),
          },
        ],
      },
    },
    { first: at('2026-05-08T03:41:07Z'), last: at('2026-05-08T03:49:55Z'), count: 6, createdAt: at('2026-05-08T03:55:18.902Z') },
  );

  return [portProbe, bitcoin, exfiltration, persistence, escalation, s3Tor];
}
