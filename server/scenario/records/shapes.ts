import type { CloudTrailEvent, IamUserPrincipal } from './cloudtrail.js';
import { cipherSuiteFor, signInIdentity } from './cloudtrail.js';
import { s3ExtendedRequestId } from './ids.js';
import type { Random } from './prng.js';

/** Event shapes that several scenario files share: S3 data events, console sign-in, denials. */

/** Fields that every event needs and that the helpers below pass through unchanged. */
export type EventBase = Pick<
  CloudTrailEvent,
  'accountId' | 'time' | 'identity' | 'region' | 'sourceIp' | 'userAgent' | 'vpcEndpointId' | 'tlsVersion'
>;

export interface S3ObjectCall extends EventBase {
  eventName: 'GetObject' | 'PutObject' | 'HeadObject';
  bucket: string;
  key: string;
  /** Bytes the client uploaded (PutObject) or downloaded (GetObject). */
  bytes: number;
}

function s3Host(bucket: string, region: string): string {
  return `${bucket}.s3.${region}.amazonaws.com`;
}

function s3AdditionalData(
  rng: Random,
  tlsVersion: 'TLSv1.2' | 'TLSv1.3',
  bytesIn: number,
  bytesOut: number,
): Record<string, unknown> {
  return {
    SignatureVersion: 'SigV4',
    CipherSuite: cipherSuiteFor(tlsVersion),
    bytesTransferredIn: bytesIn,
    AuthenticationMethod: 'AuthHeader',
    'x-amz-id-2': s3ExtendedRequestId(rng),
    bytesTransferredOut: bytesOut,
  };
}

/** Builds an S3 object-level data event with the object and bucket in `resources`. */
export function s3ObjectEvent(call: S3ObjectCall, rng: Random): CloudTrailEvent {
  const tlsVersion = call.tlsVersion ?? 'TLSv1.3';
  const isUpload = call.eventName === 'PutObject';
  const host = s3Host(call.bucket, call.region);
  return {
    ...call,
    eventSource: 's3.amazonaws.com',
    requestParameters: { bucketName: call.bucket, Host: host, key: call.key },
    responseElements: isUpload ? { 'x-amz-server-side-encryption': 'aws:kms' } : null,
    additionalEventData: s3AdditionalData(rng, tlsVersion, isUpload ? call.bytes : 0, isUpload ? 0 : call.bytes),
    readOnly: !isUpload,
    resources: [
      { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${call.bucket}/${call.key}` },
      { accountId: call.accountId, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${call.bucket}` },
    ],
    category: 'Data',
    tlsHost: host,
    tlsVersion,
  };
}

export interface S3ListObjectsCall extends EventBase {
  bucket: string;
  prefix: string;
  /** Size of the XML listing the client received. */
  bytes: number;
}

/**
 * Builds the data event for a ListObjectsV2 request. CloudTrail records it under the event name
 * ListObjects and marks version 2 with `list-type: "2"` in requestParameters.
 */
export function s3ListObjectsEvent(call: S3ListObjectsCall, rng: Random): CloudTrailEvent {
  const tlsVersion = call.tlsVersion ?? 'TLSv1.3';
  const host = s3Host(call.bucket, call.region);
  return {
    ...call,
    eventSource: 's3.amazonaws.com',
    eventName: 'ListObjects',
    requestParameters: {
      'list-type': '2',
      bucketName: call.bucket,
      'encoding-type': 'url',
      prefix: call.prefix,
      Host: host,
    },
    responseElements: null,
    additionalEventData: s3AdditionalData(rng, tlsVersion, 0, call.bytes),
    readOnly: true,
    resources: [{ accountId: call.accountId, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${call.bucket}` }],
    category: 'Data',
    tlsHost: host,
    tlsVersion,
  };
}

/** Builds the management event for s3:ListBuckets, optionally denied. */
export function s3ListBucketsEvent(call: EventBase, rng: Random, denied = false): CloudTrailEvent {
  const tlsVersion = call.tlsVersion ?? 'TLSv1.3';
  const event: CloudTrailEvent = {
    ...call,
    eventSource: 's3.amazonaws.com',
    eventName: 'ListBuckets',
    requestParameters: { Host: 's3.amazonaws.com' },
    responseElements: null,
    additionalEventData: s3AdditionalData(rng, tlsVersion, 0, denied ? 243 : 4_118),
    readOnly: true,
    tlsHost: 's3.amazonaws.com',
    tlsVersion,
  };
  if (denied) {
    event.error = { code: 'AccessDenied', message: 'Access Denied' };
  }
  return event;
}

export interface ConsoleLoginCall {
  accountId: string;
  time: number;
  user: IamUserPrincipal;
  sourceIp: string;
  userAgent: string;
  success: boolean;
  mfaUsed: boolean;
}

/**
 * Builds a ConsoleLogin sign-in event. CloudTrail records sign-in in us-east-1 with event type
 * AwsConsoleSignIn and no requestID. A failed password gets errorMessage "Failed authentication".
 */
export function consoleLoginEvent(call: ConsoleLoginCall): CloudTrailEvent {
  const event: CloudTrailEvent = {
    accountId: call.accountId,
    time: call.time,
    identity: signInIdentity(call.user, call.success),
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    region: 'us-east-1',
    sourceIp: call.sourceIp,
    userAgent: call.userAgent,
    requestParameters: null,
    responseElements: { ConsoleLogin: call.success ? 'Success' : 'Failure' },
    additionalEventData: {
      LoginTo: 'https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true',
      MobileVersion: 'No',
      MFAUsed: call.mfaUsed ? 'Yes' : 'No',
    },
    readOnly: false,
    eventType: 'AwsConsoleSignIn',
    requestId: null,
    tlsHost: 'signin.aws.amazon.com',
  };
  if (!call.success) {
    event.error = { message: 'Failed authentication' };
  }
  return event;
}

/**
 * Returns the message IAM-style services write for an implicit deny, for example
 * "User: arn:aws:iam::123456789012:user/dev-deploy is not authorized to perform: iam:ListRoles
 * on resource: arn:aws:iam::123456789012:role/ because no identity-based policy allows the
 * iam:ListRoles action".
 */
export function implicitDenyMessage(principalArn: string, action: string, resource: string): string {
  return `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
}

/** Returns the message a service control policy denial produces. */
export function scpDenyMessage(principalArn: string, action: string, resource: string): string {
  return `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource} with an explicit deny in a service control policy`;
}

/** Returns the Client.UnauthorizedOperation message EC2 writes for a denied Describe call. */
export function ec2DenyMessage(principalArn: string, action: string): string {
  return `You are not authorized to perform this operation. User: ${principalArn} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`;
}
