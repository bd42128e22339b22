import { describe, expect, it } from 'vitest';
import type { ApiCall, CallOutcome } from '../../../server/account/api-call.js';
import { formatOutput } from '../../../server/containment/index.js';

function success(call: Pick<ApiCall, 'service' | 'action'>, response: Record<string, unknown> | null): CallOutcome {
  return { call: { ...call, params: {}, region: 'us-east-1' }, ok: true, errorCode: null, errorMessage: null, response, record: null, changes: [] };
}

const STOP = { service: 'ec2', action: 'StopInstances' } as const;
const STOPPING = {
  StoppingInstances: [{ InstanceId: 'i-0abc', CurrentState: { Code: 64, Name: 'stopping' }, PreviousState: { Code: 16, Name: 'running' } }],
};
const KEYS = {
  AccessKeyMetadata: [
    { UserName: 'dev-deploy', AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', Status: 'Active', CreateDate: '2026-03-01T10:00:00Z' },
    { UserName: 'dev-deploy', AccessKeyId: 'AKIAI44QH8DHBEXAMPLE', Status: 'Inactive', CreateDate: '2026-03-02T10:00:00Z' },
  ],
  IsTruncated: false,
};

describe('formatOutput', () => {
  it('prints JSON indented by four spaces', () => {
    const output = formatOutput(success(STOP, STOPPING), 'json');
    expect(output).toBe(JSON.stringify(STOPPING, null, 4));
    expect(output).toContain('\n    "StoppingInstances": [');
  });

  it('prints JSON by default', () => {
    expect(formatOutput(success(STOP, STOPPING))).toBe(JSON.stringify(STOPPING, null, 4));
  });

  it('keeps unicode in JSON', () => {
    expect(formatOutput(success({ service: 'ec2', action: 'CreateSnapshot' }, { Description: 'Kopie für 🔒' }))).toContain('Kopie für 🔒');
  });

  it('prints nothing for silent commands', () => {
    expect(formatOutput(success({ service: 'iam', action: 'UpdateAccessKey' }, { ResponseMetadata: {} }))).toBe('');
    expect(formatOutput(success({ service: 'cloudtrail', action: 'StopLogging' }, {}))).toBe('');
  });

  it('prints nothing for an empty response', () => {
    expect(formatOutput(success({ service: 'guardduty', action: 'CreateDetector' }, {}))).toBe('');
    expect(formatOutput(success(STOP, null))).toBe('');
  });

  it('prints the CLI error line', () => {
    const outcome: CallOutcome = {
      ...success({ service: 'iam', action: 'DetachUserPolicy' }, null),
      ok: false,
      errorCode: 'AccessDenied',
      errorMessage: 'User: arn:aws:sts::111122223333:assumed-role/IncidentResponder/blue-1 is not authorized to perform: iam:DetachUserPolicy',
    };
    expect(formatOutput(outcome, 'table')).toBe(
      'An error occurred (AccessDenied) when calling the DetachUserPolicy operation: User: arn:aws:sts::111122223333:assumed-role/IncidentResponder/blue-1 is not authorized to perform: iam:DetachUserPolicy',
    );
  });

  it('prints text rows', () => {
    expect(formatOutput(success({ service: 'iam', action: 'ListAccessKeys' }, KEYS), 'text')).toBe(
      [
        'False',
        'ACCESSKEYMETADATA\tAKIAIOSFODNN7EXAMPLE\t2026-03-01T10:00:00Z\tActive\tdev-deploy',
        'ACCESSKEYMETADATA\tAKIAI44QH8DHBEXAMPLE\t2026-03-02T10:00:00Z\tInactive\tdev-deploy',
      ].join('\n'),
    );
  });

  it('prints nested text rows', () => {
    expect(formatOutput(success(STOP, STOPPING), 'text')).toBe(['STOPPINGINSTANCES\ti-0abc', 'CURRENTSTATE\t64\tstopping', 'PREVIOUSSTATE\t16\trunning'].join('\n'));
  });

  it('prints scalar lists in text', () => {
    expect(formatOutput(success({ service: 'guardduty', action: 'ListDetectors' }, { DetectorIds: ['d1', 'd2'] }), 'text')).toBe('DETECTORIDS\td1\nDETECTORIDS\td2');
  });

  it('applies --query before formatting', () => {
    const outcome = success({ service: 'iam', action: 'ListAccessKeys' }, KEYS);
    const query = 'AccessKeyMetadata[?Status==`Active`].AccessKeyId';
    expect(formatOutput(outcome, { output: 'json', query })).toBe('[\n    "AKIAIOSFODNN7EXAMPLE"\n]');
    expect(formatOutput(outcome, { output: 'text', query: 'AccessKeyMetadata[].AccessKeyId' })).toBe('AKIAIOSFODNN7EXAMPLE\tAKIAI44QH8DHBEXAMPLE');
  });

  it('prints null for a missing --query field', () => {
    expect(formatOutput(success({ service: 'iam', action: 'ListAccessKeys' }, KEYS), { output: 'json', query: 'Nothing' })).toBe('null');
    expect(formatOutput(success({ service: 'iam', action: 'ListAccessKeys' }, KEYS), { output: 'text', query: 'Nothing' })).toBe('None');
  });

  it('reports a failing --query', () => {
    const output = formatOutput(success({ service: 'iam', action: 'ListAccessKeys' }, KEYS), { output: 'json', query: 'abs(AccessKeyMetadata)' });
    expect(output).toContain('--query abs(AccessKeyMetadata) failed on the response');
  });

  it('prints a table', () => {
    const lines = formatOutput(success({ service: 'iam', action: 'ListAccessKeys' }, KEYS), 'table').split('\n');
    expect(lines[1]).toContain('ListAccessKeys');
    expect(lines.some((line) => line.includes('IsTruncated') && line.includes('False'))).toBe(true);
    expect(lines.some((line) => line.includes('AKIAIOSFODNN7EXAMPLE') && line.includes('Active'))).toBe(true);
    const widths = new Set(lines.filter((line) => !line.startsWith(' ')).map((line) => line.length));
    expect(widths.size).toBe(1);
  });

  it('aligns nested table sections', () => {
    const lines = formatOutput(success(STOP, STOPPING), 'table').split('\n');
    const nested = lines.filter((line) => line.startsWith('    '));
    expect(nested.some((line) => line.includes('stopping'))).toBe(true);
    expect(new Set(nested.map((line) => line.length)).size).toBe(1);
  });
});
