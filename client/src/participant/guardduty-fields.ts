import type { Finding } from '../../../shared/model.js';

/**
 * Reads the fields the GuardDuty console shows in a finding's summary from the GetFindings shape:
 * `Resource` for what was affected, `Service.Action` for what happened, and `Service` for the
 * first and last time seen and the number of occurrences. Missing fields stay undefined.
 */

/** Remote address of a finding's activity, with the location and owner GuardDuty reports for it. */
export interface RemoteIp {
  ip: string;
  country?: string;
  city?: string;
  organization?: string;
  asn?: string;
  asnOrganization?: string;
  isp?: string;
}

/** Details of the action, whichever of the GuardDuty action types the finding has. */
export interface ActionDetails {
  /** `AWS_API_CALL`, `NETWORK_CONNECTION`, `DNS_REQUEST`, `PORT_PROBE` and others. */
  type?: string;
  api?: string;
  serviceName?: string;
  callerType?: string;
  connectionDirection?: string;
  protocol?: string;
  localPort?: string;
  remotePort?: string;
  domain?: string;
  blocked?: boolean;
}

export interface FindingSummary {
  resourceType?: string;
  /** The affected resource's id: instance id, access key and user, bucket name or similar. */
  resourceId?: string;
  action: ActionDetails;
  /** Remote IPs in the order the finding lists them (a port probe can list several). */
  remoteIps: RemoteIp[];
  firstSeen?: string;
  lastSeen?: string;
  count?: number;
}

type Json = Record<string, unknown>;

function object(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function path(root: unknown, ...keys: string[]): unknown {
  let current: unknown = root;
  for (const key of keys) current = object(current)?.[key];
  return current;
}

function remoteIpOf(details: unknown): RemoteIp | undefined {
  const ip = text(path(details, 'IpAddressV4')) ?? text(path(details, 'IpAddressV6'));
  if (!ip) return undefined;
  const remote: RemoteIp = { ip };
  const fields: [keyof RemoteIp, string[]][] = [
    ['country', ['Country', 'CountryName']],
    ['city', ['City', 'CityName']],
    ['organization', ['Organization', 'Org']],
    ['asn', ['Organization', 'Asn']],
    ['asnOrganization', ['Organization', 'AsnOrg']],
    ['isp', ['Organization', 'Isp']],
  ];
  for (const [field, keys] of fields) {
    const value = text(path(details, ...keys));
    if (value) remote[field] = value;
  }
  return remote;
}

/** Name the affected resource as the console does: its instance, user, bucket or cluster. */
function resourceIdOf(resource: unknown): string | undefined {
  const user = text(path(resource, 'AccessKeyDetails', 'UserName'));
  const key = text(path(resource, 'AccessKeyDetails', 'AccessKeyId'));
  const buckets = path(resource, 'S3BucketDetails');
  const bucket = Array.isArray(buckets) ? text(path(buckets[0], 'Name')) : undefined;
  return (
    text(path(resource, 'InstanceDetails', 'InstanceId')) ??
    (bucket && user ? `${bucket} (by ${user})` : bucket) ??
    (user && key ? `${user} (${key})` : (user ?? key)) ??
    text(path(resource, 'EksClusterDetails', 'Name')) ??
    text(path(resource, 'RdsDbInstanceDetails', 'DbInstanceIdentifier'))
  );
}

function actionOf(action: unknown): { details: ActionDetails; remoteIps: RemoteIp[] } {
  const details: ActionDetails = {};
  const remoteIps: RemoteIp[] = [];
  const type = text(path(action, 'ActionType'));
  if (type) details.type = type;

  const api = object(path(action, 'AwsApiCallAction'));
  if (api) {
    details.api = text(api.Api);
    details.serviceName = text(api.ServiceName);
    details.callerType = text(api.CallerType);
    const remote = remoteIpOf(api.RemoteIpDetails);
    if (remote) remoteIps.push(remote);
  }

  const network = object(path(action, 'NetworkConnectionAction'));
  if (network) {
    details.connectionDirection = text(network.ConnectionDirection);
    details.protocol = text(network.Protocol);
    details.localPort = text(path(network, 'LocalPortDetails', 'Port'));
    details.remotePort = text(path(network, 'RemotePortDetails', 'Port'));
    if (typeof network.Blocked === 'boolean') details.blocked = network.Blocked;
    const remote = remoteIpOf(network.RemoteIpDetails);
    if (remote) remoteIps.push(remote);
  }

  const dns = object(path(action, 'DnsRequestAction'));
  if (dns) {
    details.domain = text(dns.Domain);
    details.protocol = text(dns.Protocol);
    if (typeof dns.Blocked === 'boolean') details.blocked = dns.Blocked;
  }

  const probe = object(path(action, 'PortProbeAction'));
  if (probe) {
    if (typeof probe.Blocked === 'boolean') details.blocked = probe.Blocked;
    const probes = Array.isArray(probe.PortProbeDetails) ? probe.PortProbeDetails : [];
    const ports = probes.map((entry) => text(path(entry, 'LocalPortDetails', 'Port'))).filter((port) => port !== undefined);
    if (ports.length > 0) details.localPort = [...new Set(ports)].join(', ');
    for (const entry of probes) {
      const remote = remoteIpOf(path(entry, 'RemoteIpDetails'));
      if (remote && !remoteIps.some((known) => known.ip === remote.ip)) remoteIps.push(remote);
    }
  }

  for (const key of Object.keys(details) as (keyof ActionDetails)[]) {
    if (details[key] === undefined) delete details[key];
  }
  return { details, remoteIps };
}

/** Extract the console summary of a finding; unknown or partial findings give a partial summary, never an error. */
export function summarizeFinding(finding: Finding): FindingSummary {
  const { details, remoteIps } = actionOf(path(finding, 'Service', 'Action'));
  const summary: FindingSummary = { action: details, remoteIps };
  const resourceType = text(path(finding, 'Resource', 'ResourceType'));
  const resourceId = resourceIdOf(finding.Resource);
  const firstSeen = text(path(finding, 'Service', 'EventFirstSeen'));
  const lastSeen = text(path(finding, 'Service', 'EventLastSeen'));
  const count = path(finding, 'Service', 'Count');
  if (resourceType) summary.resourceType = resourceType;
  if (resourceId) summary.resourceId = resourceId;
  if (firstSeen) summary.firstSeen = firstSeen;
  if (lastSeen) summary.lastSeen = lastSeen;
  if (typeof count === 'number') summary.count = count;
  return summary;
}

/** Text the resource filter searches: resource type, id, access key, user name and bucket names. */
export function resourceSearchText(finding: Finding): string {
  const summary = summarizeFinding(finding);
  const resource = JSON.stringify(finding.Resource ?? {});
  return `${summary.resourceType ?? ''} ${summary.resourceId ?? ''} ${resource}`.toLowerCase();
}
