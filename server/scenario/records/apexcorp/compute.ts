import type { CloudTrailRecord } from '../../manifest.js';
import type { InstanceLaunch } from '../ec2.js';
import { runInstancesResponse } from '../ec2.js';
import { ec2ResourceId, uuid } from '../ids.js';
import type { AttackerCall, RecordLog } from './record-log.js';
import { attackerCall } from './record-log.js';
import type { StoryCast } from './story.js';
import { ACCOUNT_ID, at, KEY_PAIR_NAME, PRIMARY_REGION, SECOND_REGION, SECURITY_GROUP_NAME } from './story.js';

/** Unauthorized EC2 capacity: key pairs, open security groups and large instances in two regions. */

export interface LaunchedInstance {
  region: string;
  launch: InstanceLaunch;
}

interface RegionLayout {
  region: string;
  keyPairTime: string;
  groupTime: string;
  ingressTime: string;
  /** Ubuntu 22.04 image in the region. */
  imageId: string;
  subnetId: string;
  vpcId: string;
  zone: string;
}

const VCPU_LAYOUT: Record<string, { coreCount: number; threadsPerCore: number }> = {
  'c5.4xlarge': { coreCount: 8, threadsPerCore: 2 },
  'p3.2xlarge': { coreCount: 4, threadsPerCore: 2 },
};

/** Adds the EC2 calls in both regions and returns the instances they launched. */
export function addCompute(log: RecordLog, story: StoryCast): LaunchedInstance[] {
  const devDeploy = story.cast.ci;
  const key = story.backdoorKeyId;
  const call = (label: string, time: string, details: AttackerCall): CloudTrailRecord =>
    log.add(`compute/${label}`, () => attackerCall(devDeploy, key, at(time), details));
  const launched: LaunchedInstance[] = [];

  call('describe-regions', '2026-05-08T02:42:10Z', {
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DescribeRegions',
    requestParameters: { regionSet: {} },
    readOnly: true,
  });

  const layouts: RegionLayout[] = [
    {
      region: PRIMARY_REGION,
      keyPairTime: '2026-05-08T02:43:05Z',
      groupTime: '2026-05-08T02:43:37Z',
      ingressTime: '2026-05-08T02:44:02Z',
      imageId: 'ami-0a7d3f2c6e9b41d85',
      subnetId: 'subnet-0e4b7a19c2d85f360',
      vpcId: 'vpc-0f2c9a6d4b8e17530',
      zone: 'us-east-1b',
    },
    {
      region: SECOND_REGION,
      keyPairTime: '2026-05-08T02:47:20Z',
      groupTime: '2026-05-08T02:47:49Z',
      ingressTime: '2026-05-08T02:48:15Z',
      imageId: 'ami-03c6b1e8d7f2a4059',
      subnetId: 'subnet-07a1d5c3e9b2f8164',
      vpcId: 'vpc-0b8d3e5f1a7c29648',
      zone: 'us-west-2a',
    },
  ];
  const groupIds = new Map<string, string>();

  for (const layout of layouts) {
    const { region } = layout;
    log.add(`compute/create-key-pair-${region}`, (rng) => {
      const requestId = uuid(rng);
      const fingerprint = Array.from({ length: 20 }, () => rng.hex(2)).join(':');
      return attackerCall(devDeploy, key, at(layout.keyPairTime), {
        eventSource: 'ec2.amazonaws.com',
        eventName: 'CreateKeyPair',
        region,
        requestParameters: { keyName: KEY_PAIR_NAME, keyType: 'rsa', keyFormat: 'pem' },
        responseElements: {
          requestId,
          keyName: KEY_PAIR_NAME,
          keyFingerprint: fingerprint,
          keyPairId: ec2ResourceId('key', rng),
          keyMaterial: '<sensitiveDataRemoved>',
        },
        readOnly: false,
        requestId,
      });
    });

    log.add(`compute/create-security-group-${region}`, (rng) => {
      const requestId = uuid(rng);
      const groupId = ec2ResourceId('sg', rng);
      groupIds.set(region, groupId);
      return attackerCall(devDeploy, key, at(layout.groupTime), {
        eventSource: 'ec2.amazonaws.com',
        eventName: 'CreateSecurityGroup',
        region,
        requestParameters: { groupName: SECURITY_GROUP_NAME, groupDescription: 'backup maintenance', vpcId: layout.vpcId },
        responseElements: {
          requestId,
          _return: true,
          groupId,
          securityGroupArn: `arn:aws:ec2:${region}:${ACCOUNT_ID}:security-group/${groupId}`,
        },
        readOnly: false,
        requestId,
      });
    });

    log.add(`compute/open-security-group-${region}`, (rng) => {
      const requestId = uuid(rng);
      const groupId = groupIds.get(region) ?? '';
      return attackerCall(devDeploy, key, at(layout.ingressTime), {
        eventSource: 'ec2.amazonaws.com',
        eventName: 'AuthorizeSecurityGroupIngress',
        region,
        requestParameters: {
          groupId,
          ipPermissions: {
            items: [
              {
                ipProtocol: 'tcp',
                fromPort: 0,
                toPort: 65535,
                groups: {},
                ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] },
                ipv6Ranges: {},
                prefixListIds: {},
              },
            ],
          },
        },
        responseElements: {
          requestId,
          _return: true,
          securityGroupRuleSet: {
            items: [
              {
                groupOwnerId: ACCOUNT_ID,
                groupId,
                securityGroupRuleId: ec2ResourceId('sgr', rng),
                isEgress: false,
                ipProtocol: 'tcp',
                fromPort: 0,
                toPort: 65535,
                cidrIpv4: '0.0.0.0/0',
              },
            ],
          },
        },
        readOnly: false,
        requestId,
      });
    });
  }

  const runInstances = (
    label: string,
    layout: RegionLayout,
    time: string,
    instanceType: string,
    count: number,
  ): void => {
    log.add(`compute/${label}`, (rng) => {
      const requestId = uuid(rng);
      const clientToken = uuid(rng);
      const groupId = groupIds.get(layout.region) ?? '';
      const vcpus = VCPU_LAYOUT[instanceType];
      if (!vcpus) {
        throw new Error(`no vCPU layout for instance type ${instanceType}`);
      }
      const launches: InstanceLaunch[] = [];
      for (let i = 0; i < count; i++) {
        launches.push({
          instanceId: ec2ResourceId('i', rng),
          imageId: layout.imageId,
          instanceType,
          keyName: KEY_PAIR_NAME,
          subnetId: layout.subnetId,
          vpcId: layout.vpcId,
          privateIp: `172.31.${rng.int(16, 31)}.${rng.int(10, 250)}`,
          availabilityZone: layout.zone,
          securityGroup: { groupId, groupName: SECURITY_GROUP_NAME },
          networkInterfaceId: ec2ResourceId('eni', rng),
          macAddress: `12:${rng.hex(2)}:${rng.hex(2)}:${rng.hex(2)}:${rng.hex(2)}:${rng.hex(2)}`,
          launchTime: at(time),
          clientToken,
          ...vcpus,
        });
      }
      launched.push(...launches.map((launch) => ({ region: layout.region, launch })));
      return attackerCall(devDeploy, key, at(time), {
        eventSource: 'ec2.amazonaws.com',
        eventName: 'RunInstances',
        region: layout.region,
        requestParameters: {
          instancesSet: { items: [{ imageId: layout.imageId, minCount: count, maxCount: count, keyName: KEY_PAIR_NAME }] },
          groupSet: { items: [{ groupId }] },
          userData: '<sensitiveDataRemoved>',
          instanceType,
          blockDeviceMapping: { items: [{ deviceName: '/dev/sda1', ebs: { volumeSize: 100, deleteOnTermination: true, volumeType: 'gp3' } }] },
          monitoring: { enabled: false },
          disableApiTermination: false,
          disableApiStop: false,
          clientToken,
        },
        responseElements: runInstancesResponse(requestId, ec2ResourceId('r', rng), ACCOUNT_ID, launches),
        readOnly: false,
        requestId,
      });
    });
  };

  const [east, west] = layouts as [RegionLayout, RegionLayout];
  runInstances('run-c5-us-east-1', east, '2026-05-08T02:45:11Z', 'c5.4xlarge', 3);
  runInstances('run-p3-us-west-2', west, '2026-05-08T02:49:02Z', 'p3.2xlarge', 2);
  return launched;
}

