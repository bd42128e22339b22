import type { ApiCall, CallContext, CloudTrailRecord } from './api-call.js';
import { eventSourceOf } from './action-params.js';
import { toSecond } from './actions/common.js';
import { s3RequestIdFrom, uuidFrom } from './ids.js';
import type { Principal } from './principal.js';
import type { AccountState } from './state.js';

/**
 * CloudTrail records in the format CloudTrail delivers, with the fields in CloudTrail's order.
 * Ids derive from the call's idSeed, so a replay of the same call writes the same record.
 */
const EventVersion = '1.09';

/** Inputs of `buildRecord` beyond the call and its context. */
export interface RecordInput {
  state: AccountState;
  call: ApiCall;
  context: CallContext;
  /** The caller's userIdentity block. */
  userIdentity: Record<string, unknown>;
  awsRegion: string;
  readOnly: boolean;
  category: 'Management' | 'Data';
  requestParameters: Record<string, unknown> | null;
  responseElements: Record<string, unknown> | null;
  error: { code: string; message: string } | null;
  bytesTransferredOut: number;
}

/** Build the userIdentity block of an IAM user or an assumed-role session. */
export function userIdentityOf(principal: Principal, at: string): Record<string, unknown> {
  if (principal.kind === 'user') {
    return { type: 'IAMUser', principalId: principal.userId, arn: principal.arn, accountId: principal.accountId, accessKeyId: principal.accessKeyId, userName: principal.userName };
  }
  return {
    type: 'AssumedRole',
    principalId: `${principal.roleId}:${principal.sessionName}`,
    arn: principal.arn,
    accountId: principal.accountId,
    accessKeyId: principal.accessKeyId,
    sessionContext: {
      sessionIssuer: { type: 'Role', principalId: principal.roleId, arn: principal.roleArn, accountId: principal.accountId, userName: principal.roleName },
      webIdFederationData: {},
      attributes: { creationDate: toSecond(at), mfaAuthenticated: 'false' },
    },
  };
}

function hostOf(call: ApiCall, requestParameters: Record<string, unknown> | null): string {
  if (call.service === 'iam' || call.service === 'sts') return `${call.service}.amazonaws.com`;
  if (call.service === 's3') return typeof requestParameters?.Host === 'string' ? requestParameters.Host : 's3.amazonaws.com';
  return `${call.service}.${call.region}.amazonaws.com`;
}

/** Build the record of one call, failed or not. */
export function buildRecord(input: RecordInput): CloudTrailRecord {
  const { call, context } = input;
  const isS3 = call.service === 's3';
  const errorCode = input.error && call.service === 'ec2' ? `Client.${input.error.code}` : input.error?.code;
  const record: CloudTrailRecord = {
    eventVersion: EventVersion,
    userIdentity: input.userIdentity,
    eventTime: toSecond(context.at),
    eventSource: eventSourceOf(call.service),
    eventName: call.action,
    awsRegion: input.awsRegion,
    sourceIPAddress: context.sourceIpAddress,
    userAgent: context.userAgent,
    ...(input.error ? { errorCode, errorMessage: input.error.message } : {}),
    requestParameters: input.requestParameters,
    responseElements: input.error ? null : input.responseElements,
    ...(isS3 ? { additionalEventData: s3EventData(context, input.bytesTransferredOut) } : {}),
    requestID: isS3 ? s3RequestIdFrom(context.idSeed) : uuidFrom(context.idSeed, 'requestID'),
    eventID: uuidFrom(context.idSeed, 'eventID'),
    readOnly: input.readOnly,
    ...(input.category === 'Data' ? { resources: s3Resources(input) } : {}),
    eventType: 'AwsApiCall',
    managementEvent: input.category === 'Management',
    recipientAccountId: input.state.accountId,
    eventCategory: input.category,
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: hostOf(call, input.requestParameters) },
  };
  return record;
}

function s3EventData(context: CallContext, bytesOut: number): Record<string, unknown> {
  return {
    SignatureVersion: 'SigV4',
    CipherSuite: 'TLS_AES_128_GCM_SHA256',
    bytesTransferredIn: 0,
    AuthenticationMethod: 'AuthHeader',
    'x-amz-id-2': Buffer.from(uuidFrom(context.idSeed, 'amzId2')).toString('base64'),
    bytesTransferredOut: bytesOut,
  };
}

function s3Resources(input: RecordInput): Record<string, unknown>[] {
  const bucketName = String(input.call.params.bucketName ?? '');
  const bucket = { accountId: input.state.accountId, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucketName}` };
  const key = input.call.params.key;
  if (typeof key !== 'string') return [bucket];
  return [{ type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${bucketName}/${key}` }, bucket];
}
