import type { Finding } from '../../../shared/model.js';
import type { CloudTrailRecord, Manifest } from '../manifest.js';
import type { Problem } from './problem.js';

/** A CloudTrail record with the file and line it came from. */
export interface LocatedRecord {
  record: CloudTrailRecord;
  file: string;
  line: number;
}

export interface LocatedFinding {
  finding: Finding;
  file: string;
  line: number;
}

const RequiredRecordFields = {
  authored: ['eventVersion', 'eventTime', 'eventSource', 'eventName', 'awsRegion', 'eventID'],
  imported: ['eventTime', 'eventName', 'eventID'],
} as const;

/** Adds every string inside a JSON value to `into`, lower-cased, as answer checks compare them. */
export function addStringLeaves(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') into.add(value.trim().toLowerCase());
  else if (Array.isArray(value)) for (const item of value) addStringLeaves(item, into);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) addStringLeaves(item, into);
}

/** Checks each record's required fields (fewer for imported packs), its time against the window and that eventIDs are unique. */
export function checkRecords(manifest: Manifest, records: LocatedRecord[], problems: Problem[]): void {
  const start = Date.parse(manifest.window.start);
  const end = Date.parse(manifest.window.end);
  const firstSeen = new Map<string, LocatedRecord>();
  for (const located of records) {
    const { record, file, line } = located;
    for (const field of RequiredRecordFields[manifest.origin]) {
      if (typeof record[field] !== 'string' || record[field] === '') problems.push({ file, line, field, message: `is missing in record ${record.eventID ?? '(no eventID)'}` });
    }
    const time = Date.parse(record.eventTime);
    if (Number.isNaN(time)) problems.push({ file, line, field: 'eventTime', message: `"${record.eventTime}" is not an ISO 8601 time` });
    else if (time < start || time > end) {
      problems.push({ file, line, field: 'eventTime', message: `${record.eventTime} of ${record.eventID} is outside the window ${manifest.window.start} to ${manifest.window.end}` });
    }
    const earlier = firstSeen.get(record.eventID);
    if (earlier) problems.push({ file, line, field: 'eventID', message: `${record.eventID} is used again (first at ${earlier.file}:${earlier.line}); every eventID must be unique` });
    else firstSeen.set(record.eventID, located);
  }
}

function timesOf(finding: Finding): [string, unknown][] {
  const service = (finding.Service ?? {}) as Record<string, unknown>;
  return [
    ['CreatedAt', finding.CreatedAt],
    ['UpdatedAt', finding.UpdatedAt],
    ['Service.EventFirstSeen', service.EventFirstSeen],
    ['Service.EventLastSeen', service.EventLastSeen],
  ];
}

/** Values of a finding that must show up in CloudTrail: access key, API caller IP, instance, buckets. */
function entitiesOf(finding: Finding): [string, string][] {
  const resource = (finding.Resource ?? {}) as {
    AccessKeyDetails?: { AccessKeyId?: string };
    InstanceDetails?: { InstanceId?: string };
    S3BucketDetails?: { Name?: string }[];
  };
  const action = ((finding.Service as { Action?: Record<string, unknown> } | undefined)?.Action ?? {}) as {
    ActionType?: string;
    AwsApiCallAction?: { RemoteIpDetails?: { IpAddressV4?: string } };
  };
  const entities: [string, string | undefined][] = [
    ['Resource.AccessKeyDetails.AccessKeyId', resource.AccessKeyDetails?.AccessKeyId],
    ['Resource.InstanceDetails.InstanceId', resource.InstanceDetails?.InstanceId],
    // Only API callers appear in CloudTrail; port probes and DNS requests leave no API record.
    ['Service.Action.AwsApiCallAction.RemoteIpDetails.IpAddressV4', action.ActionType === 'AWS_API_CALL' ? action.AwsApiCallAction?.RemoteIpDetails?.IpAddressV4 : undefined],
    ...(resource.S3BucketDetails ?? []).map((bucket, index): [string, string | undefined] => [`Resource.S3BucketDetails.${index}.Name`, bucket.Name]),
  ];
  return entities.filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
}

/**
 * Checks finding ids are unique, finding times fall in the window and, for authored packs, that
 * each finding's access key, API caller IP, instance and buckets occur in the
 * CloudTrail data (`cloudTrailValues` contains every lower-cased string of the records).
 */
export function checkFindings(manifest: Manifest, findings: LocatedFinding[], cloudTrailValues: ReadonlySet<string>, problems: Problem[]): void {
  const start = Date.parse(manifest.window.start);
  const end = Date.parse(manifest.window.end);
  const seen = new Map<string, LocatedFinding>();
  for (const located of findings) {
    const { finding, file, line } = located;
    const earlier = seen.get(finding.Id);
    if (earlier) problems.push({ file, line, field: 'Id', message: `${finding.Id} is used again (first at ${earlier.file}:${earlier.line})` });
    else seen.set(finding.Id, located);

    for (const [field, value] of timesOf(finding)) {
      if (value === undefined) continue;
      const time = typeof value === 'string' ? Date.parse(value) : NaN;
      if (Number.isNaN(time)) problems.push({ file, line, field, message: `${JSON.stringify(value)} in finding ${finding.Id} is not an ISO 8601 time` });
      else if (time < start || time > end) problems.push({ file, line, field, message: `${String(value)} in finding ${finding.Id} is outside the window ${manifest.window.start} to ${manifest.window.end}` });
    }

    if (manifest.origin === 'imported') continue;
    for (const [field, value] of entitiesOf(finding)) {
      if (!cloudTrailValues.has(value.toLowerCase())) {
        problems.push({ file, line, field, message: `${value} in finding ${finding.Id} (${finding.Type}) does not occur in the CloudTrail data` });
      }
    }
  }
}
