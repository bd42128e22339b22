import type { CloudTrailRecord } from '../manifest.js';
import { s3RequestId, uuid } from './ids.js';
import type { Random } from './prng.js';
import { isoSeconds } from './time.js';

/**
 * Builders for CloudTrail records in the shape AWS delivers them. Field names, key order and the
 * places where AWS writes null follow CloudTrail output of event versions 1.08 and 1.09.
 */

export interface IamUserPrincipal {
  userName: string;
  /** Unique user id, `AIDA` plus 17 base32 characters. */
  principalId: string;
  accountId: string;
}

export interface RolePrincipal {
  roleName: string;
  /** Unique role id, `AROA` plus 17 base32 characters. */
  roleId: string;
  accountId: string;
  /** IAM path, such as `/` or `/aws-reserved/sso.amazonaws.com/`. */
  path: string;
}

export function userArn(user: IamUserPrincipal): string {
  return `arn:aws:iam::${user.accountId}:user/${user.userName}`;
}

export function roleArn(role: RolePrincipal): string {
  return `arn:aws:iam::${role.accountId}:role${role.path}${role.roleName}`;
}

export function assumedRoleArn(role: RolePrincipal, sessionName: string): string {
  return `arn:aws:sts::${role.accountId}:assumed-role/${role.roleName}/${sessionName}`;
}

/** Attributes of temporary credentials: when the session started and whether MFA was used. */
export interface SessionAttributes {
  creationDate: string;
  mfaAuthenticated: boolean;
}

function sessionAttributes(session: SessionAttributes): Record<string, string> {
  return { creationDate: session.creationDate, mfaAuthenticated: String(session.mfaAuthenticated) };
}

/**
 * Builds an IAMUser identity. With `session`, the call used temporary credentials (an ASIA key),
 * as console sessions do, and CloudTrail adds a sessionContext with an empty sessionIssuer.
 */
export function iamUserIdentity(
  user: IamUserPrincipal,
  accessKeyId: string,
  session?: SessionAttributes,
): Record<string, unknown> {
  const identity: Record<string, unknown> = {
    type: 'IAMUser',
    principalId: user.principalId,
    arn: userArn(user),
    accountId: user.accountId,
    accessKeyId,
    userName: user.userName,
  };
  if (session) {
    identity.sessionContext = {
      sessionIssuer: {},
      webIdFederationData: {},
      attributes: sessionAttributes(session),
    };
  }
  return identity;
}

/**
 * Builds the identity of a console sign-in. A successful sign-in names the user's ARN. A failed
 * one has no ARN and an empty accessKeyId.
 */
export function signInIdentity(user: IamUserPrincipal, success: boolean): Record<string, unknown> {
  if (success) {
    return { type: 'IAMUser', principalId: user.principalId, arn: userArn(user), accountId: user.accountId, userName: user.userName };
  }
  return { type: 'IAMUser', principalId: user.principalId, accountId: user.accountId, accessKeyId: '', userName: user.userName };
}

export interface AssumedRoleOptions {
  accessKeyId?: string;
  session: SessionAttributes;
  /** Service that made the call on the role's behalf, such as `config.amazonaws.com`. */
  invokedBy?: string;
  /** Set to `2.0` for instance-profile credentials delivered through IMDSv2. */
  ec2RoleDelivery?: string;
}

export function assumedRoleIdentity(
  role: RolePrincipal,
  sessionName: string,
  options: AssumedRoleOptions,
): Record<string, unknown> {
  const identity: Record<string, unknown> = {
    type: 'AssumedRole',
    principalId: `${role.roleId}:${sessionName}`,
    arn: assumedRoleArn(role, sessionName),
    accountId: role.accountId,
  };
  if (options.accessKeyId !== undefined) {
    identity.accessKeyId = options.accessKeyId;
  }
  const sessionContext: Record<string, unknown> = {
    sessionIssuer: {
      type: 'Role',
      principalId: role.roleId,
      arn: roleArn(role),
      accountId: role.accountId,
      userName: role.roleName,
    },
    webIdFederationData: {},
    attributes: sessionAttributes(options.session),
  };
  if (options.ec2RoleDelivery !== undefined) {
    sessionContext.ec2RoleDelivery = options.ec2RoleDelivery;
  }
  identity.sessionContext = sessionContext;
  if (options.invokedBy !== undefined) {
    identity.invokedBy = options.invokedBy;
  }
  return identity;
}

/** Builds the identity of a call that an AWS service made with its own service principal. */
export function awsServiceIdentity(invokedBy: string): Record<string, unknown> {
  return { type: 'AWSService', invokedBy };
}

/** Builds the identity of the account root user. */
export function rootIdentity(
  accountId: string,
  accessKeyId: string,
  session?: SessionAttributes,
): Record<string, unknown> {
  const identity: Record<string, unknown> = {
    type: 'Root',
    principalId: accountId,
    arn: `arn:aws:iam::${accountId}:root`,
    accountId,
    accessKeyId,
  };
  if (session) {
    identity.sessionContext = { attributes: sessionAttributes(session) };
  }
  return identity;
}

/** Builds the identity of an AwsServiceEvent, which has no `type`. */
export function serviceEventIdentity(accountId: string, invokedBy: string): Record<string, unknown> {
  return { accountId, invokedBy };
}

export type EventType = 'AwsApiCall' | 'AwsServiceEvent' | 'AwsConsoleSignIn';

/** One API call, service event or sign-in, before ids and derived fields are filled in. */
export interface CloudTrailEvent {
  /** Account that receives the record (`recipientAccountId`). */
  accountId: string;
  /** Event time in milliseconds since the epoch. CloudTrail keeps whole seconds. */
  time: number;
  identity: Record<string, unknown>;
  eventSource: string;
  eventName: string;
  region: string;
  /** Caller IP address, or a service name such as `config.amazonaws.com` or `AWS Internal`. */
  sourceIp: string;
  userAgent: string;
  requestParameters: Record<string, unknown> | null;
  responseElements: Record<string, unknown> | null;
  readOnly: boolean;
  /** Failed call. A failed console sign-in has a message but no code. */
  error?: { code?: string; message: string };
  additionalEventData?: Record<string, unknown>;
  resources?: Record<string, unknown>[];
  serviceEventDetails?: Record<string, unknown>;
  eventType?: EventType;
  /** `Data` for S3 object and bucket-content calls. Defaults to `Management`. */
  category?: 'Management' | 'Data';
  /** Omit to generate one. Null leaves the field out, as in sign-in and service events. */
  requestId?: string | null;
  vpcEndpointId?: string;
  /** Host header the client sent. Omit to derive it. Null leaves tlsDetails out. */
  tlsHost?: string | null;
  tlsVersion?: 'TLSv1.2' | 'TLSv1.3';
  /** True when a console session made the call. */
  fromConsole?: boolean;
  eventVersion?: '1.08' | '1.09';
}

/** Returns the service part of an event source: `iam` for `iam.amazonaws.com`. */
export function serviceOf(eventSource: string): string {
  return eventSource.replace(/\.amazonaws\.com$/, '');
}

/** Returns the host name a client sends for a service endpoint in a region. */
export function endpointHost(eventSource: string, region: string): string {
  const service = serviceOf(eventSource);
  switch (service) {
    case 'iam':
      return 'iam.amazonaws.com';
    case 'signin':
      return 'signin.aws.amazon.com';
    case 'ecr':
      return `api.ecr.${region}.amazonaws.com`;
    default:
      return `${service}.${region}.amazonaws.com`;
  }
}

const CIPHER_BY_TLS_VERSION = {
  'TLSv1.2': 'ECDHE-RSA-AES128-GCM-SHA256',
  'TLSv1.3': 'TLS_AES_128_GCM_SHA256',
} as const;

/** Returns the cipher suite that `tlsDetails` reports for a TLS version. */
export function cipherSuiteFor(version: 'TLSv1.2' | 'TLSv1.3'): string {
  return CIPHER_BY_TLS_VERSION[version];
}

function defaultEventVersion(eventSource: string): '1.08' | '1.09' {
  const service = serviceOf(eventSource);
  return service === 'iam' || service === 'sts' || service === 'signin' ? '1.08' : '1.09';
}

/** Orders records by eventTime, then eventID, which is the order scenario files keep. */
export function compareRecords(a: CloudTrailRecord, b: CloudTrailRecord): number {
  if (a.eventTime !== b.eventTime) {
    return a.eventTime < b.eventTime ? -1 : 1;
  }
  if (a.eventID === b.eventID) {
    return 0;
  }
  return a.eventID < b.eventID ? -1 : 1;
}

/**
 * Builds a CloudTrail record with a new eventID and, unless given, a new requestID.
 * Keys come out in the order CloudTrail writes them.
 */
export function buildRecord(event: CloudTrailEvent, rng: Random): CloudTrailRecord {
  const category = event.category ?? 'Management';
  const eventType = event.eventType ?? 'AwsApiCall';
  const isS3 = event.eventSource === 's3.amazonaws.com';

  let requestId: string | undefined;
  if (event.requestId === undefined) {
    requestId = isS3 ? s3RequestId(rng) : uuid(rng);
  } else if (event.requestId !== null) {
    requestId = event.requestId;
  }
  const eventId = uuid(rng);

  const record: Record<string, unknown> = {
    eventVersion: event.eventVersion ?? defaultEventVersion(event.eventSource),
    userIdentity: event.identity,
    eventTime: isoSeconds(event.time),
    eventSource: event.eventSource,
    eventName: event.eventName,
    awsRegion: event.region,
    sourceIPAddress: event.sourceIp,
    userAgent: event.userAgent,
  };
  if (event.error) {
    if (event.error.code !== undefined) {
      record.errorCode = event.error.code;
    }
    record.errorMessage = event.error.message;
  }
  record.requestParameters = event.requestParameters;
  record.responseElements = event.responseElements;
  if (event.additionalEventData) {
    record.additionalEventData = event.additionalEventData;
  }
  if (requestId !== undefined) {
    record.requestID = requestId;
  }
  record.eventID = eventId;
  record.readOnly = event.readOnly;
  if (event.resources) {
    record.resources = event.resources;
  }
  record.eventType = eventType;
  record.managementEvent = category === 'Management';
  record.recipientAccountId = event.accountId;
  if (event.serviceEventDetails) {
    record.serviceEventDetails = event.serviceEventDetails;
  }
  if (event.vpcEndpointId !== undefined) {
    record.vpcEndpointId = event.vpcEndpointId;
    record.vpcEndpointAccountId = event.accountId;
  }
  record.eventCategory = category;
  if (event.tlsHost !== null) {
    const version = event.tlsVersion ?? 'TLSv1.3';
    record.tlsDetails = {
      tlsVersion: version,
      cipherSuite: cipherSuiteFor(version),
      clientProvidedHostHeader: event.tlsHost ?? endpointHost(event.eventSource, event.region),
    };
  }
  if (event.fromConsole) {
    record.sessionCredentialFromConsole = 'true';
  }
  return record as CloudTrailRecord;
}
