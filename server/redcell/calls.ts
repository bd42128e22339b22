import type { ApiCall, CallOutcome, ServiceName } from '../account/api-call.js';
import type { AccountState, PolicyDocument } from '../account/state.js';

/** Region CloudTrail records for calls to global services (IAM, STS). */
export const GLOBAL_REGION = 'us-east-1';

/** The AWS managed policy that allows every action on every resource. */
export const ADMIN_POLICY_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';

/** Build one API call; IAM and STS calls always go to the global region. */
export function apiCall(service: ServiceName, action: string, params: Record<string, unknown>, region: string): ApiCall {
  const global = service === 'iam' || service === 'sts';
  return { service, action, params, region: global ? GLOBAL_REGION : region };
}

/** Return the IAM user who owns an access key in this copy of the account, if the key exists. */
export function keyOwner(state: AccountState, accessKeyId: string): string | undefined {
  return state.accessKeys[accessKeyId]?.userName;
}

/** Build a policy document that allows everything, as attackers write it. */
export function adminDocument(): PolicyDocument {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
}

/** Build a bucket policy that lets anyone on the internet read every object. */
export function publicReadPolicy(bucket: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`] }],
  };
}

/** Build a role trust policy that lets any principal of another account assume the role. */
export function outsideTrustPolicy(accountId: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'sts:AssumeRole' }],
  };
}

function statements(document: PolicyDocument | null | undefined): Record<string, unknown>[] {
  const list = document?.Statement;
  if (Array.isArray(list)) return list.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null);
  return typeof list === 'object' && list !== null ? [list as Record<string, unknown>] : [];
}

function includesValue(value: unknown, wanted: string): boolean {
  return value === wanted || (Array.isArray(value) && value.includes(wanted));
}

/** True when a policy document allows every action on every resource. */
export function isAdminDocument(document: PolicyDocument | null | undefined): boolean {
  return statements(document).some((item) => item.Effect === 'Allow' && includesValue(item.Action, '*') && includesValue(item.Resource, '*'));
}

/** True when a bucket policy allows anyone, signed in or not (`"Principal": "*"`). */
export function grantsAnonymousAccess(document: PolicyDocument | null | undefined): boolean {
  return statements(document).some((item) => {
    if (item.Effect !== 'Allow') return false;
    const principal = item.Principal;
    return principal === '*' || (typeof principal === 'object' && principal !== null && includesValue((principal as Record<string, unknown>).AWS, '*'));
  });
}

/** True when a trust policy names an account in its AWS principals. */
export function trustsAccount(document: PolicyDocument | null | undefined, accountId: string): boolean {
  return statements(document).some((item) => {
    if (item.Effect !== 'Allow' || typeof item.Principal !== 'object' || item.Principal === null) return false;
    const principals = (item.Principal as Record<string, unknown>).AWS;
    const list = Array.isArray(principals) ? principals : [principals];
    return list.some((entry) => entry === accountId || (typeof entry === 'string' && entry.startsWith(`arn:aws:iam::${accountId}:`)));
  });
}

/** Select the outcomes of successful calls to one action. */
export function succeeded(outcomes: readonly CallOutcome[], action: string): CallOutcome[] {
  return outcomes.filter((outcome) => outcome.ok && outcome.call.action === action);
}

/**
 * Collect the access key ids that CreateAccessKey calls returned, in the CLI's response shape.
 * NOTE: a response without `AccessKey.AccessKeyId` yields no id, so the move counts as contained.
 */
export function createdKeyIds(outcomes: readonly CallOutcome[]): string[] {
  return succeeded(outcomes, 'CreateAccessKey').flatMap((outcome) => {
    const key = outcome.response?.AccessKey as { AccessKeyId?: unknown } | undefined;
    return typeof key?.AccessKeyId === 'string' ? [key.AccessKeyId] : [];
  });
}

/** Collect the instance ids that RunInstances calls returned, in the CLI's `Instances` list. */
export function launchedInstanceIds(outcomes: readonly CallOutcome[]): string[] {
  return succeeded(outcomes, 'RunInstances').flatMap((outcome) => {
    const instances = outcome.response?.Instances;
    if (!Array.isArray(instances)) return [];
    return instances.flatMap((item: { InstanceId?: unknown }) => (typeof item?.InstanceId === 'string' ? [item.InstanceId] : []));
  });
}

/** True when the key no longer signs calls: deactivated or deleted. */
export function keyRevoked(state: AccountState, accessKeyId: string): boolean {
  return state.accessKeys[accessKeyId]?.status !== 'Active';
}

/** True when every instance is stopped, stopping, terminated, shutting down or gone. */
export function instancesHalted(state: AccountState, instanceIds: readonly string[]): boolean {
  return instanceIds.every((id) => {
    const instance = state.instances[id];
    return instance === undefined || !['pending', 'running'].includes(instance.state);
  });
}

/**
 * Choose the user a move acts on: the one named, else the key's owner. Returns undefined when the
 * key is not in this copy of the account. The plan then only tries GetCallerIdentity, as an
 * attacker whose key no longer works would.
 */
export function targetUser(named: string | undefined, state: AccountState, accessKeyId: string): string | undefined {
  return named ?? keyOwner(state, accessKeyId);
}

/** Plan the single call a move makes when its key is unknown, which fails and is recorded. */
export function whoamiOnly(region: string): ApiCall[] {
  return [apiCall('sts', 'GetCallerIdentity', {}, region)];
}
