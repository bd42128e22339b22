import { isIP } from 'node:net';
import { ATTACKER } from '../../scenario/records/apexcorp/story.js';
import type { RemoteHost } from '../../scenario/records/guardduty.js';

/** Tor exit node addresses GuardDuty's threat list contains, when the caller passes none. */
export const DEFAULT_TOR_EXIT_IPS: readonly string[] = [ATTACKER.ip];

/** Hosts with network details, so findings for them read like the scenario's own findings. */
const KNOWN_HOSTS: readonly RemoteHost[] = [ATTACKER];

/**
 * GuardDuty's RemoteIpDetails for a caller. Hosts without known details get only their address.
 * NOTE: GuardDuty fills city, country and ASN from its geolocation data, which this model does not
 * have for other addresses.
 */
export function remoteIpDetails(ip: string): Record<string, unknown> {
  const host = KNOWN_HOSTS.find((item) => item.ip === ip);
  const address = isIP(ip) === 6 ? { IpAddressV6: ip } : { IpAddressV4: ip };
  if (host === undefined) return address;
  return {
    City: { CityName: host.city },
    Country: { CountryCode: host.countryCode, CountryName: host.countryName },
    GeoLocation: { Lat: host.lat, Lon: host.lon },
    ...address,
    Organization: { Asn: host.asn, AsnOrg: host.asnOrg, Isp: host.isp, Org: host.org },
  };
}

/** Return the ASN line of an anomaly finding's unusual behavior, when the host is known. */
export function asnSummary(ip: string): string | undefined {
  const host = KNOWN_HOSTS.find((item) => item.ip === ip);
  return host === undefined ? undefined : `asnNumber: ${host.asn} asnOrg: ${host.asnOrg}`;
}
