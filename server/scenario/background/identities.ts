import type { IamUserPrincipal, RolePrincipal } from '../records/cloudtrail.js';
import { awsUniqueId, ec2ResourceId, uuid } from '../records/ids.js';
import { Random } from '../records/prng.js';

/**
 * The people, workloads and services of the ApexCorp account. Every id is derived from the
 * account id and a fixed label, so the background generator and the attack script agree on them
 * without sharing state.
 */

export interface HumanUser extends IamUserPrincipal {
  /** Long-term access key the person uses with the CLI. */
  accessKeyId: string;
  isAdmin: boolean;
  browserUserAgent: string;
  cliUserAgentPrefix: string;
  /** Public IP addresses the person works from. */
  sourceIps: readonly string[];
}

export interface CiUser extends IamUserPrincipal {
  accessKeyId: string;
  /** First three octets of the runner subnet, 10.10.14.0/24. */
  subnetPrefix: string;
}

export interface WebServer {
  instanceId: string;
  name: string;
  privateIp: string;
  publicIp: string;
  availabilityZone: string;
}

export interface Cast {
  accountId: string;
  humans: readonly HumanUser[];
  admin: HumanUser;
  ci: CiUser;
  roles: {
    orderProcessorLambda: RolePrincipal;
    reportBuilderLambda: RolePrincipal;
    apiTask: RolePrincipal;
    ssoAdmin: RolePrincipal;
    webInstance: RolePrincipal;
    autoScaling: RolePrincipal;
    config: RolePrincipal;
  };
  /** People who sign in to the SSO administrator role. */
  ssoSessionNames: readonly string[];
  webServer: WebServer;
  buckets: { artifacts: string; customerData: string };
  /** Interface and gateway VPC endpoint ids, by service. */
  vpcEndpoints: Record<'s3' | 'ecr' | 'ecs' | 'cloudformation' | 'lambda' | 'sts' | 'ssm' | 'secretsmanager', string>;
  /** Private subnet prefix of the ECS tasks, such as `10.10.21.`. */
  taskSubnetPrefix: string;
  /** Public addresses that Lambda functions call AWS from. */
  lambdaEgressIps: readonly string[];
  /** Customer managed KMS key that encrypts application secrets and data. */
  kmsKeyId: string;
  /** VPC of the web tier in the primary region. */
  vpcId: string;
}

/** Office egress addresses. They come from TEST-NET-3 (RFC 5737), which is reserved for examples. */
export const OFFICE_IPS = ['203.0.113.10', '203.0.113.11'] as const;

const CHROME_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0';
const EDGE_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.80';

const CLI_MAC =
  'aws-cli/2.15.40 md/awscrt#0.19.19 ua/2.0 os/macos#23.4.0 md/arch#arm64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off';
const CLI_WINDOWS =
  'aws-cli/2.15.36 md/awscrt#0.19.19 ua/2.0 os/windows#10 md/arch#amd64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/prompt#off';

/** aws-cli v2 on the CI runners. Append ` md/command#<service>.<operation>`. */
export const CI_CLI_USER_AGENT_PREFIX =
  'aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#5.15.0-1057-aws md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.22 md/prompt#off';

export const TERRAFORM_USER_AGENT =
  'APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.46.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.26.1 ua/2.0 os/linux lang/go#1.22.2 md/GOOS#linux md/GOARCH#amd64';

export const LAMBDA_BOTO3_USER_AGENT =
  'Boto3/1.34.42 md/Botocore#1.34.42 ua/2.0 os/linux#5.10.214-223.839.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.2 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy Botocore/1.34.42';

export const ECS_NODE_SDK_USER_AGENT =
  'aws-sdk-js/3.556.0 ua/2.1 os/linux#5.10.214-202.855.amzn2.x86_64 lang/js md/nodejs#20.12.2 exec-env/AWS_ECS_FARGATE';

export const SSM_AGENT_USER_AGENT = 'aws-sdk-go/1.44.260 (go1.21.9; linux; amd64) amazon-ssm-agent/3.3.380.0';

function idFor(prefix: 'AKIA' | 'AIDA' | 'AROA', accountId: string, label: string): string {
  return awsUniqueId(prefix, accountId, Random.fromLabel(`${accountId}:${label}`));
}

function human(
  accountId: string,
  userName: string,
  isAdmin: boolean,
  browserUserAgent: string,
  cliUserAgentPrefix: string,
  sourceIps: readonly string[],
): HumanUser {
  return {
    userName,
    accountId,
    principalId: idFor('AIDA', accountId, `user/${userName}`),
    accessKeyId: idFor('AKIA', accountId, `user/${userName}/key-1`),
    isAdmin,
    browserUserAgent,
    cliUserAgentPrefix,
    sourceIps,
  };
}

function role(accountId: string, roleName: string, path = '/'): RolePrincipal {
  return { roleName, accountId, path, roleId: idFor('AROA', accountId, `role/${roleName}`) };
}

/** Builds the ApexCorp cast for an account. The same account id always gives the same cast. */
export function buildCast(accountId: string): Cast {
  const alice = human(accountId, 'alice.chen', false, CHROME_MAC, CLI_MAC, OFFICE_IPS);
  // Bob also works from home, from a second documentation address (TEST-NET-2).
  const bob = human(accountId, 'bob.martinez', false, FIREFOX_WINDOWS, CLI_WINDOWS, [...OFFICE_IPS, '198.51.100.73']);
  const dana = human(accountId, 'dana.whitfield', true, EDGE_WINDOWS, CLI_WINDOWS, OFFICE_IPS);

  const ci: CiUser = {
    userName: 'dev-deploy',
    accountId,
    principalId: idFor('AIDA', accountId, 'user/dev-deploy'),
    accessKeyId: idFor('AKIA', accountId, 'user/dev-deploy/key-1'),
    subnetPrefix: '10.10.14.',
  };

  const ids = Random.fromLabel(`${accountId}:resources`);
  // NOTE: The web server's zone and addresses assume us-east-1 as the primary region, as in the ApexCorp pack.
  const webServer: WebServer = {
    instanceId: ec2ResourceId('i', ids),
    name: 'apexcorp-web-01',
    privateIp: '10.10.1.24',
    publicIp: '54.163.208.41',
    availabilityZone: 'us-east-1a',
  };

  return {
    accountId,
    humans: [alice, bob, dana],
    admin: dana,
    ci,
    roles: {
      orderProcessorLambda: role(accountId, 'apexcorp-order-processor-role'),
      reportBuilderLambda: role(accountId, 'apexcorp-report-builder-role'),
      apiTask: role(accountId, 'apexcorp-api-task-role'),
      ssoAdmin: role(accountId, 'AWSReservedSSO_AdministratorAccess_4c8d2e1f9a7b3d60', '/aws-reserved/sso.amazonaws.com/'),
      webInstance: role(accountId, 'apexcorp-web-ec2-role'),
      autoScaling: role(accountId, 'AWSServiceRoleForAutoScaling', '/aws-service-role/autoscaling.amazonaws.com/'),
      config: role(accountId, 'AWSServiceRoleForConfig', '/aws-service-role/config.amazonaws.com/'),
    },
    ssoSessionNames: ['marcus.webb@apexcorp.example', 'priya.raman@apexcorp.example'],
    webServer,
    buckets: { artifacts: 'apexcorp-build-artifacts', customerData: 'apexcorp-customer-data' },
    vpcEndpoints: {
      s3: `vpce-${ids.hex(17)}`,
      ecr: `vpce-${ids.hex(17)}`,
      ecs: `vpce-${ids.hex(17)}`,
      cloudformation: `vpce-${ids.hex(17)}`,
      lambda: `vpce-${ids.hex(17)}`,
      sts: `vpce-${ids.hex(17)}`,
      ssm: `vpce-${ids.hex(17)}`,
      secretsmanager: `vpce-${ids.hex(17)}`,
    },
    taskSubnetPrefix: '10.10.21.',
    lambdaEgressIps: ['3.231.78.115', '44.198.52.206'],
    kmsKeyId: uuid(ids),
    vpcId: ec2ResourceId('vpc', ids),
  };
}
