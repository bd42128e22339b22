import { userArn } from '../cloudtrail.js';
import { consoleLoginEvent, scpDenyMessage } from '../shapes.js';
import type { AttackerCall, RecordLog } from './record-log.js';
import { attackerCall } from './record-log.js';
import type { StoryCast } from './story.js';
import {
  ACCOUNT_ID,
  ACCOUNT_TRAIL,
  at,
  ATTACKER,
  MANAGEMENT_ACCOUNT_ID,
  ORGANIZATION_TRAIL,
  PRIMARY_REGION,
  TOR_BROWSER_USER_AGENT,
} from './story.js';

/** Adds the CloudTrail tampering and the attacker's check of the svc-backup credentials. */
export function addLogTampering(log: RecordLog, story: StoryCast): void {
  const devDeploy = story.cast.ci;
  const key = story.backdoorKeyId;
  const accountTrailArn = `arn:aws:cloudtrail:${PRIMARY_REGION}:${ACCOUNT_ID}:trail/${ACCOUNT_TRAIL}`;
  const organizationTrailArn = `arn:aws:cloudtrail:${PRIMARY_REGION}:${MANAGEMENT_ACCOUNT_ID}:trail/${ORGANIZATION_TRAIL}`;
  const call = (label: string, time: string, details: AttackerCall): void => {
    log.add(`tampering/${label}`, () => attackerCall(devDeploy, key, at(time), details));
  };

  call('describe-trails', '2026-05-08T03:31:08Z', {
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'DescribeTrails',
    requestParameters: { includeShadowTrails: true },
    readOnly: true,
  });
  call('stop-account-trail', '2026-05-08T03:31:40Z', {
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'StopLogging',
    requestParameters: { name: accountTrailArn },
    readOnly: false,
  });
  // A service control policy protects the organization trail, so this call fails even for an administrator.
  call('delete-organization-trail-denied', '2026-05-08T03:32:15Z', {
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'DeleteTrail',
    requestParameters: { name: organizationTrailArn },
    readOnly: false,
    error: { code: 'AccessDenied', message: scpDenyMessage(userArn(devDeploy), 'cloudtrail:DeleteTrail', organizationTrailArn) },
  });

  // The attacker checks the second persistence path: the svc-backup key and console password.
  log.add('tampering/backdoor-user-caller-identity', () =>
    attackerCall(story.backdoorUser, story.backdoorUserKeyId, at('2026-05-08T03:33:02Z'), {
      eventSource: 'sts.amazonaws.com',
      eventName: 'GetCallerIdentity',
      requestParameters: null,
      readOnly: true,
      tlsHost: 'sts.amazonaws.com',
    }),
  );
  log.add('tampering/backdoor-user-console', () =>
    consoleLoginEvent({
      accountId: ACCOUNT_ID,
      time: at('2026-05-08T03:36:10Z'),
      user: story.backdoorUser,
      sourceIp: ATTACKER.ip,
      userAgent: TOR_BROWSER_USER_AGENT,
      success: true,
      mfaUsed: false,
    }),
  );
}

