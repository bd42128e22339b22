import type { BuildResult, OptionValues } from '../command-spec.js';
import { integerOf, isPlainObject, jsonOrShorthandValue, listValue, stringValue } from './values.js';

/** One ingress rule as RevokeSecurityGroupIngress reads it. */
interface IngressRule {
  protocol: string;
  fromPort: number;
  toPort: number;
  cidr: string;
}

type RuleResult = { ok: true; rule: IngressRule } | { ok: false; error: string };

const PROTOCOL_NUMBERS: Readonly<Record<string, string>> = { '1': 'icmp', '6': 'tcp', '17': 'udp', all: '-1' };
const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const SIMPLE_OPTIONS = ['protocol', 'port', 'cidr'] as const;

/**
 * Build the RevokeSecurityGroupIngress parameters from either form the CLI accepts: the simple
 * `--protocol --port --cidr` options, or `--ip-permissions` as JSON or shorthand. The simulated
 * account removes one IPv4 rule per call, so either form must describe exactly one rule.
 */
export function buildIngressRule(values: OptionValues, params: Record<string, unknown>): BuildResult {
  const permissions = listValue(values, 'ip-permissions');
  const simple = SIMPLE_OPTIONS.filter((name) => values[name] !== undefined);

  let result: RuleResult;
  if (permissions.length > 0) {
    if (simple.length > 0) {
      return { ok: false, error: `--ip-permissions cannot be combined with ${simple.map((name) => `--${name}`).join(', ')}. Use either --protocol, --port and --cidr, or --ip-permissions alone.` };
    }
    result = ruleFromPermissions(permissions);
  } else {
    result = ruleFromSimpleOptions(values);
  }

  if (!result.ok) return result;
  return { ok: true, params: { ...params, ...result.rule } };
}

function ruleFromSimpleOptions(values: OptionValues): RuleResult {
  const protocolText = stringValue(values, 'protocol');
  const cidr = stringValue(values, 'cidr');
  const missing = SIMPLE_OPTIONS.filter((name) => name !== 'port' && values[name] === undefined);
  if (protocolText === undefined || cidr === undefined) {
    const names = missing.map((name) => `--${name}`).join(', ');
    return { ok: false, error: `aws: error: the following arguments are required: ${names}. Name the rule with --protocol, --port and --cidr, or give --ip-permissions.` };
  }

  const protocol = normalizeProtocol(protocolText);
  const cidrError = checkCidr(cidr, '--cidr');
  if (cidrError !== undefined) return { ok: false, error: cidrError };

  const portText = stringValue(values, 'port');
  if (protocol === '-1') return { ok: true, rule: { protocol, fromPort: -1, toPort: -1, cidr } };
  if (portText === undefined) {
    return { ok: false, error: `aws: error: argument --port is required for --protocol ${protocolText}. Give a port such as 22 or a range such as 8000-8080.` };
  }

  const range = /^(-?\d{1,5})(?:-(\d{1,5}))?$/.exec(portText);
  if (range?.[1] === undefined) {
    return { ok: false, error: `aws: error: argument --port: invalid value '${portText}'. Give a port such as 22, a range such as 8000-8080, or -1 for all.` };
  }
  const fromPort = Number(range[1]);
  const toPort = range[2] === undefined ? fromPort : Number(range[2]);
  return { ok: true, rule: { protocol, fromPort, toPort, cidr } };
}

function ruleFromPermissions(texts: readonly string[]): RuleResult {
  const permissions: unknown[] = [];
  for (const text of texts) {
    const parsed = jsonOrShorthandValue('ip-permissions', text);
    if (!parsed.ok) return parsed;
    if (Array.isArray(parsed.value)) permissions.push(...(parsed.value as unknown[]));
    else permissions.push(parsed.value);
  }

  if (permissions.length !== 1) {
    return { ok: false, error: `Error parsing parameter '--ip-permissions': the exercise console revokes one rule per command, but ${permissions.length} were given. Run one command per rule.` };
  }
  const permission = permissions[0];
  if (!isPlainObject(permission)) {
    return { ok: false, error: "Error parsing parameter '--ip-permissions': expected a rule such as IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}]." };
  }

  const unsupported = ['Ipv6Ranges', 'UserIdGroupPairs', 'PrefixListIds'].filter((key) => Array.isArray(permission[key]) && (permission[key] as unknown[]).length > 0);
  if (unsupported.length > 0) {
    return { ok: false, error: `Error parsing parameter '--ip-permissions': ${unsupported.join(', ')} are not simulated. Revoke a rule of an IPv4 range given in IpRanges.` };
  }

  const protocolText = permission.IpProtocol;
  if (typeof protocolText !== 'string' || protocolText === '') {
    return { ok: false, error: "Error parsing parameter '--ip-permissions': IpProtocol is missing. Give tcp, udp, icmp or -1 for all." };
  }
  const protocol = normalizeProtocol(protocolText);

  const ranges = permission.IpRanges;
  if (!Array.isArray(ranges) || ranges.length !== 1 || !isPlainObject(ranges[0]) || typeof ranges[0].CidrIp !== 'string') {
    return { ok: false, error: "Error parsing parameter '--ip-permissions': give exactly one IPv4 range, such as IpRanges=[{CidrIp=0.0.0.0/0}]." };
  }
  const cidr = ranges[0].CidrIp;
  const cidrError = checkCidr(cidr, 'CidrIp');
  if (cidrError !== undefined) return { ok: false, error: `Error parsing parameter '--ip-permissions': ${cidrError}` };

  if (protocol === '-1') return { ok: true, rule: { protocol, fromPort: -1, toPort: -1, cidr } };
  const fromPort = integerOf(permission.FromPort);
  const toPort = integerOf(permission.ToPort ?? permission.FromPort);
  if (fromPort === undefined || toPort === undefined) {
    return { ok: false, error: `Error parsing parameter '--ip-permissions': FromPort and ToPort must be whole numbers for IpProtocol ${protocolText}, such as FromPort=22,ToPort=22.` };
  }
  return { ok: true, rule: { protocol, fromPort, toPort, cidr } };
}

/** Write a protocol as DescribeSecurityGroups returns it: tcp, udp, icmp or -1 for all. */
function normalizeProtocol(text: string): string {
  const lower = text.toLowerCase();
  return PROTOCOL_NUMBERS[lower] ?? lower;
}

function checkCidr(cidr: string, field: string): string | undefined {
  const match = IPV4_CIDR.exec(cidr);
  const valid = match !== null && match.slice(1, 5).every((part) => Number(part) <= 255) && Number(match[5]) <= 32;
  return valid ? undefined : `invalid ${field} '${cidr}': give an IPv4 range in CIDR notation, such as 203.0.113.0/24 or 0.0.0.0/0.`;
}
