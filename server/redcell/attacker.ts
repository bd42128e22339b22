import { isIP } from 'node:net';

/** Source of red moves when the scenario's records show no outside caller. */
export const FALLBACK_ATTACKER = {
  /** A Tor exit node address, as in the ApexCorp scenario. */
  sourceIpAddress: '185.220.101.45',
  userAgent: 'aws-cli/1.32.84 Python/3.11.2 Linux/6.1.0-18-amd64 botocore/1.34.84',
} as const;

// Ranges that are not reachable from the internet (RFC 1918, RFC 6598, loopback, link-local, IPv6 ULA).
const PRIVATE_V4 = [/^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./, /^127\./, /^169\.254\./, /^0\./];
const PRIVATE_V6 = [/^::1$/, /^f[cd]/i, /^fe80:/i];

/** True for an address a caller on the internet would have; false for AWS service names and private ranges. */
function isPublicAddress(value: string): boolean {
  const version = isIP(value);
  if (version === 4) return !PRIVATE_V4.some((range) => range.test(value));
  if (version === 6) return !PRIVATE_V6.some((range) => range.test(value));
  return false;
}

function mostCommon(values: Iterable<string>): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Find the attacker's address and client in a scenario's scripted CloudTrail records. The address
 * is the most common public source IP: AWS services, which log a host name such as
 * ec2.amazonaws.com, and private ranges do not count. The client is the most common user agent of
 * that address's records. Falls back to `FALLBACK_ATTACKER` where the records have neither.
 */
export function attackerDefaults(records: readonly Record<string, unknown>[]): { sourceIpAddress: string; userAgent: string } {
  const publicRecords = records.filter((record) => typeof record.sourceIPAddress === 'string' && isPublicAddress(record.sourceIPAddress));
  const sourceIpAddress = mostCommon(publicRecords.map((record) => record.sourceIPAddress as string));
  if (sourceIpAddress === undefined) return { ...FALLBACK_ATTACKER };

  const agents = publicRecords
    .filter((record) => record.sourceIPAddress === sourceIpAddress && typeof record.userAgent === 'string' && record.userAgent !== '')
    .map((record) => record.userAgent as string);
  return { sourceIpAddress, userAgent: mostCommon(agents) ?? FALLBACK_ATTACKER.userAgent };
}
