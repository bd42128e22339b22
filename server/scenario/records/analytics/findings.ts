import { awsApiCallAction, buildFinding, countMatchingCalls, remoteIpDetails } from '../guardduty.js';
import { MINUTE, parseTime, SECOND } from '../time.js';
import type { AnalyticsAttack } from './attack.js';
import * as story from './story.js';

/**
 * The three GuardDuty findings of apexcorp-analytics at their default severity levels (HIGH 8,
 * MEDIUM 5, LOW 2). The API-call findings take their key, caller, first and last seen times and
 * Count from the attack records.
 *
 * NOTE: The levels (InstanceCredentialExfiltration.OutsideAWS HIGH, CredentialAccess
 * AnomalousBehavior MEDIUM, PortProbeUnprotectedPort LOW for port 22) were written from memory of
 * the GuardDuty User Guide's finding-type pages. Recheck them against a current copy.
 */

function roleKeyDetails(accessKeyId: string, principalId: string, userName: string): Record<string, unknown> {
  return { AccessKeyId: accessKeyId, PrincipalId: principalId, UserName: userName, UserType: 'AssumedRole' };
}

function apiFinding(
  attack: AnalyticsAttack,
  spec: { id: string; type: string; severity: number; title: string; description: string; key: string; principalId: string; roleName: string; api: string; eventSource: string; first: string; last: string; created: string },
): Record<string, unknown> {
  const firstSeen = parseTime(spec.first);
  const lastSeen = parseTime(spec.last);
  return buildFinding({
    accountId: story.ACCOUNT_ID,
    region: story.PRIMARY_REGION,
    detectorId: story.DETECTOR_ID,
    id: spec.id,
    type: spec.type,
    severity: spec.severity,
    title: spec.title,
    description: spec.description,
    resource: { AccessKeyDetails: roleKeyDetails(spec.key, spec.principalId, spec.roleName), ResourceType: 'AccessKey' },
    action: awsApiCallAction(spec.api, spec.eventSource, story.ATTACKER),
    resourceRole: 'TARGET',
    count: countMatchingCalls(attack.records, { accessKeyId: spec.key, sourceIp: story.ATTACKER.ip, eventSource: spec.eventSource, firstSeen, lastSeen }),
    firstSeen,
    lastSeen,
    createdAt: parseTime(spec.created),
    updatedAt: parseTime(spec.created),
  });
}

/** Builds the scenario's findings. */
export function buildAnalyticsFindings(attack: AnalyticsAttack): Record<string, unknown>[] {
  const web = story.WEB_ROLE;
  const deploy = story.DEPLOY_ROLE;
  const probeFirst = parseTime('2026-03-10T05:02:11Z');
  return [
    apiFinding(attack, {
      id: story.FINDING_IDS.credentialExfiltration,
      type: 'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS',
      severity: 8,
      title: `Credentials for instance role ${web.roleName} used from external IP address.`,
      description: `Credentials created exclusively for an EC2 instance using instance role ${web.roleName} have been used from external IP address ${story.ATTACKER.ip}.`,
      key: story.STOLEN_KEY_ID,
      principalId: `${web.roleId}:${story.WEB_INSTANCE.instanceId}`,
      roleName: web.roleName,
      api: 'GetCallerIdentity',
      eventSource: 'sts.amazonaws.com',
      first: '2026-03-10T03:31:48Z',
      last: '2026-03-10T03:33:54Z',
      created: '2026-03-10T03:49:12.604Z',
    }),
    apiFinding(attack, {
      id: story.FINDING_IDS.credentialAccess,
      type: 'CredentialAccess:IAMUser/AnomalousBehavior',
      severity: 5,
      title: `The API GetSecretValue was invoked by ${deploy.roleName} in an unusual way.`,
      description: `APIs commonly used to access credentials were invoked by the assumed role session ${story.CHAINED_SESSION_NAME} of ${deploy.roleName} in an anomalous way.`,
      key: story.CHAINED_KEY_ID,
      principalId: `${deploy.roleId}:${story.CHAINED_SESSION_NAME}`,
      roleName: deploy.roleName,
      api: 'GetSecretValue',
      eventSource: 'secretsmanager.amazonaws.com',
      first: '2026-03-10T03:35:10Z',
      last: '2026-03-10T03:39:45Z',
      created: '2026-03-10T04:06:37.219Z',
    }),
    buildFinding({
      accountId: story.ACCOUNT_ID,
      region: story.PRIMARY_REGION,
      detectorId: story.DETECTOR_ID,
      id: story.FINDING_IDS.portProbe,
      type: 'Recon:EC2/PortProbeUnprotectedPort',
      severity: 2,
      title: `Unprotected port on EC2 instance ${story.WEB_INSTANCE.instanceId} is being probed.`,
      description: `EC2 instance ${story.WEB_INSTANCE.instanceId} has an unprotected port 22 which is being probed by a known malicious host.`,
      resource: { InstanceDetails: { InstanceId: story.WEB_INSTANCE.instanceId, InstanceType: 't3.large', AvailabilityZone: story.WEB_INSTANCE.zone }, ResourceType: 'Instance' },
      action: {
        ActionType: 'PORT_PROBE',
        PortProbeAction: { Blocked: false, PortProbeDetails: [{ LocalPortDetails: { Port: 22, PortName: 'SSH' }, RemoteIpDetails: remoteIpDetails(story.SCANNER) }] },
      },
      resourceRole: 'TARGET',
      count: 9,
      firstSeen: probeFirst,
      lastSeen: probeFirst + 17 * MINUTE + 40 * SECOND,
      createdAt: probeFirst + 24 * MINUTE,
      updatedAt: probeFirst + 24 * MINUTE,
    }),
  ];
}
