import type { RolePrincipal } from '../cloudtrail.js';
import { awsUniqueId } from '../ids.js';
import { Random } from '../prng.js';
import type { StoryCast } from './story.js';
import { ACCOUNT_ID, PIPELINE_POLICY_ARN, WINDOW } from './story.js';

/**
 * The account's IAM state at the start of the scenario window, in the shape of `aws iam
 * get-account-authorization-details`, plus the access keys of each user as `aws iam
 * list-access-keys` returns them (the authorization details leave keys out).
 */

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const LAMBDA_BASIC = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';

function encode(document: unknown): string {
  // The authorization details return policy documents URL-encoded.
  return encodeURIComponent(JSON.stringify(document));
}

/**
 * The pipeline's own policy. Its IAM statement lets dev-deploy attach any policy to itself
 * (meant for a narrow deploy policy), which is the flaw the attacker uses.
 */
export const PIPELINE_POLICY_DOCUMENT = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'PushImagesAndArtifacts',
      Effect: 'Allow',
      Action: ['ecr:GetAuthorizationToken', 'ecr:BatchCheckLayerAvailability', 'ecr:PutImage', 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload', 's3:PutObject', 's3:GetObject'],
      Resource: '*',
    },
    {
      Sid: 'DeployServices',
      Effect: 'Allow',
      Action: ['ecs:UpdateService', 'ecs:DescribeServices', 'ecs:RegisterTaskDefinition', 'cloudformation:*', 'lambda:UpdateFunctionCode', 'lambda:GetFunction', 'iam:PassRole'],
      Resource: '*',
    },
    {
      Sid: 'ManageOwnPolicies',
      Effect: 'Allow',
      Action: ['iam:AttachUserPolicy', 'iam:DetachUserPolicy', 'iam:ListAttachedUserPolicies', 'iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:CreateAccessKey', 'iam:ListUsers'],
      Resource: '*',
    },
  ],
};

function lambdaTrust(): unknown {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
}

function roleDetail(role: RolePrincipal, service: string, created: string, policies: string[]): Record<string, unknown> {
  return {
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: `arn:aws:iam::${ACCOUNT_ID}:role${role.path}${role.roleName}`,
    CreateDate: created,
    AssumeRolePolicyDocument: encode({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] }),
    InstanceProfileList: [],
    RolePolicyList: [],
    AttachedManagedPolicies: policies.map((arn) => ({ PolicyName: arn.split('/').pop(), PolicyArn: arn })),
    Tags: [],
  };
}

/** Builds the IAM snapshot of the ApexCorp account at the start of the window. */
export function buildIamSnapshot(story: StoryCast): Record<string, unknown> {
  const { cast } = story;
  const users = [...cast.humans.map((human) => ({ principal: human, keyId: human.accessKeyId })), { principal: cast.ci, keyId: story.pipelineKeyId }];
  const groupOf = (userName: string): string[] => {
    if (userName === cast.admin.userName) return ['Administrators'];
    if (userName === 'dev-deploy') return [];
    return ['Developers'];
  };

  const userDetails: Record<string, unknown>[] = users.map(({ principal }) => ({
    Path: '/',
    UserName: principal.userName,
    UserId: principal.principalId,
    Arn: `arn:aws:iam::${ACCOUNT_ID}:user/${principal.userName}`,
    CreateDate: principal.userName === 'dev-deploy' ? '2024-02-19T10:14:52Z' : '2023-06-05T09:31:07Z',
    UserPolicyList: [],
    GroupList: groupOf(principal.userName),
    AttachedManagedPolicies: principal.userName === 'dev-deploy' ? [{ PolicyName: 'DevDeployPipelinePolicy', PolicyArn: PIPELINE_POLICY_ARN }] : [],
    Tags: principal.userName === 'dev-deploy' ? [{ Key: 'purpose', Value: 'ci-cd' }] : [],
  }));
  userDetails.push({
    Path: '/',
    UserName: story.rotationUser.userName,
    UserId: story.rotationUser.principalId,
    Arn: `arn:aws:iam::${ACCOUNT_ID}:user/${story.rotationUser.userName}`,
    CreateDate: '2024-11-02T14:20:33Z',
    UserPolicyList: [
      {
        PolicyName: 'bi-export-read',
        PolicyDocument: encode({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::${cast.buckets.customerData}/exports/*`, `arn:aws:s3:::${cast.buckets.customerData}`] }] }),
      },
    ],
    GroupList: [],
    AttachedManagedPolicies: [],
    Tags: [{ Key: 'purpose', Value: 'third-party-bi-export' }],
  });

  const accessKeys = [
    ...users.map(({ principal, keyId }) => ({ UserName: principal.userName, AccessKeyId: keyId, Status: 'Active', CreateDate: '2025-11-20T08:00:00Z' })),
    { UserName: story.rotationUser.userName, AccessKeyId: story.rotationOldKeyId, Status: 'Active', CreateDate: '2025-05-06T15:40:12Z' },
  ];

  const groupId = (name: string) => awsUniqueId('AGPA', ACCOUNT_ID, Random.fromLabel(`${ACCOUNT_ID}:group/${name}`));
  const roles = cast.roles;
  return {
    SnapshotTime: WINDOW.start,
    UserDetailList: userDetails,
    GroupDetailList: [
      { Path: '/', GroupName: 'Administrators', GroupId: groupId('Administrators'), Arn: `arn:aws:iam::${ACCOUNT_ID}:group/Administrators`, CreateDate: '2023-06-05T09:12:44Z', GroupPolicyList: [], AttachedManagedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: ADMIN }] },
      { Path: '/', GroupName: 'Developers', GroupId: groupId('Developers'), Arn: `arn:aws:iam::${ACCOUNT_ID}:group/Developers`, CreateDate: '2023-06-05T09:13:02Z', GroupPolicyList: [], AttachedManagedPolicies: [{ PolicyName: 'ReadOnlyAccess', PolicyArn: READ_ONLY }] },
    ],
    RoleDetailList: [
      { ...roleDetail(roles.orderProcessorLambda, 'lambda.amazonaws.com', '2024-03-11T12:00:41Z', [LAMBDA_BASIC]), AssumeRolePolicyDocument: encode(lambdaTrust()) },
      { ...roleDetail(roles.reportBuilderLambda, 'lambda.amazonaws.com', '2024-03-11T12:02:19Z', [LAMBDA_BASIC]), AssumeRolePolicyDocument: encode(lambdaTrust()) },
      roleDetail(roles.apiTask, 'ecs-tasks.amazonaws.com', '2024-04-02T16:45:10Z', []),
      roleDetail(roles.webInstance, 'ec2.amazonaws.com', '2023-09-14T17:30:55Z', ['arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore']),
      roleDetail(roles.ssoAdmin, 'sso.amazonaws.com', '2023-06-05T08:55:20Z', [ADMIN]),
      roleDetail(roles.autoScaling, 'autoscaling.amazonaws.com', '2023-09-14T17:31:02Z', []),
      roleDetail(roles.config, 'config.amazonaws.com', '2023-06-05T09:02:48Z', []),
    ],
    Policies: [
      {
        PolicyName: 'DevDeployPipelinePolicy',
        PolicyId: awsUniqueId('ANPA', ACCOUNT_ID, Random.fromLabel(`${ACCOUNT_ID}:policy/DevDeployPipelinePolicy`)),
        Arn: PIPELINE_POLICY_ARN,
        Path: '/',
        DefaultVersionId: 'v3',
        AttachmentCount: 1,
        IsAttachable: true,
        CreateDate: '2024-02-19T10:15:30Z',
        UpdateDate: '2025-08-27T13:48:02Z',
        PolicyVersionList: [{ Document: encode(PIPELINE_POLICY_DOCUMENT), VersionId: 'v3', IsDefaultVersion: true, CreateDate: '2025-08-27T13:48:02Z' }],
      },
    ],
    AccessKeyMetadata: accessKeys,
  };
}
