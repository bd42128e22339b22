import type { PolicyDocument } from './state.js';

/**
 * Permissions of common AWS managed policies, which an IAM snapshot lists by ARN only. The
 * statements are a reduced form of the published policies: the same services and verbs, without
 * the long action lists.
 */
// NOTE: an AWS managed policy missing from this table grants nothing in the simulation.
const Documents: Record<string, PolicyDocument> = {
  AdministratorAccess: allow(['*']),
  PowerUserAccess: {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
      { Effect: 'Allow', Action: ['iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole', 'iam:ListRoles', 'organizations:DescribeOrganization'], Resource: '*' },
    ],
  },
  ReadOnlyAccess: allow(['*:Describe*', '*:Get*', '*:List*']),
  SecurityAudit: allow(['*:Describe*', '*:Get*', '*:List*']),
  ViewOnlyAccess: allow(['*:Describe*', '*:List*']),
  IAMFullAccess: allow(['iam:*']),
  IAMReadOnlyAccess: allow(['iam:Get*', 'iam:List*', 'iam:GenerateCredentialReport', 'iam:GenerateServiceLastAccessedDetails']),
  AmazonS3FullAccess: allow(['s3:*']),
  AmazonS3ReadOnlyAccess: allow(['s3:Get*', 's3:List*']),
  AmazonEC2FullAccess: allow(['ec2:*']),
  AmazonEC2ReadOnlyAccess: allow(['ec2:Describe*']),
  AWSCloudTrail_FullAccess: allow(['cloudtrail:*']),
  AWSCloudTrail_ReadOnlyAccess: allow(['cloudtrail:Get*', 'cloudtrail:Describe*', 'cloudtrail:List*', 'cloudtrail:LookupEvents']),
  AmazonGuardDutyFullAccess: allow(['guardduty:*']),
  AmazonGuardDutyReadOnlyAccess: allow(['guardduty:Describe*', 'guardduty:Get*', 'guardduty:List*']),
  CloudWatchLogsReadOnlyAccess: allow(['logs:Describe*', 'logs:Get*', 'logs:List*', 'logs:StartQuery', 'logs:FilterLogEvents']),
};

function allow(actions: string[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] };
}

/** Return the document of an AWS managed policy by ARN, or undefined when the table does not list it. */
export function awsManagedPolicyDocument(policyArn: string): PolicyDocument | undefined {
  const match = /^arn:aws[a-z-]*:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(policyArn);
  if (!match) return undefined;
  const name = match[1]!;
  return Object.hasOwn(Documents, name) ? Documents[name] : undefined;
}

/** Check whether an ARN is in the `aws` namespace of AWS managed policies. */
export function isAwsManagedArn(policyArn: string): boolean {
  return /^arn:aws[a-z-]*:iam::aws:policy\//.test(policyArn);
}
