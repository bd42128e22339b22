import type { CloudTrailRow, Finding } from '../../../shared/model.js';
import { serviceName } from '../app/format.js';
import type { TimelineDraft } from '../net/team-collab.js';

/** Builds timeline entries from CloudTrail records and GuardDuty findings, whose fields are untrusted JSON. */

/** Reads a nested string field, or returns undefined when any step is missing or not an object. */
export function pickString(value: unknown, ...path: string[]): string | undefined {
  let current: unknown = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'string' && current !== '' ? current : undefined;
}

/**
 * Returns the principal behind a CloudTrail event: the IAM user name, the role behind an
 * assumed-role session, or the ARN, principal id or invoking service when nothing more specific is present.
 */
export function cloudTrailActor(record: Record<string, unknown>): string {
  return (
    pickString(record, 'userIdentity', 'userName') ??
    pickString(record, 'userIdentity', 'sessionContext', 'sessionIssuer', 'userName') ??
    pickString(record, 'userIdentity', 'arn') ??
    pickString(record, 'userIdentity', 'principalId') ??
    pickString(record, 'userIdentity', 'invokedBy') ??
    'unknown'
  );
}

export function draftFromCloudTrail(record: Record<string, unknown>, row: CloudTrailRow): TimelineDraft {
  const eventSource = pickString(record, 'eventSource') ?? row.eventSource;
  const eventName = pickString(record, 'eventName') ?? row.eventName;
  return {
    refId: row.eventId,
    refKind: 'cloudtrail',
    eventTime: pickString(record, 'eventTime') ?? row.eventTime,
    actor: cloudTrailActor(record),
    action: `${serviceName(eventSource)}:${eventName}`,
    sourceIp: pickString(record, 'sourceIPAddress') ?? row.sourceIpAddress ?? '',
  };
}

/** Returns the remote IPv4 address of an API-call or network-connection finding, or '' for other action types. */
export function findingRemoteIp(finding: Finding): string {
  const actions = ['AwsApiCallAction', 'NetworkConnectionAction'];
  for (const action of actions) {
    const ip = pickString(finding, 'Service', 'Action', action, 'RemoteIpDetails', 'IpAddressV4');
    if (ip) {
      return ip;
    }
  }
  return '';
}

export function draftFromFinding(finding: Finding): TimelineDraft {
  return {
    refId: finding.Id,
    refKind: 'guardduty',
    eventTime:
      pickString(finding, 'Service', 'EventFirstSeen') ?? pickString(finding, 'CreatedAt') ?? finding.UpdatedAt,
    actor:
      pickString(finding, 'Resource', 'AccessKeyDetails', 'UserName') ??
      pickString(finding, 'Resource', 'InstanceDetails', 'InstanceId') ??
      pickString(finding, 'Resource', 'ResourceType') ??
      'unknown',
    action: finding.Type,
    sourceIp: findingRemoteIp(finding),
  };
}
