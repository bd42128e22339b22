import type { AccountState } from './state.js';

/** AWS services the simulated account implements. */
export type ServiceName = 'iam' | 'sts' | 's3' | 'ec2' | 'cloudtrail' | 'guardduty';

/**
 * One AWS API call against the simulated account. `params` are the request parameters as
 * CloudTrail records them (camelCase, such as `userName` or `accessKeyId`), already validated by
 * the code that built the call: the CLI parser for blue teams, a technique for the red cell.
 */
export interface ApiCall {
  service: ServiceName;
  /** API operation name as CloudTrail's eventName shows it, such as `UpdateAccessKey`. */
  action: string;
  params: Record<string, unknown>;
  /** Region the call is sent to; global services (IAM, STS) record us-east-1. */
  region: string;
}

/** Credentials a call is signed with. */
export type Credentials =
  /** Signed with an IAM user's long-term key, which the model checks (status, existence). */
  | { kind: 'accessKey'; accessKeyId: string }
  /** A session of an assumed role, such as the incident responders' role; the role must exist. */
  | { kind: 'roleSession'; roleName: string; sessionName: string; accessKeyId: string };

export interface CallContext {
  credentials: Credentials;
  sourceIpAddress: string;
  userAgent: string;
  /** Scenario time of the call (ISO 8601, UTC); the CloudTrail record's eventTime. */
  at: string;
  /** Seeds the record's eventID and requestID, so replays and tests get stable ids. */
  idSeed: string;
  /**
   * Seeds the ids of what the call creates (keys, users, instances); defaults to `idSeed`. One move
   * played in several copies of the account uses one, so its resources share ids across copies.
   */
  resourceSeed?: string;
}

/** A CloudTrail record in the format CloudTrail delivers (eventVersion 1.08 and later). */
export type CloudTrailRecord = Record<string, unknown> & { eventID: string; eventTime: string; eventName: string; eventSource: string };

export interface CallOutcome {
  call: ApiCall;
  ok: boolean;
  /** AWS error code when the call failed, such as `AccessDenied` or `InvalidClientTokenId`. */
  errorCode: string | null;
  errorMessage: string | null;
  /** Response of the API on success, as the CLI prints it (PascalCase JSON); null on failure. */
  response: Record<string, unknown> | null;
  /** The record CloudTrail writes; null when no logging trail records this call. */
  record: CloudTrailRecord | null;
  /** One sentence per change made to the account, for people, such as "Access key AKIA... is now Inactive". */
  changes: string[];
}

/** Run one call against `state`, changing it in place when the call succeeds. */
export type ExecuteCall = (state: AccountState, call: ApiCall, context: CallContext) => CallOutcome;
