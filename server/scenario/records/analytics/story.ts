import type { RolePrincipal } from '../cloudtrail.js';
import type { RemoteHost } from '../guardduty.js';
import { awsUniqueId, ec2ResourceId } from '../ids.js';
import { Random } from '../prng.js';

/**
 * Fixed facts of the apexcorp-analytics scenario: the web server of ApexCorp's analytics account
 * has a server-side request forgery flaw. An attacker reads the instance role's credentials from
 * the instance metadata service and uses them from outside AWS, chains into the deploy role,
 * reads Secrets Manager secrets and leaves a Lambda function with a public URL as a backdoor.
 */

export const ACCOUNT_ID = '345678901234';
export const ACCOUNT_ALIAS = 'apexcorp-analytics';
export const PRIMARY_REGION = 'eu-west-1';
export const REGIONS = [PRIMARY_REGION, 'eu-central-1', 'us-east-1'];
export const WINDOW = { start: '2026-03-10T00:00:00Z', end: '2026-03-10T12:00:00Z' } as const;
export const DETECTOR_ID = '3c9e1f7a5b2d4e6f8a0b1c2d3e4f5a6b';

const ids = (label: string) => Random.fromLabel(`${ACCOUNT_ID}:${label}`);
const role = (roleName: string): RolePrincipal => ({ roleName, accountId: ACCOUNT_ID, path: '/', roleId: awsUniqueId('AROA', ACCOUNT_ID, ids(`role/${roleName}`)) });

/** The role of the analytics web server, delivered to the instance through IMDSv2. */
export const WEB_ROLE = role('analytics-web-ec2-role');
/** The deploy role, which the web role may assume by mistake: the chain the attacker follows. */
export const DEPLOY_ROLE = role('analytics-deploy-role');
/** The role the attacker's Lambda function runs with. */
export const FUNCTION_ROLE = role('analytics-etl-lambda-role');

export const WEB_INSTANCE = {
  instanceId: ec2ResourceId('i', ids('instance/analytics-web-01')),
  name: 'analytics-web-01',
  privateIp: '10.30.1.21',
  zone: 'eu-west-1b',
};

/** Temporary key of the instance-role session that the attacker steals. */
export const STOLEN_KEY_ID = awsUniqueId('ASIA', ACCOUNT_ID, ids('session/web-role'));
/** Temporary key of the deploy-role session the attacker obtains by AssumeRole. */
export const CHAINED_KEY_ID = awsUniqueId('ASIA', ACCOUNT_ID, ids('session/deploy-role'));
export const CHAINED_SESSION_NAME = 'botocore-session-1773113634';

export const READ_SECRETS = ['prod/analytics/warehouse-db', 'prod/payments/stripe-api-key', 'prod/analytics/looker-admin'];
export const DENIED_SECRET = 'prod/hr/payroll-db';
export const DECOY_SECRET = 'staging/analytics/warehouse-db';
export const BACKDOOR_FUNCTION = 'analytics-cache-warmer';
export const BACKDOOR_URL_ID = 'k3v7qz5m2xw9tj4hd6ry8bnc1fpa0ueo';

export const FINDING_IDS = {
  credentialExfiltration: '7b2e9c41d08f4a6b95c3e1d7f2a8b460',
  credentialAccess: 'a94f1c7e3b6d42089e5f7c1b2d3a4e68',
  portProbe: '1e6d8b3f5a7c49e2b0d4f6a8c2e1b357',
} as const;

/** The attacker's VPS. The address is from TEST-NET-2 (RFC 5737) and the ASN from RFC 5398. */
export const ATTACKER: RemoteHost = {
  ip: '198.51.100.77',
  countryCode: 'RO',
  countryName: 'Romania',
  city: 'Bucharest',
  lat: 44.4268,
  lon: 26.1025,
  asn: '64501',
  asnOrg: 'EXAMPLE-VPS-AS',
  isp: 'Example VPS SRL',
  org: 'Example VPS SRL',
};

/** The scanner behind the unrelated port-probe finding, also from documentation ranges. */
export const SCANNER: RemoteHost = {
  ip: '192.0.2.44',
  countryCode: 'US',
  countryName: 'United States',
  city: 'Ashburn',
  lat: 39.0438,
  lon: -77.4874,
  asn: '64502',
  asnOrg: 'EXAMPLE-SCAN-AS',
  isp: 'Example Scanning LLC',
  org: 'Example Scanning LLC',
};

/** Boto3 from a Python script, the way offensive toolkits built on botocore identify themselves. */
export const ATTACKER_USER_AGENT =
  'Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#6.1.0-18-amd64 md/arch#x86_64 lang/python#3.11.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69';
/** The web application's own SDK on the instance. */
export const INSTANCE_USER_AGENT = 'aws-sdk-js/3.540.0 ua/2.0 os/linux#6.1.79-99.164.amzn2023.x86_64 lang/js md/nodejs#20.12.0 api/s3#3.540.0';
