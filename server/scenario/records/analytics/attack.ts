import type { CloudTrailRecord } from '../../manifest.js';
import { assumedRoleArn, assumedRoleIdentity, buildRecord, compareRecords, iamUserIdentity, roleArn, type CloudTrailEvent } from '../cloudtrail.js';
import { awsUniqueId, base64Text } from '../ids.js';
import { Random } from '../prng.js';
import { ec2DenyMessage, implicitDenyMessage } from '../shapes.js';
import { longDateTime, parseTime } from '../time.js';
import * as story from './story.js';

/** The scripted CloudTrail records of apexcorp-analytics: the instance's own calls, a decoy and the attack. */

type Call = Omit<CloudTrailEvent, 'accountId' | 'time' | 'region' | 'readOnly'> & { region?: string; readOnly?: boolean };

/** Collects records under unique labels; each record's ids come from a generator seeded by its label. */
class AnalyticsRecordLog {
  readonly byLabel = new Map<string, CloudTrailRecord>();

  add(label: string, time: string, call: Call | ((rng: Random) => Call)): CloudTrailRecord {
    if (this.byLabel.has(label)) throw new Error(`duplicate record label "${label}"`);
    const rng = Random.fromLabel(`apexcorp-analytics/${label}`);
    const event = typeof call === 'function' ? call(rng) : call;
    const record = buildRecord({ accountId: story.ACCOUNT_ID, time: parseTime(time), region: story.PRIMARY_REGION, readOnly: false, ...event }, rng);
    this.byLabel.set(label, record);
    return record;
  }
}

const webSession = { creationDate: '2026-03-10T02:41:09Z', mfaAuthenticated: false };
const webIdentity = () =>
  assumedRoleIdentity(story.WEB_ROLE, story.WEB_INSTANCE.instanceId, { accessKeyId: story.STOLEN_KEY_ID, session: webSession, ec2RoleDelivery: '2.0' });
const deployIdentity = () =>
  assumedRoleIdentity(story.DEPLOY_ROLE, story.CHAINED_SESSION_NAME, { accessKeyId: story.CHAINED_KEY_ID, session: { creationDate: '2026-03-10T03:33:54Z', mfaAuthenticated: false } });

const fromAttacker = { sourceIp: story.ATTACKER.ip, userAgent: story.ATTACKER_USER_AGENT, tlsVersion: 'TLSv1.2' as const };
const denied = (principal: string, action: string, resource: string) => ({ code: 'AccessDenied', message: implicitDenyMessage(principal, action, resource) });

function addInstanceTraffic(log: AnalyticsRecordLog): void {
  // The web application reads report templates with the same role session, from inside the VPC.
  ['02:45:12', '03:05:40', '03:26:03', '03:58:27', '04:31:55'].forEach((time, index) => {
    log.add(`instance/get-template-${index}`, `2026-03-10T${time}Z`, (rng) => ({
      identity: webIdentity(),
      eventSource: 's3.amazonaws.com',
      eventName: 'GetObject',
      sourceIp: story.WEB_INSTANCE.privateIp,
      userAgent: story.INSTANCE_USER_AGENT,
      requestParameters: { bucketName: 'apexcorp-analytics-templates', Host: 'apexcorp-analytics-templates.s3.eu-west-1.amazonaws.com', key: `reports/template-${index + 1}.html` },
      responseElements: null,
      additionalEventData: { bytesTransferredIn: 0, bytesTransferredOut: rng.int(8_000, 40_000), 'x-amz-id-2': base64Text(rng, 76) },
      resources: [
        { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::apexcorp-analytics-templates/reports/template-${index + 1}.html` },
        { accountId: story.ACCOUNT_ID, type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::apexcorp-analytics-templates' },
      ],
      readOnly: true,
      category: 'Data',
      vpcEndpointId: 'vpce-0a1b2c3d4e5f60718',
    }));
  });
}

function addDecoy(log: AnalyticsRecordLog): void {
  // A data engineer assumes the deploy role from the office, as the runbook prescribes, and reads the staging secret.
  const engineer = { userName: 'priya.raman', accountId: story.ACCOUNT_ID, principalId: awsUniqueId('AIDA', story.ACCOUNT_ID, Random.fromLabel(`${story.ACCOUNT_ID}:user/priya.raman`)) };
  const office = { sourceIp: '203.0.113.10', userAgent: 'aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0 exe/x86_64 prompt/off command/sts.assume-role' };
  const session = 'priya.raman-migration';
  const key = awsUniqueId('ASIA', story.ACCOUNT_ID, Random.fromLabel(`${story.ACCOUNT_ID}:session/priya`));
  log.add('decoy/assume-deploy-role', '2026-03-10T01:14:22Z', {
    identity: iamUserIdentity(engineer, awsUniqueId('AKIA', story.ACCOUNT_ID, Random.fromLabel(`${story.ACCOUNT_ID}:user/priya.raman/key-1`))),
    eventSource: 'sts.amazonaws.com',
    eventName: 'AssumeRole',
    ...office,
    requestParameters: { roleArn: roleArn(story.DEPLOY_ROLE), roleSessionName: session, durationSeconds: 3600 },
    responseElements: {
      credentials: { accessKeyId: key, sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLEDECOYTOKEN', expiration: longDateTime(parseTime('2026-03-10T02:14:22Z')) },
      assumedRoleUser: { assumedRoleId: `${story.DEPLOY_ROLE.roleId}:${session}`, arn: assumedRoleArn(story.DEPLOY_ROLE, session) },
    },
    resources: [{ accountId: story.ACCOUNT_ID, type: 'AWS::IAM::Role', ARN: roleArn(story.DEPLOY_ROLE) }],
  });
  log.add('decoy/read-staging-secret', '2026-03-10T01:15:03Z', {
    identity: assumedRoleIdentity(story.DEPLOY_ROLE, session, { accessKeyId: key, session: { creationDate: '2026-03-10T01:14:22Z', mfaAuthenticated: false } }),
    eventSource: 'secretsmanager.amazonaws.com',
    eventName: 'GetSecretValue',
    ...office,
    requestParameters: { secretId: story.DECOY_SECRET },
    responseElements: null,
    readOnly: true,
  });
}

function addAttack(log: AnalyticsRecordLog): void {
  const web = assumedRoleArn(story.WEB_ROLE, story.WEB_INSTANCE.instanceId);
  const deploy = assumedRoleArn(story.DEPLOY_ROLE, story.CHAINED_SESSION_NAME);
  log.add('attack/get-caller-identity', '2026-03-10T03:31:48Z', { identity: webIdentity(), eventSource: 'sts.amazonaws.com', eventName: 'GetCallerIdentity', ...fromAttacker, requestParameters: null, responseElements: null, readOnly: true });
  log.add('attack/list-role-policies', '2026-03-10T03:32:20Z', {
    identity: webIdentity(),
    eventSource: 'iam.amazonaws.com',
    eventName: 'ListAttachedRolePolicies',
    region: 'us-east-1',
    ...fromAttacker,
    requestParameters: { roleName: story.WEB_ROLE.roleName },
    responseElements: null,
    readOnly: true,
    error: denied(web, 'iam:ListAttachedRolePolicies', roleArn(story.WEB_ROLE)),
  });
  log.add('attack/describe-own-instance', '2026-03-10T03:32:35Z', {
    identity: webIdentity(),
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DescribeInstances',
    ...fromAttacker,
    requestParameters: { instancesSet: { items: [{ instanceId: story.WEB_INSTANCE.instanceId }] }, filterSet: {} },
    responseElements: null,
    readOnly: true,
    error: { code: 'Client.UnauthorizedOperation', message: ec2DenyMessage(web, 'ec2:DescribeInstances') },
  });
  log.add('attack/list-buckets', '2026-03-10T03:32:51Z', {
    identity: webIdentity(),
    eventSource: 's3.amazonaws.com',
    eventName: 'ListBuckets',
    ...fromAttacker,
    requestParameters: { Host: 's3.eu-west-1.amazonaws.com' },
    responseElements: null,
    readOnly: true,
    error: { code: 'AccessDenied', message: 'Access Denied' },
  });
  log.add('attack/assume-deploy-role', '2026-03-10T03:33:54Z', {
    identity: webIdentity(),
    eventSource: 'sts.amazonaws.com',
    eventName: 'AssumeRole',
    ...fromAttacker,
    requestParameters: { roleArn: roleArn(story.DEPLOY_ROLE), roleSessionName: story.CHAINED_SESSION_NAME },
    responseElements: {
      credentials: { accessKeyId: story.CHAINED_KEY_ID, sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLECHAINEDTOKEN', expiration: longDateTime(parseTime('2026-03-10T04:33:54Z')) },
      assumedRoleUser: { assumedRoleId: `${story.DEPLOY_ROLE.roleId}:${story.CHAINED_SESSION_NAME}`, arn: deploy },
    },
    resources: [{ accountId: story.ACCOUNT_ID, type: 'AWS::IAM::Role', ARN: roleArn(story.DEPLOY_ROLE) }],
  });

  const asDeploy = { identity: deployIdentity(), ...fromAttacker };
  log.add('attack/list-secrets', '2026-03-10T03:35:10Z', { ...asDeploy, eventSource: 'secretsmanager.amazonaws.com', eventName: 'ListSecrets', requestParameters: null, responseElements: null, readOnly: true });
  story.READ_SECRETS.forEach((secret, index) => {
    log.add(`attack/get-secret-${index}`, `2026-03-10T03:3${6 + index}:2${index}Z`, {
      ...asDeploy,
      eventSource: 'secretsmanager.amazonaws.com',
      eventName: 'GetSecretValue',
      requestParameters: { secretId: secret },
      responseElements: null,
      readOnly: true,
    });
  });
  log.add('attack/get-secret-denied', '2026-03-10T03:39:45Z', {
    ...asDeploy,
    eventSource: 'secretsmanager.amazonaws.com',
    eventName: 'GetSecretValue',
    requestParameters: { secretId: story.DENIED_SECRET },
    responseElements: null,
    readOnly: true,
    error: denied(deploy, 'secretsmanager:GetSecretValue', `arn:aws:secretsmanager:${story.PRIMARY_REGION}:${story.ACCOUNT_ID}:secret:${story.DENIED_SECRET}-Qx81Fz`),
  });

  const functionArn = `arn:aws:lambda:${story.PRIMARY_REGION}:${story.ACCOUNT_ID}:function:${story.BACKDOOR_FUNCTION}`;
  log.add('attack/list-functions', '2026-03-10T03:44:02Z', { ...asDeploy, eventSource: 'lambda.amazonaws.com', eventName: 'ListFunctions20150331', requestParameters: null, responseElements: null, readOnly: true });
  log.add('attack/create-function', '2026-03-10T03:47:31Z', (rng) => ({
    ...asDeploy,
    eventSource: 'lambda.amazonaws.com',
    eventName: 'CreateFunction20150331',
    requestParameters: {
      functionName: story.BACKDOOR_FUNCTION,
      runtime: 'python3.12',
      role: roleArn(story.FUNCTION_ROLE),
      handler: 'lambda_function.lambda_handler',
      code: {},
      timeout: 30,
      memorySize: 128,
      publish: false,
    },
    responseElements: {
      functionName: story.BACKDOOR_FUNCTION,
      functionArn,
      runtime: 'python3.12',
      role: roleArn(story.FUNCTION_ROLE),
      handler: 'lambda_function.lambda_handler',
      codeSize: 612,
      timeout: 30,
      memorySize: 128,
      lastModified: '2026-03-10T03:47:31.402+0000',
      codeSha256: base64Text(rng, 43) + '=',
      version: '$LATEST',
      state: 'Pending',
      stateReasonCode: 'Creating',
      packageType: 'Zip',
      architectures: ['x86_64'],
    },
  }));
  log.add('attack/create-function-url', '2026-03-10T03:48:05Z', {
    ...asDeploy,
    eventSource: 'lambda.amazonaws.com',
    eventName: 'CreateFunctionUrlConfig20211031',
    requestParameters: { functionName: story.BACKDOOR_FUNCTION, authType: 'NONE' },
    responseElements: {
      functionUrl: `https://${story.BACKDOOR_URL_ID}.lambda-url.${story.PRIMARY_REGION}.on.aws/`,
      functionArn,
      authType: 'NONE',
      creationTime: '2026-03-10T03:48:05.118Z',
    },
  });
  log.add('attack/add-permission', '2026-03-10T03:48:31Z', {
    ...asDeploy,
    eventSource: 'lambda.amazonaws.com',
    eventName: 'AddPermission20150331v2',
    requestParameters: { functionName: story.BACKDOOR_FUNCTION, statementId: 'FunctionURLAllowPublicAccess', action: 'lambda:InvokeFunctionUrl', principal: '*', functionUrlAuthType: 'NONE' },
    responseElements: {
      statement: JSON.stringify({
        Sid: 'FunctionURLAllowPublicAccess',
        Effect: 'Allow',
        Principal: '*',
        Action: 'lambda:InvokeFunctionUrl',
        Resource: functionArn,
        Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
      }),
    },
  });
}

export interface AnalyticsAttack {
  records: CloudTrailRecord[];
  byLabel: ReadonlyMap<string, CloudTrailRecord>;
}

/** Builds every scripted record of the scenario, sorted by eventTime then eventID. */
export function buildAnalyticsAttack(): AnalyticsAttack {
  const log = new AnalyticsRecordLog();
  addInstanceTraffic(log);
  addDecoy(log);
  addAttack(log);
  return { records: [...log.byLabel.values()].sort(compareRecords), byLabel: log.byLabel };
}
