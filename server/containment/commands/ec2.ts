import type { OptionSpec, ServiceSpec } from '../command-spec.js';
import { stringOption } from '../command-spec.js';
import { buildIngressRule } from './ingress-rule.js';
import { buildSnapshotPermission } from './snapshot-permission.js';

const instanceIds = (required: boolean): OptionSpec => ({ name: 'instance-ids', kind: 'list', param: 'instanceIds', required, placeholder: '<id> [<id> ...]', help: 'Instance ids, separated by spaces.' });
export const ec2Service: ServiceSpec = {
  name: 'ec2',
  service: 'ec2',
  summary: 'Instances, security groups and snapshots.',
  commands: [
    { name: 'describe-instances', action: 'DescribeInstances', summary: 'List instances with their state, role and security groups.', options: [instanceIds(false)] },
    {
      name: 'describe-security-groups',
      action: 'DescribeSecurityGroups',
      summary: 'List security groups and their inbound rules.',
      options: [{ name: 'group-ids', kind: 'list', param: 'groupIds', placeholder: '<id> [<id> ...]', help: 'Security group ids, separated by spaces.' }],
    },
    {
      name: 'describe-snapshots',
      action: 'DescribeSnapshots',
      summary: 'List EBS snapshots and whom they are shared with.',
      options: [
        { name: 'snapshot-ids', kind: 'list', param: 'snapshotIds', placeholder: '<id> [<id> ...]', help: 'Snapshot ids, separated by spaces.' },
        // The simulated account lists only its own snapshots, so --owner-ids self changes nothing.
        { name: 'owner-ids', kind: 'list', placeholder: '<id> [<id> ...]', help: 'Accepted for habit and ignored: only the account\'s own snapshots are listed.' },
      ],
    },
    {
      name: 'stop-instances',
      action: 'StopInstances',
      summary: 'Stop instances (their disks are kept for forensics).',
      options: [instanceIds(true), { name: 'force', kind: 'boolean', param: 'force', help: 'Stop without a clean shutdown.' }],
    },
    { name: 'terminate-instances', action: 'TerminateInstances', summary: 'Terminate instances (their root disks are deleted).', options: [instanceIds(true)] },
    {
      name: 'revoke-security-group-ingress',
      example: 'aws ec2 revoke-security-group-ingress --group-id sg-0abc1234 --protocol tcp --port 22 --cidr 0.0.0.0/0',
      action: 'RevokeSecurityGroupIngress',
      summary: 'Remove one inbound rule from a security group.',
      options: [
        stringOption('group-id', 'groupId', 'Id of the security group, such as sg-0abc1234.', true),
        stringOption('protocol', undefined, 'tcp, udp, icmp, or all (-1).'),
        stringOption('port', undefined, 'Port or range, such as 22 or 8000-8080.'),
        stringOption('cidr', undefined, 'IPv4 range of the rule, such as 0.0.0.0/0.'),
        { name: 'ip-permissions', kind: 'list', placeholder: '<json|shorthand>', help: 'The rule as JSON or shorthand, such as IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}].' },
      ],
      build: buildIngressRule,
    },
    {
      name: 'modify-snapshot-attribute',
      example: 'aws ec2 modify-snapshot-attribute --snapshot-id snap-0abc1234 --attribute createVolumePermission --operation-type remove --group-names all',
      action: 'ModifySnapshotAttribute',
      summary: 'Share a snapshot with accounts or the public (add), or stop sharing it (remove).',
      silent: true,
      options: [
        stringOption('snapshot-id', 'snapshotId', 'Id of the snapshot.', true),
        { name: 'attribute', kind: 'string', choices: ['createVolumePermission'], help: 'The attribute to change; only createVolumePermission is simulated.' },
        { name: 'operation-type', kind: 'string', choices: ['add', 'remove'], help: 'add shares the snapshot, remove stops sharing it.' },
        { name: 'user-ids', kind: 'list', placeholder: '<id> [<id> ...]', help: 'AWS account ids (12 digits), separated by spaces.' },
        { name: 'group-names', kind: 'list', choices: ['all'], placeholder: 'all', help: 'all, which means the public.' },
        { name: 'create-volume-permission', kind: 'string', placeholder: '<json|shorthand>', help: 'Instead of --attribute, --operation-type, --user-ids and --group-names: Add or Remove with a list, such as Remove=[{Group=all}].' },
      ],
      build: buildSnapshotPermission,
    },
    {
      name: 'create-snapshot',
      action: 'CreateSnapshot',
      summary: 'Take a snapshot of an EBS volume, such as for forensics.',
      options: [stringOption('volume-id', 'volumeId', 'Id of the volume, such as vol-0abc1234.', true), stringOption('description', 'description', 'Description of the snapshot.')],
    },
  ],
};
