import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/model.js';
import { resourceSearchText, summarizeFinding } from '../../client/src/participant/guardduty-fields.js';

const findings = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../scenarios/apexcorp-prod/guardduty/findings.json'), 'utf8'),
) as Finding[];

function byType(type: string): Finding {
  const finding = findings.find((candidate) => candidate.Type === type);
  if (!finding) throw new Error(`the apexcorp-prod pack has no ${type} finding`);
  return finding;
}

describe('summarizeFinding', () => {
  it('reads an API call finding', () => {
    const summary = summarizeFinding(byType('UnauthorizedAccess:S3/TorIPCaller'));
    expect(summary.resourceType).toBe('S3Bucket');
    expect(summary.resourceId).toBe('apexcorp-customer-data (by dev-deploy)');
    expect(summary.action).toEqual({ type: 'AWS_API_CALL', api: 'GetObject', serviceName: 's3.amazonaws.com', callerType: 'Remote IP' });
    expect(summary.remoteIps).toEqual([
      { ip: '185.220.101.45', country: 'Germany', city: 'Berlin', organization: 'Stiftung Erneuerbare Freiheit', asn: '60729', asnOrganization: 'Stiftung Erneuerbare Freiheit', isp: 'Stiftung Erneuerbare Freiheit' },
    ]);
    expect(summary.firstSeen).toBe('2026-05-08T02:11:40.000Z');
    expect(summary.lastSeen).toBe('2026-05-08T02:16:24.000Z');
    expect(summary.count).toBe(188);
  });

  it('reads a DNS finding on an instance', () => {
    const summary = summarizeFinding(byType('CryptoCurrency:EC2/BitcoinTool.B!DNS'));
    expect(summary.resourceType).toBe('Instance');
    expect(summary.resourceId).toMatch(/^i-[0-9a-f]+$/);
    expect(summary.action).toMatchObject({ type: 'DNS_REQUEST', domain: 'pool.supportxmr.com', protocol: 'UDP', blocked: false });
    expect(summary.remoteIps).toEqual([]);
  });

  it('reads a port probe with its ports', () => {
    const summary = summarizeFinding(byType('Recon:EC2/PortProbeUnprotectedPort'));
    expect(summary.action).toMatchObject({ type: 'PORT_PROBE', localPort: '22', blocked: false });
    expect(summary.remoteIps.map((remote) => remote.ip)).toEqual(['198.51.100.23']);
    expect(summary.remoteIps[0]?.asn).toBe('64500');
  });

  it('reads a network connection', () => {
    const finding = {
      Id: 'n1',
      Type: 'UnauthorizedAccess:EC2/SSHBruteForce',
      Severity: 2,
      Title: 'SSH brute force',
      UpdatedAt: '2026-05-08T03:00:00Z',
      Resource: { ResourceType: 'Instance', InstanceDetails: { InstanceId: 'i-0abc' } },
      Service: {
        Action: {
          ActionType: 'NETWORK_CONNECTION',
          NetworkConnectionAction: {
            ConnectionDirection: 'INBOUND',
            Protocol: 'TCP',
            Blocked: true,
            LocalPortDetails: { Port: 22 },
            RemotePortDetails: { Port: 50_123 },
            RemoteIpDetails: { IpAddressV4: '192.0.2.7', Country: { CountryName: 'France' } },
          },
        },
        Count: 3,
      },
    } as Finding;
    const summary = summarizeFinding(finding);
    expect(summary.action).toEqual({ type: 'NETWORK_CONNECTION', connectionDirection: 'INBOUND', protocol: 'TCP', localPort: '22', remotePort: '50123', blocked: true });
    expect(summary.remoteIps).toEqual([{ ip: '192.0.2.7', country: 'France' }]);
    expect(summary.resourceId).toBe('i-0abc');
    expect(summary.firstSeen).toBeUndefined();
  });

  it('bare finding gives an empty summary', () => {
    const summary = summarizeFinding({ Id: 'x', Type: 'T', Severity: 1, Title: 't', UpdatedAt: '' });
    expect(summary).toEqual({ action: {}, remoteIps: [] });
  });
});

describe('resourceSearchText', () => {
  it('contains ids and names', () => {
    const text = resourceSearchText(byType('UnauthorizedAccess:S3/TorIPCaller'));
    expect(text).toContain('apexcorp-customer-data');
    expect(text).toContain('akiabzpuzdikdnqiulwg');
    expect(text).toContain('s3bucket');
  });
});
