import { describe, expect, it } from 'vitest';
import { actionSchema } from '../../../server/account/action-params.js';
import { SERVICES } from '../../../server/containment/catalog.js';
import { DEFAULT_REGION, parse, parseCall, parseOutputFormat } from './support.js';

const KEY = 'AKIAIOSFODNN7EXAMPLE';
const POLICY = 'arn:aws:iam::aws:policy/AdministratorAccess';
const DOCUMENT = '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}';
const DOCUMENT_VALUE = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] };

type Case = [line: string, action: string, params: Record<string, unknown>];

const CASES: Case[] = [
  ['aws iam list-users', 'ListUsers', {}],
  ['aws iam get-user', 'GetUser', {}],
  ['aws iam get-user --user-name dev-deploy', 'GetUser', { userName: 'dev-deploy' }],
  ['aws iam list-roles', 'ListRoles', {}],
  ['aws iam list-policies', 'ListPolicies', {}],
  ['aws iam list-access-keys --user-name dev-deploy', 'ListAccessKeys', { userName: 'dev-deploy' }],
  ['aws iam list-attached-user-policies --user-name dev-deploy', 'ListAttachedUserPolicies', { userName: 'dev-deploy' }],
  ['aws iam list-user-policies --user-name dev-deploy', 'ListUserPolicies', { userName: 'dev-deploy' }],
  ['aws iam list-groups-for-user --user-name dev-deploy', 'ListGroupsForUser', { userName: 'dev-deploy' }],
  ['aws iam get-account-authorization-details', 'GetAccountAuthorizationDetails', {}],
  ['aws iam create-access-key --user-name dev-deploy', 'CreateAccessKey', { userName: 'dev-deploy' }],
  [`aws iam update-access-key --access-key-id ${KEY} --status Inactive --user-name dev-deploy`, 'UpdateAccessKey', { accessKeyId: KEY, status: 'Inactive', userName: 'dev-deploy' }],
  [`aws iam delete-access-key --access-key-id ${KEY} --user-name dev-deploy`, 'DeleteAccessKey', { accessKeyId: KEY, userName: 'dev-deploy' }],
  ['aws iam delete-login-profile --user-name dev-deploy', 'DeleteLoginProfile', { userName: 'dev-deploy' }],
  ['aws iam update-login-profile --user-name dev-deploy --password-reset-required', 'UpdateLoginProfile', { userName: 'dev-deploy', passwordResetRequired: true }],
  ['aws iam update-login-profile --user-name dev-deploy --no-password-reset-required', 'UpdateLoginProfile', { userName: 'dev-deploy', passwordResetRequired: false }],
  [`aws iam attach-user-policy --user-name dev-deploy --policy-arn ${POLICY}`, 'AttachUserPolicy', { userName: 'dev-deploy', policyArn: POLICY }],
  [`aws iam detach-user-policy --user-name dev-deploy --policy-arn ${POLICY}`, 'DetachUserPolicy', { userName: 'dev-deploy', policyArn: POLICY }],
  [`aws iam attach-role-policy --role-name ci-runner --policy-arn ${POLICY}`, 'AttachRolePolicy', { roleName: 'ci-runner', policyArn: POLICY }],
  [`aws iam detach-role-policy --role-name ci-runner --policy-arn ${POLICY}`, 'DetachRolePolicy', { roleName: 'ci-runner', policyArn: POLICY }],
  [`aws iam put-user-policy --user-name dev-deploy --policy-name deny-all --policy-document '${DOCUMENT}'`, 'PutUserPolicy', { userName: 'dev-deploy', policyName: 'deny-all', policyDocument: DOCUMENT_VALUE }],
  ['aws iam delete-user-policy --user-name dev-deploy --policy-name backdoor', 'DeleteUserPolicy', { userName: 'dev-deploy', policyName: 'backdoor' }],
  [`aws iam put-role-policy --role-name ci-runner --policy-name deny-all --policy-document '${DOCUMENT}'`, 'PutRolePolicy', { roleName: 'ci-runner', policyName: 'deny-all', policyDocument: DOCUMENT_VALUE }],
  ['aws iam delete-role-policy --role-name ci-runner --policy-name backdoor', 'DeleteRolePolicy', { roleName: 'ci-runner', policyName: 'backdoor' }],
  ['aws iam remove-user-from-group --group-name admins --user-name dev-deploy', 'RemoveUserFromGroup', { groupName: 'admins', userName: 'dev-deploy' }],
  [`aws iam update-assume-role-policy --role-name ci-runner --policy-document '${DOCUMENT}'`, 'UpdateAssumeRolePolicy', { roleName: 'ci-runner', policyDocument: DOCUMENT_VALUE }],
  [`aws iam set-default-policy-version --policy-arn ${POLICY} --version-id v1`, 'SetDefaultPolicyVersion', { policyArn: POLICY, versionId: 'v1' }],
  [`aws iam delete-policy-version --policy-arn ${POLICY} --version-id v3`, 'DeletePolicyVersion', { policyArn: POLICY, versionId: 'v3' }],
  ['aws iam delete-user --user-name intruder', 'DeleteUser', { userName: 'intruder' }],
  ['aws sts get-caller-identity', 'GetCallerIdentity', {}],
  ['aws ec2 describe-instances', 'DescribeInstances', {}],
  ['aws ec2 describe-instances --instance-ids i-0abc i-0def', 'DescribeInstances', { instanceIds: ['i-0abc', 'i-0def'] }],
  ['aws ec2 describe-security-groups --group-ids sg-0abc', 'DescribeSecurityGroups', { groupIds: ['sg-0abc'] }],
  ['aws ec2 describe-snapshots --owner-ids self', 'DescribeSnapshots', {}],
  ['aws ec2 describe-snapshots --snapshot-ids snap-0abc', 'DescribeSnapshots', { snapshotIds: ['snap-0abc'] }],
  ['aws ec2 stop-instances --instance-ids i-0abc i-0def --force', 'StopInstances', { instanceIds: ['i-0abc', 'i-0def'], force: true }],
  ['aws ec2 stop-instances --instance-ids i-0abc', 'StopInstances', { instanceIds: ['i-0abc'] }],
  ['aws ec2 terminate-instances --instance-ids i-0abc', 'TerminateInstances', { instanceIds: ['i-0abc'] }],
  ['aws ec2 revoke-security-group-ingress --group-id sg-0abc --protocol tcp --port 22 --cidr 0.0.0.0/0', 'RevokeSecurityGroupIngress', { groupId: 'sg-0abc', protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '0.0.0.0/0' }],
  [
    'aws ec2 modify-snapshot-attribute --snapshot-id snap-0abc --attribute createVolumePermission --operation-type remove --group-names all',
    'ModifySnapshotAttribute',
    { snapshotId: 'snap-0abc', operationType: 'remove', groupNames: ['all'] },
  ],
  [
    'aws ec2 modify-snapshot-attribute --snapshot-id snap-0abc --attribute createVolumePermission --operation-type remove --user-ids 111122223333 444455556666',
    'ModifySnapshotAttribute',
    { snapshotId: 'snap-0abc', operationType: 'remove', userIds: ['111122223333', '444455556666'] },
  ],
  ['aws ec2 modify-snapshot-attribute --snapshot-id snap-0abc --create-volume-permission Remove=[{Group=all}]', 'ModifySnapshotAttribute', { snapshotId: 'snap-0abc', operationType: 'remove', groupNames: ['all'] }],
  ['aws ec2 create-snapshot --volume-id vol-0abc --description "Forensic copy"', 'CreateSnapshot', { volumeId: 'vol-0abc', description: 'Forensic copy' }],
  ['aws cloudtrail describe-trails', 'DescribeTrails', {}],
  ['aws cloudtrail get-trail-status --name org-trail', 'GetTrailStatus', { name: 'org-trail' }],
  ['aws cloudtrail start-logging --name org-trail', 'StartLogging', { name: 'org-trail' }],
  ['aws cloudtrail stop-logging --name org-trail', 'StopLogging', { name: 'org-trail' }],
  [
    `aws cloudtrail put-event-selectors --trail-name org-trail --event-selectors '[{"ReadWriteType": "All", "IncludeManagementEvents": true}]'`,
    'PutEventSelectors',
    { trailName: 'org-trail', readWriteType: 'All', includeManagementEvents: true, s3DataEvents: false },
  ],
  ['aws s3api list-buckets', 'ListBuckets', {}],
  ['aws s3api get-bucket-policy --bucket data-lake', 'GetBucketPolicy', { bucketName: 'data-lake' }],
  [`aws s3api put-bucket-policy --bucket data-lake --policy '${DOCUMENT}'`, 'PutBucketPolicy', { bucketName: 'data-lake', policy: DOCUMENT_VALUE }],
  ['aws s3api delete-bucket-policy --bucket data-lake', 'DeleteBucketPolicy', { bucketName: 'data-lake' }],
  ['aws s3api get-public-access-block --bucket data-lake', 'GetPublicAccessBlock', { bucketName: 'data-lake' }],
  [
    'aws s3api put-public-access-block --bucket data-lake --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    'PutPublicAccessBlock',
    { bucketName: 'data-lake', blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
  ],
  ['aws s3api delete-public-access-block --bucket data-lake', 'DeletePublicAccessBlock', { bucketName: 'data-lake' }],
  ['aws guardduty list-detectors', 'ListDetectors', {}],
  ['aws guardduty get-detector --detector-id 12abc34d567e8fa901bc2d34e56789f0', 'GetDetector', { detectorId: '12abc34d567e8fa901bc2d34e56789f0' }],
  ['aws guardduty update-detector --detector-id 12abc34d --enable', 'UpdateDetector', { detectorId: '12abc34d', enable: true }],
  ['aws guardduty update-detector --detector-id 12abc34d --no-enable', 'UpdateDetector', { detectorId: '12abc34d', enable: false }],
  ['aws guardduty create-detector --enable', 'CreateDetector', { enable: true }],
];

describe('parseAwsCommand commands', () => {
  it.each(CASES)('maps %s', (line, action, params) => {
    const call = parseCall(line);
    expect(call.action).toBe(action);
    expect(call.params).toEqual(params);

    const schema = actionSchema(call.service, call.action);
    expect(schema).toBeDefined();
    expect(schema?.safeParse(call.params).success).toBe(true);
  });

  it('covers every supported command', () => {
    const tested = new Set(CASES.map(([line]) => line.split(' ').slice(1, 3).join(' ')));
    const supported = SERVICES.flatMap((service) => service.commands.map((command) => `${service.name} ${command.name}`));
    expect(supported.filter((name) => !tested.has(name))).toEqual([]);
  });

  it('sends s3api calls to the s3 service', () => {
    expect(parseCall('aws s3api list-buckets').service).toBe('s3');
  });

  it('uses the default region', () => {
    expect(parseCall('aws ec2 describe-instances').region).toBe(DEFAULT_REGION);
  });

  it('uses --region before or after the command', () => {
    expect(parseCall('aws --region eu-west-1 ec2 describe-instances').region).toBe('eu-west-1');
    expect(parseCall('aws ec2 describe-instances --region ap-southeast-2').region).toBe('ap-southeast-2');
    expect(parseCall('aws ec2 describe-instances --region=ca-central-1').region).toBe('ca-central-1');
  });

  it('keeps IAM and STS in us-east-1', () => {
    expect(parseCall('aws iam list-users --region eu-west-1').region).toBe('us-east-1');
    expect(parseCall('aws sts get-caller-identity --region eu-west-1').region).toBe('us-east-1');
  });

  it('reads --output', () => {
    expect(parseOutputFormat('aws iam list-users --output table')).toBe('table');
    expect(parseOutputFormat('aws --output text iam list-users')).toBe('text');
    expect(parseOutputFormat('aws iam list-users')).toBe('json');
  });

  it('reads --query', () => {
    const result = parse("aws iam list-access-keys --query 'AccessKeyMetadata[?Status==`Active`].AccessKeyId' --output text");
    expect(result).toMatchObject({ ok: true, output: 'text', query: 'AccessKeyMetadata[?Status==`Active`].AccessKeyId' });
  });

  it('leaves query out without --query', () => {
    expect(parse('aws iam list-users')).not.toHaveProperty('query');
  });

  it('ignores --profile and pager switches', () => {
    const call = parseCall('aws iam list-users --profile attacker --no-cli-pager --no-paginate');
    expect(call.action).toBe('ListUsers');
    expect(call.params).toEqual({});
  });

  it('accepts --option=value', () => {
    expect(parseCall('aws iam list-access-keys --user-name=dev-deploy').params).toEqual({ userName: 'dev-deploy' });
  });

  it('accepts options in any order', () => {
    const call = parseCall(`aws iam update-access-key --status Active --user-name dev-deploy --access-key-id ${KEY}`);
    expect(call.params).toEqual({ accessKeyId: KEY, status: 'Active', userName: 'dev-deploy' });
  });
});
