import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attackerDefaults, FALLBACK_ATTACKER } from '../../../server/redcell/index.js';

describe('attackerDefaults', () => {
  it('finds the ApexCorp attacker', () => {
    const { Records } = JSON.parse(readFileSync('scenarios/apexcorp-prod/cloudtrail/attack.json', 'utf8')) as { Records: Record<string, unknown>[] };

    expect(attackerDefaults(Records)).toEqual({
      sourceIpAddress: '185.220.101.45',
      userAgent: 'aws-cli/1.32.84 Python/3.11.2 Linux/6.1.0-18-amd64 botocore/1.34.84',
    });
  });

  it('skips AWS services and private ranges', () => {
    const records = [
      ...Array.from({ length: 5 }, () => ({ sourceIPAddress: 'ec2.amazonaws.com', userAgent: 'ec2.amazonaws.com' })),
      ...Array.from({ length: 4 }, () => ({ sourceIPAddress: '10.10.14.21', userAgent: 'aws-cli/2.15.30' })),
      ...Array.from({ length: 3 }, () => ({ sourceIPAddress: '172.20.0.5', userAgent: 'Boto3/1.34.0' })),
      { sourceIPAddress: '198.51.100.77', userAgent: 'curl/8.5.0' },
      { sourceIPAddress: '198.51.100.77', userAgent: 'python-requests/2.31' },
      { sourceIPAddress: '198.51.100.77', userAgent: 'python-requests/2.31' },
    ];

    expect(attackerDefaults(records)).toEqual({ sourceIpAddress: '198.51.100.77', userAgent: 'python-requests/2.31' });
  });

  it('falls back without public callers', () => {
    expect(attackerDefaults([])).toEqual(FALLBACK_ATTACKER);
    expect(attackerDefaults([{ sourceIPAddress: 'AWS Internal' }, { sourceIPAddress: 42 }])).toEqual(FALLBACK_ATTACKER);
  });

  it('falls back for a missing user agent', () => {
    expect(attackerDefaults([{ sourceIPAddress: '203.0.113.50' }])).toEqual({ sourceIpAddress: '203.0.113.50', userAgent: FALLBACK_ATTACKER.userAgent });
  });
});
