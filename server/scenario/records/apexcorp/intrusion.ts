import { iamUserIdentity, userArn } from '../cloudtrail.js';
import { consoleLoginEvent, ec2DenyMessage, implicitDenyMessage, s3ListBucketsEvent } from '../shapes.js';
import { iamDate } from '../time.js';
import type { AttackerCall, RecordLog } from './record-log.js';
import { attackerCall } from './record-log.js';
import type { StoryCast } from './story.js';
import {
  ACCOUNT_ID,
  ADMIN_POLICY_ARN,
  at,
  ATTACKER,
  ATTACKER_CLI_USER_AGENT,
  PIPELINE_POLICY_ARN,
  PRIMARY_REGION,
  SECOND_REGION,
  TOR_BROWSER_USER_AGENT,
} from './story.js';

/** The first hour of the attack with the stolen dev-deploy key: discovery, escalation and persistence. */

/** Adds reconnaissance with the stolen key, denied calls included, and console password guesses. */
export function addDiscovery(log: RecordLog, story: StoryCast): void {
  const devDeploy = story.cast.ci;
  const key = story.pipelineKeyId;
  const arn = userArn(devDeploy);
  const call = (label: string, time: string, details: AttackerCall): void => {
    log.add(`discovery/${label}`, () => attackerCall(devDeploy, key, at(time), details));
  };

  call('get-caller-identity', '2026-05-08T01:52:07Z', {
    eventSource: 'sts.amazonaws.com',
    eventName: 'GetCallerIdentity',
    requestParameters: null,
    readOnly: true,
    tlsHost: 'sts.amazonaws.com',
  });
  call('list-users', '2026-05-08T01:52:44Z', { eventSource: 'iam.amazonaws.com', eventName: 'ListUsers', requestParameters: null, readOnly: true });
  call('list-own-policies', '2026-05-08T01:53:09Z', {
    eventSource: 'iam.amazonaws.com',
    eventName: 'ListAttachedUserPolicies',
    requestParameters: { userName: devDeploy.userName },
    readOnly: true,
  });
  call('get-pipeline-policy', '2026-05-08T01:53:31Z', {
    eventSource: 'iam.amazonaws.com',
    eventName: 'GetPolicy',
    requestParameters: { policyArn: PIPELINE_POLICY_ARN },
    readOnly: true,
  });
  call('get-pipeline-policy-version', '2026-05-08T01:53:52Z', {
    eventSource: 'iam.amazonaws.com',
    eventName: 'GetPolicyVersion',
    requestParameters: { policyArn: PIPELINE_POLICY_ARN, versionId: 'v3' },
    readOnly: true,
  });
  call('list-roles-denied', '2026-05-08T01:54:20Z', {
    eventSource: 'iam.amazonaws.com',
    eventName: 'ListRoles',
    requestParameters: null,
    readOnly: true,
    error: { code: 'AccessDenied', message: implicitDenyMessage(arn, 'iam:ListRoles', `arn:aws:iam::${ACCOUNT_ID}:role/`) },
  });
  log.add('discovery/list-buckets-denied', (rng) =>
    s3ListBucketsEvent(
      {
        accountId: ACCOUNT_ID,
        time: at('2026-05-08T01:54:37Z'),
        identity: iamUserIdentity(devDeploy, key),
        region: PRIMARY_REGION,
        sourceIp: ATTACKER.ip,
        userAgent: ATTACKER_CLI_USER_AGENT,
        tlsVersion: 'TLSv1.2',
      },
      rng,
      true,
    ),
  );
  call('describe-regions-denied', '2026-05-08T01:54:58Z', {
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DescribeRegions',
    requestParameters: { regionSet: {} },
    readOnly: true,
    error: { code: 'Client.UnauthorizedOperation', message: ec2DenyMessage(arn, 'ec2:DescribeRegions') },
  });
  for (const [region, time] of [
    [PRIMARY_REGION, '2026-05-08T01:55:16Z'],
    [SECOND_REGION, '2026-05-08T01:55:24Z'],
  ] as const) {
    call(`describe-instances-denied-${region}`, time, {
      eventSource: 'ec2.amazonaws.com',
      eventName: 'DescribeInstances',
      region,
      requestParameters: { instancesSet: {}, filterSet: {} },
      readOnly: true,
      error: { code: 'Client.UnauthorizedOperation', message: ec2DenyMessage(arn, 'ec2:DescribeInstances') },
    });
  }

  // Password guesses against the people listed by ListUsers, from Tor Browser.
  const guesses = [
    ['alice.chen', '2026-05-08T01:56:02Z'],
    ['bob.martinez', '2026-05-08T01:56:31Z'],
    ['dana.whitfield', '2026-05-08T01:57:05Z'],
    ['dana.whitfield', '2026-05-08T01:57:40Z'],
  ] as const;
  guesses.forEach(([userName, time], index) => {
    const user = story.cast.humans.find((human) => human.userName === userName);
    if (!user) {
      throw new Error(`the ApexCorp cast has no user ${userName}`);
    }
    log.add(`discovery/console-guess-${index + 1}-${userName}`, () =>
      consoleLoginEvent({ accountId: ACCOUNT_ID, time: at(time), user, sourceIp: ATTACKER.ip, userAgent: TOR_BROWSER_USER_AGENT, success: false, mfaUsed: false }),
    );
  });
}

/** Adds the self-granted AdministratorAccess, the backdoor dev-deploy key and the svc-backup user. */
export function addEscalationAndPersistence(log: RecordLog, story: StoryCast): void {
  const devDeploy = story.cast.ci;
  const key = story.pipelineKeyId;
  const backdoorUser = story.backdoorUser.userName;
  const call = (label: string, time: string, details: AttackerCall): void => {
    log.add(label, () => attackerCall(devDeploy, key, at(time), details));
  };

  // DevDeployPipelinePolicy allows iam:AttachUserPolicy on every user, so dev-deploy can make itself an administrator.
  call('escalation/attach-admin-to-dev-deploy', '2026-05-08T02:03:18Z', {
    eventSource: 'iam.amazonaws.com',
    eventName: 'AttachUserPolicy',
    requestParameters: { userName: devDeploy.userName, policyArn: ADMIN_POLICY_ARN },
    readOnly: false,
  });
  call('escalation/list-own-policies', '2026-05-08T02:03:49Z', {
    eventSource: 'iam.amazonaws.com',
    eventName: 'ListAttachedUserPolicies',
    requestParameters: { userName: devDeploy.userName },
    readOnly: true,
  });

  call('persistence/create-backdoor-key', '2026-05-08T02:05:02Z', {
    eventSource: 'iam.amazonaws.com',
    eventName: 'CreateAccessKey',
    requestParameters: { userName: devDeploy.userName },
    responseElements: {
      accessKey: {
        accessKeyId: story.backdoorKeyId,
        status: 'Active',
        userName: devDeploy.userName,
        createDate: iamDate(at('2026-05-08T02:05:02Z')),
      },
    },
    readOnly: false,
  });
  call('persistence/create-user', '2026-05-08T02:07:30Z', {
    eventSource: 'iam.amazonaws.com',
    eventName: 'CreateUser',
    requestParameters: { userName: backdoorUser },
    responseElements: {
      user: {
        path: '/',
        userName: backdoorUser,
        userId: story.backdoorUser.principalId,
        arn: userArn(story.backdoorUser),
        createDate: iamDate(at('2026-05-08T02:07:30Z')),
      },
    },
    readOnly: false,
  });
  call('persistence/create-login-profile', '2026-05-08T02:07:58Z', {
    eventSource: 'iam.amazonaws.com',
    eventName: 'CreateLoginProfile',
    requestParameters: { userName: backdoorUser, passwordResetRequired: false },
    responseElements: {
      loginProfile: { userName: backdoorUser, createDate: iamDate(at('2026-05-08T02:07:58Z')), passwordResetRequired: false },
    },
    readOnly: false,
  });
  call('persistence/attach-admin-to-backdoor-user', '2026-05-08T02:08:20Z', {
    eventSource: 'iam.amazonaws.com',
    eventName: 'AttachUserPolicy',
    requestParameters: { userName: backdoorUser, policyArn: ADMIN_POLICY_ARN },
    readOnly: false,
  });
  call('persistence/create-backdoor-user-key', '2026-05-08T02:08:45Z', {
    eventSource: 'iam.amazonaws.com',
    eventName: 'CreateAccessKey',
    requestParameters: { userName: backdoorUser },
    responseElements: {
      accessKey: {
        accessKeyId: story.backdoorUserKeyId,
        status: 'Active',
        userName: backdoorUser,
        createDate: iamDate(at('2026-05-08T02:08:45Z')),
      },
    },
    readOnly: false,
  });
}

