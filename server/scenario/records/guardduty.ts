import type { CloudTrailRecord } from '../manifest.js';
import { isoMillis } from './time.js';

/**
 * Builders for GuardDuty findings in the PascalCase shape that the GetFindings API returns
 * (finding schema version 2.0).
 */

export interface RemoteHost {
  ip: string;
  countryCode: string;
  countryName: string;
  city: string;
  lat: number;
  lon: number;
  asn: string;
  asnOrg: string;
  isp: string;
  org: string;
}

export function remoteIpDetails(host: RemoteHost): Record<string, unknown> {
  return {
    City: { CityName: host.city },
    Country: { CountryCode: host.countryCode, CountryName: host.countryName },
    GeoLocation: { Lat: host.lat, Lon: host.lon },
    IpAddressV4: host.ip,
    Organization: { Asn: host.asn, AsnOrg: host.asnOrg, Isp: host.isp, Org: host.org },
  };
}

export function accessKeyDetails(accessKeyId: string, principalId: string, userName: string): Record<string, unknown> {
  return { AccessKeyId: accessKeyId, PrincipalId: principalId, UserName: userName, UserType: 'IAMUser' };
}

export function awsApiCallAction(api: string, serviceName: string, remote: RemoteHost): Record<string, unknown> {
  return {
    ActionType: 'AWS_API_CALL',
    AwsApiCallAction: {
      AffectedResources: {},
      Api: api,
      CallerType: 'Remote IP',
      RemoteIpDetails: remoteIpDetails(remote),
      ServiceName: serviceName,
    },
  };
}

export interface FindingInput {
  accountId: string;
  region: string;
  detectorId: string;
  /** 32 lowercase hex digits. */
  id: string;
  type: string;
  severity: number;
  title: string;
  description: string;
  resource: Record<string, unknown>;
  action: Record<string, unknown>;
  resourceRole: 'TARGET' | 'ACTOR';
  count: number;
  /** Times in milliseconds since the epoch. */
  firstSeen: number;
  lastSeen: number;
  createdAt: number;
  updatedAt: number;
  additionalInfo?: Record<string, unknown>;
}

/** Builds a finding with keys in the order GetFindings returns them. */
export function buildFinding(input: FindingInput): Record<string, unknown> {
  const service: Record<string, unknown> = { Action: input.action };
  if (input.additionalInfo) {
    service.AdditionalInfo = { Type: 'default', Value: JSON.stringify(input.additionalInfo) };
  }
  Object.assign(service, {
    Archived: false,
    Count: input.count,
    DetectorId: input.detectorId,
    EventFirstSeen: isoMillis(input.firstSeen),
    EventLastSeen: isoMillis(input.lastSeen),
    ResourceRole: input.resourceRole,
    ServiceName: 'guardduty',
  });
  return {
    AccountId: input.accountId,
    Arn: `arn:aws:guardduty:${input.region}:${input.accountId}:detector/${input.detectorId}/finding/${input.id}`,
    CreatedAt: isoMillis(input.createdAt),
    Description: input.description,
    Id: input.id,
    Partition: 'aws',
    Region: input.region,
    Resource: input.resource,
    SchemaVersion: '2.0',
    Service: service,
    Severity: input.severity,
    Title: input.title,
    Type: input.type,
    UpdatedAt: isoMillis(input.updatedAt),
  };
}

export interface ApiCallMatch {
  accessKeyId: string;
  sourceIp: string;
  eventSource: string;
  /** Inclusive bounds in milliseconds since the epoch. */
  firstSeen: number;
  lastSeen: number;
}

/**
 * Counts the records an AWS_API_CALL finding summarizes: calls with the access key, from the
 * remote IP, to the service, between first and last seen. The ApexCorp pack sets each
 * finding's Count to this number, and its tests check it the same way.
 */
export function countMatchingCalls(records: readonly CloudTrailRecord[], match: ApiCallMatch): number {
  return records.filter((record) => {
    const identity = record.userIdentity as { accessKeyId?: string } | undefined;
    const time = Date.parse(record.eventTime);
    return (
      identity?.accessKeyId === match.accessKeyId &&
      record.sourceIPAddress === match.sourceIp &&
      record.eventSource === match.eventSource &&
      time >= match.firstSeen &&
      time <= match.lastSeen
    );
  }).length;
}
