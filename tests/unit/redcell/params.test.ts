import { describe, expect, it } from 'vitest';
import { moveCallContext, parseMoveParams, techniqueById } from '../../../server/redcell/index.js';
import { DEPLOY_KEY } from './account-fixture.js';

const download = techniqueById('bulk-download-objects')!;
const miners = techniqueById('launch-gpu-miners')!;

function paramsOf(result: ReturnType<typeof parseMoveParams>): Record<string, unknown> {
  if (!result.ok) throw new Error(`expected the params to be accepted: ${result.error.message}`);
  return result.params;
}

function errorsOf(result: ReturnType<typeof parseMoveParams>): Record<string, string> {
  if (result.ok) throw new Error('expected the params to be rejected');
  return Object.fromEntries(result.error.fields.map((item) => [item.field, item.message]));
}

describe('parseMoveParams', () => {
  it('applies defaults and types', () => {
    const result = parseMoveParams(miners, { accessKey: DEPLOY_KEY });

    expect(result).toEqual({ ok: true, params: { accessKey: DEPLOY_KEY, region: 'eu-west-1', count: 4, instanceType: 'g4dn.xlarge', imageId: 'ami-0c02fb55956c7d316' } });
  });

  it('treats blank fields as empty', () => {
    const result = parseMoveParams(download, { accessKey: ` ${DEPLOY_KEY} `, bucket: 'apexcorp-customer-data', prefix: '   ', sourceIpAddress: '' });

    expect(paramsOf(result)).toEqual({ accessKey: DEPLOY_KEY, bucket: 'apexcorp-customer-data', maxObjects: 100 });
  });

  it('reports the missing access key', () => {
    const result = parseMoveParams(download, { bucket: 'apexcorp-customer-data' });

    if (result.ok) throw new Error('expected the params to be rejected');
    expect(result.error.field).toBe('params.accessKey');
    expect(result.error.code).toBe('INVALID_PAYLOAD');
    expect(errorsOf(result).accessKey).toBe('accessKey is missing: enter the access key');
  });

  it('reports every bad field', () => {
    const errors = errorsOf(parseMoveParams(download, { accessKey: 'not-a-key', bucket: 'Bad_Bucket', maxObjects: '5000' }));

    expect(errors.accessKey).toContain('must be an access key id');
    expect(errors.bucket).toContain('"Bad_Bucket" must be an S3 bucket name');
    expect(errors.maxObjects).toBe('maxObjects "5000" must be at most 1000');
  });

  it('rejects fractions and words as counts', () => {
    expect(errorsOf(parseMoveParams(miners, { accessKey: DEPLOY_KEY, count: '2.5' })).count).toContain('must be a whole number');
    expect(errorsOf(parseMoveParams(miners, { accessKey: DEPLOY_KEY, count: 'many' })).count).toContain('must be a whole number');
    expect(errorsOf(parseMoveParams(miners, { accessKey: DEPLOY_KEY, count: '0' })).count).toContain('must be at least 1');
  });

  it('rejects unknown parameters', () => {
    const errors = errorsOf(parseMoveParams(download, { accessKey: DEPLOY_KEY, bucket: 'apexcorp-customer-data', bukket: 'x' }));

    expect(errors.bukket).toContain('is not a parameter of this technique');
    expect(errors.bukket).toContain('bucket');
  });

  it('rejects a bad region and source IP', () => {
    const errors = errorsOf(parseMoveParams(miners, { accessKey: DEPLOY_KEY, region: 'mars-1', sourceIpAddress: '999.1.1.1' }));

    expect(errors.region).toContain('must be an AWS region');
    expect(errors.sourceIpAddress).toContain('must be an IPv4 or IPv6 address');
  });

  it('splits instance id lists', () => {
    const terminate = techniqueById('terminate-instances')!;
    const ok = parseMoveParams(terminate, { accessKey: DEPLOY_KEY, instanceIds: 'i-0fd91cc27ccef9e51, i-06b70c11786c115f0' });
    const bad = errorsOf(parseMoveParams(terminate, { accessKey: DEPLOY_KEY, instanceIds: 'i-0fd91cc27ccef9e51 web-01' }));

    expect(paramsOf(ok).instanceIds).toEqual(['i-0fd91cc27ccef9e51', 'i-06b70c11786c115f0']);
    expect(bad.instanceIds).toContain('must be an EC2 instance id');
  });

  it('cuts long values in messages', () => {
    const errors = errorsOf(parseMoveParams(download, { accessKey: DEPLOY_KEY, bucket: 'x'.repeat(500) }));

    expect(errors.bucket!.length).toBeLessThan(200);
  });
});

describe('moveCallContext', () => {
  const defaults = { sourceIpAddress: '185.220.101.45', userAgent: 'aws-cli/1.32.84' };

  it('signs with the move key', () => {
    const context = moveCallContext({ accessKey: DEPLOY_KEY }, defaults, '2026-05-08T02:00:00Z', 'seed');

    expect(context).toEqual({ credentials: { kind: 'accessKey', accessKeyId: DEPLOY_KEY }, sourceIpAddress: '185.220.101.45', userAgent: 'aws-cli/1.32.84', at: '2026-05-08T02:00:00Z', idSeed: 'seed' });
  });

  it('prefers the move source', () => {
    const context = moveCallContext({ accessKey: DEPLOY_KEY, sourceIpAddress: '203.0.113.9', userAgent: 'kali' }, defaults, '2026-05-08T02:00:00Z', 'seed');

    expect(context.sourceIpAddress).toBe('203.0.113.9');
    expect(context.userAgent).toBe('kali');
  });
});
