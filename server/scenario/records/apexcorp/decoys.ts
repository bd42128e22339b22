import type { CloudTrailEvent } from '../cloudtrail.js';
import { iamUserIdentity } from '../cloudtrail.js';
import { awsUniqueId } from '../ids.js';
import { Random } from '../prng.js';
import { consoleLoginEvent } from '../shapes.js';
import { iamDate, isoSeconds } from '../time.js';
import type { RecordLog } from './record-log.js';
import type { StoryCast } from './story.js';
import { ACCOUNT_ID, at } from './story.js';

/**
 * Legitimate activity on 2026-05-07 that resembles the attack: a mistyped password, a key
 * rotation and a policy attachment by the admin.
 */
export function addDecoys(log: RecordLog, story: StoryCast): void {
  const { cast } = story;
  const bob = cast.humans.find((user) => user.userName === 'bob.martinez');
  const alice = cast.humans.find((user) => user.userName === 'alice.chen');
  if (!bob || !alice) {
    throw new Error('the ApexCorp cast must contain bob.martinez and alice.chen');
  }
  const admin = cast.admin;
  const office = '203.0.113.10';

  // A developer mistypes the console password, then signs in from the office.
  log.add('decoy/bob-password-typo', () =>
    consoleLoginEvent({ accountId: ACCOUNT_ID, time: at('2026-05-07T13:02:11Z'), user: bob, sourceIp: office, userAgent: bob.browserUserAgent, success: false, mfaUsed: false }),
  );
  log.add('decoy/bob-sign-in', () =>
    consoleLoginEvent({ accountId: ACCOUNT_ID, time: at('2026-05-07T13:02:38Z'), user: bob, sourceIp: office, userAgent: bob.browserUserAgent, success: true, mfaUsed: true }),
  );

  // The admin rotates the key of the BI export user from a console session.
  // Every call of one console session carries the same temporary key.
  const adminIdentity = iamUserIdentity(admin, awsUniqueId('ASIA', ACCOUNT_ID, Random.fromLabel('apexcorp-prod/decoy/admin-session')), {
    creationDate: isoSeconds(at('2026-05-07T15:05:47Z')),
    mfaAuthenticated: true,
  });
  const adminConsoleCall = (
    time: string,
    eventName: string,
    requestParameters: Record<string, unknown>,
    responseElements: Record<string, unknown> | null,
  ): CloudTrailEvent => ({
    accountId: ACCOUNT_ID,
    time: at(time),
    identity: adminIdentity,
    eventSource: 'iam.amazonaws.com',
    eventName,
    region: 'us-east-1',
    sourceIp: office,
    userAgent: admin.browserUserAgent,
    requestParameters,
    responseElements,
    readOnly: false,
    fromConsole: true,
  });
  const rotationUser = story.rotationUser.userName;
  log.add('decoy/rotate-create-key', () =>
    adminConsoleCall('2026-05-07T15:12:40Z', 'CreateAccessKey', { userName: rotationUser }, {
      accessKey: {
        accessKeyId: story.rotationNewKeyId,
        status: 'Active',
        userName: rotationUser,
        createDate: iamDate(at('2026-05-07T15:12:40Z')),
      },
    }),
  );
  log.add('decoy/rotate-deactivate-old-key', () =>
    adminConsoleCall('2026-05-07T15:14:02Z', 'UpdateAccessKey', { userName: rotationUser, accessKeyId: story.rotationOldKeyId, status: 'Inactive' }, null),
  );
  log.add('decoy/rotate-delete-old-key', () =>
    adminConsoleCall('2026-05-07T15:58:30Z', 'DeleteAccessKey', { userName: rotationUser, accessKeyId: story.rotationOldKeyId }, null),
  );

  // The admin grants a developer read access to CloudWatch Logs.
  log.add('decoy/attach-logs-read-to-alice', () =>
    adminConsoleCall('2026-05-07T16:25:33Z', 'AttachUserPolicy', { userName: alice.userName, policyArn: 'arn:aws:iam::aws:policy/CloudWatchLogsReadOnlyAccess' }, null),
  );
}

