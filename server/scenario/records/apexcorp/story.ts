import type { Cast } from '../../background/identities.js';
import { buildCast } from '../../background/identities.js';
import type { IamUserPrincipal } from '../cloudtrail.js';
import { awsUniqueId } from '../ids.js';
import { Random } from '../prng.js';
import type { RemoteHost } from '../guardduty.js';
import { parseTime } from '../time.js';

/**
 * Fixed facts of the ApexCorp scenario: a stolen dev-deploy access key used from a Tor exit node
 * on 2026-05-08. The attack script, the GuardDuty findings and scenario.yaml all rely on them.
 */

export const ACCOUNT_ID = '123456789012';
export const ACCOUNT_ALIAS = 'apexcorp-prod';
export const PRIMARY_REGION = 'us-east-1';
export const SECOND_REGION = 'us-west-2';
export const REGIONS = [PRIMARY_REGION, SECOND_REGION, 'eu-west-1'];
export const WINDOW = { start: '2026-05-07T00:00:00Z', end: '2026-05-08T06:00:00Z' } as const;

/** Organization management account that owns the organization trail. */
export const MANAGEMENT_ACCOUNT_ID = '210987654321';
export const ACCOUNT_TRAIL = 'apexcorp-mgmt-trail';
export const ORGANIZATION_TRAIL = 'apexcorp-org-trail';

export const PIPELINE_POLICY_ARN = `arn:aws:iam::${ACCOUNT_ID}:policy/DevDeployPipelinePolicy`;
export const ADMIN_POLICY_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';
export const BACKDOOR_USER_NAME = 'svc-backup';
export const KEY_PAIR_NAME = 'backup-ops-key';
export const SECURITY_GROUP_NAME = 'backup-ops-sg';
export const MINING_POOL_DOMAIN = 'pool.supportxmr.com';

/**
 * Number of GetObject calls in the exfiltration, spread evenly over EXFILTRATION_SPAN. At one
 * object a second `aws s3 cp --recursive` through Tor finishes them in about 21 minutes.
 */
export const EXFILTRATED_OBJECT_COUNT = 1_240;
export const EXFILTRATION_SPAN = { start: '2026-05-08T02:13:20Z', end: '2026-05-08T02:40:00Z' } as const;

export const DETECTOR_ID = '714f940f6afce2acd8c375bdd7a79a3a';

/** GuardDuty finding ids. scenario.yaml releases them by phase. */
export const FINDING_IDS = {
  s3TorCaller: 'dad384603aa0b0c9dee3ce104f3e2075',
  privilegeEscalation: 'f6630a7c682ffe137958da263cd113e7',
  persistence: 'df2655512ea31eb3d004c359005c7adf',
  s3Exfiltration: 'fa49ed5d07dc12afc7513922d92309da',
  bitcoinDns: '12c6079828b36ccebd59141ea12e615a',
  portProbe: '6293693685b948b319dd649a8a9d2ef7',
} as const;

/**
 * The Tor exit node the attacker works from. The address is given by the scenario. The network
 * details are illustrative: GuardDuty would fill them from its own geolocation data.
 */
export const ATTACKER: RemoteHost = {
  ip: '185.220.101.45',
  countryCode: 'DE',
  countryName: 'Germany',
  city: 'Berlin',
  lat: 52.5196,
  lon: 13.4069,
  asn: '60729',
  asnOrg: 'Stiftung Erneuerbare Freiheit',
  isp: 'Stiftung Erneuerbare Freiheit',
  org: 'Stiftung Erneuerbare Freiheit',
};

/**
 * The scanner behind the unrelated port-probe finding. The address (TEST-NET-2, RFC 5737) and
 * the ASN (RFC 5398) are reserved for documentation, so they name no real host.
 */
export const SCANNER: RemoteHost = {
  ip: '198.51.100.23',
  countryCode: 'NL',
  countryName: 'Netherlands',
  city: 'Amsterdam',
  lat: 52.3740,
  lon: 4.8897,
  asn: '64500',
  asnOrg: 'EXAMPLE-HOSTING-AS',
  isp: 'Example Hosting B.V.',
  org: 'Example Hosting B.V.',
};

/** Browser user agent of Tor Browser 13, which reports Firefox 115 on Windows. */
export const TOR_BROWSER_USER_AGENT = 'Mozilla/5.0 (Windows NT 10.0; rv:115.0) Gecko/20100101 Firefox/115.0';

/** The attacker's CLI: aws-cli v1 on Debian 12, unlike the v2 CLI the pipeline uses. */
export const ATTACKER_CLI_USER_AGENT = 'aws-cli/1.32.84 Python/3.11.2 Linux/6.1.0-18-amd64 botocore/1.34.84';

export interface StoryCast {
  cast: Cast;
  /** dev-deploy's own key, used by the pipeline and stolen by the attacker. */
  pipelineKeyId: string;
  /** The second dev-deploy key that the attacker creates. */
  backdoorKeyId: string;
  backdoorUser: IamUserPrincipal;
  backdoorUserKeyId: string;
  /** Third-party export user whose key the admin rotates the day before. */
  rotationUser: IamUserPrincipal;
  rotationOldKeyId: string;
  rotationNewKeyId: string;
}

function idFor(prefix: 'AKIA' | 'AIDA', label: string): string {
  return awsUniqueId(prefix, ACCOUNT_ID, Random.fromLabel(`${ACCOUNT_ID}:${label}`));
}

export function buildStoryCast(): StoryCast {
  const cast = buildCast(ACCOUNT_ID);
  return {
    cast,
    pipelineKeyId: cast.ci.accessKeyId,
    backdoorKeyId: idFor('AKIA', 'user/dev-deploy/key-2'),
    backdoorUser: { userName: BACKDOOR_USER_NAME, accountId: ACCOUNT_ID, principalId: idFor('AIDA', `user/${BACKDOOR_USER_NAME}`) },
    backdoorUserKeyId: idFor('AKIA', `user/${BACKDOOR_USER_NAME}/key-1`),
    rotationUser: { userName: 'bi-export', accountId: ACCOUNT_ID, principalId: idFor('AIDA', 'user/bi-export') },
    rotationOldKeyId: idFor('AKIA', 'user/bi-export/key-1'),
    rotationNewKeyId: idFor('AKIA', 'user/bi-export/key-2'),
  };
}

/** Parses a scenario time such as `2026-05-08T02:03:18Z`. */
export function at(iso: string): number {
  return parseTime(iso);
}
