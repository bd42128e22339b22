import { describe, expect, it } from 'vitest';
import { evaluateCheck } from '../../server/scenario/checks/index.js';
import { ObjectiveCheck } from '../../server/scenario/manifest.js';

const check = (value: unknown) => ObjectiveCheck.parse(value);

describe('exact check', () => {
  const exact = check({ kind: 'exact', accept: ['dev-deploy'] });

  it('ignores case and spaces', () => {
    expect(evaluateCheck(exact, '  Dev-Deploy ')).toMatchObject({ correct: true, credit: 1 });
  });

  it('rejects other values', () => {
    const outcome = evaluateCheck(exact, 'alice.chen');
    expect(outcome.correct).toBe(false);
    expect(outcome.credit).toBe(0);
    expect(outcome.message).not.toContain('dev-deploy');
  });
});

describe('set check', () => {
  const set = check({ kind: 'set', items: ['i-01', 'i-02', 'i-03', 'i-04'] });

  it('solves with every item in any order', () => {
    expect(evaluateCheck(set, 'i-04, i-02\ni-01 i-03')).toMatchObject({ correct: true, credit: 1 });
  });

  it('gives partial credit for some items', () => {
    const outcome = evaluateCheck(set, 'i-01, i-02');
    expect(outcome.correct).toBe(false);
    expect(outcome.credit).toBe(0.5);
    expect(outcome.message).toContain('2 of 4');
  });

  it('deducts a share per wrong item', () => {
    expect(evaluateCheck(set, 'i-01, i-02, i-99').credit).toBe(0.25);
  });

  it('gives nothing for listing everything', () => {
    expect(evaluateCheck(set, 'i-01 i-02 i-03 i-04 i-05 i-06 i-07 i-08').credit).toBe(0);
  });

  it('counts a repeated item once', () => {
    expect(evaluateCheck(set, 'i-01, I-01, i-01').credit).toBe(0.25);
  });

  it('keeps missing items out of the message', () => {
    const message = evaluateCheck(set, 'i-01').message;
    for (const hidden of ['i-02', 'i-03', 'i-04']) expect(message).not.toContain(hidden);
  });
});

describe('verdicts check', () => {
  const verdicts = check({
    kind: 'verdicts',
    items: [
      { keys: ['aaa111', 'UnauthorizedAccess:S3/TorIPCaller'], verdict: 'malicious' },
      { keys: ['bbb222', 'Recon:EC2/PortProbeUnprotectedPort'], verdict: 'benign' },
    ],
  });

  it('accepts ids or types with verdict words', () => {
    expect(evaluateCheck(verdicts, 'UnauthorizedAccess:S3/TorIPCaller: true positive\nbbb222 = noise').correct).toBe(false);
    expect(evaluateCheck(verdicts, 'UnauthorizedAccess:S3/TorIPCaller: malicious\nbbb222 = noise')).toMatchObject({ correct: true, credit: 1 });
  });

  it('reads a type without a space before the verdict', () => {
    expect(evaluateCheck(verdicts, 'UnauthorizedAccess:S3/TorIPCaller:malicious, Recon:EC2/PortProbeUnprotectedPort:benign').correct).toBe(true);
  });

  it('cancels a right verdict with a wrong one', () => {
    const outcome = evaluateCheck(verdicts, 'aaa111: malicious, bbb222: malicious');
    expect(outcome.credit).toBe(0);
    expect(outcome.message).toContain('1 verdict is wrong');
  });

  it('explains entries it cannot read', () => {
    const outcome = evaluateCheck(verdicts, 'aaa111: malicious, zzz: benign');
    expect(outcome.credit).toBe(0.5);
    expect(outcome.message).toContain('could not be read');
    expect(outcome.message).toContain('1 item has no verdict');
  });
});

describe('ordered check', () => {
  const ordered = check({
    kind: 'ordered',
    steps: [{ accept: ['GetCallerIdentity'] }, { accept: ['AttachUserPolicy', 'evt-2'] }, { accept: ['CreateAccessKey'] }, { accept: ['StopLogging'] }],
  });

  it('solves the full order with names or ids', () => {
    expect(evaluateCheck(ordered, 'GetCallerIdentity -> evt-2 -> CreateAccessKey -> StopLogging')).toMatchObject({ correct: true, credit: 1 });
  });

  it('credits the longest run in order', () => {
    const outcome = evaluateCheck(ordered, 'GetCallerIdentity, CreateAccessKey, AttachUserPolicy, StopLogging');
    expect(outcome.credit).toBe(0.75);
    expect(outcome.message).toContain('1 key event is out of order');
  });

  it('deducts values that are no key event', () => {
    expect(evaluateCheck(ordered, 'GetCallerIdentity, ListBuckets, AttachUserPolicy, CreateAccessKey, StopLogging').credit).toBe(0.75);
  });

  it('credits one step of a reversed order', () => {
    expect(evaluateCheck(ordered, 'StopLogging, CreateAccessKey, AttachUserPolicy, GetCallerIdentity').credit).toBe(0.25);
  });
});

describe('fields check', () => {
  const fields = check({
    kind: 'fields',
    fields: [
      { type: 'text', label: 'bucket', accept: ['apexcorp-customer-data'] },
      { type: 'count', label: 'object count', value: 1240, tolerance: 0.02 },
      { type: 'bytes', label: 'volume', value: 5_101_822_219, tolerance: 0.1 },
    ],
  });

  it('reads a free-text answer', () => {
    expect(evaluateCheck(fields, 'apexcorp-customer-data, 1,240 objects, 5.1 GB')).toMatchObject({ correct: true, credit: 1 });
  });

  it('accepts binary units and s3 urls', () => {
    expect(evaluateCheck(fields, 's3://apexcorp-customer-data/ 1240 files 4.75 GiB').correct).toBe(true);
  });

  it('credits each right field', () => {
    const outcome = evaluateCheck(fields, 'apexcorp-customer-data 40 objects 5 GB');
    expect(outcome.credit).toBeCloseTo(2 / 3);
    expect(outcome.message).toContain('Accepted: bucket, volume');
    expect(outcome.message).toContain('Not yet right: object count');
  });

  it('does not take a size for a count', () => {
    expect(evaluateCheck(fields, 'apexcorp-customer-data 1240 MB').credit).toBeCloseTo(1 / 3);
  });
});

describe('keywords check', () => {
  const keywords = check({
    kind: 'keywords',
    required: 2,
    groups: [
      { label: 'revoke the keys', anyOf: [['deactivate', 'dev-deploy'], ['revoke', 'key']] },
      { label: 'terminate the instances', anyOf: [['terminate']] },
      { label: 'restart logging', anyOf: [['startlogging'], ['start logging']] },
    ],
  });

  it('solves when enough groups are met', () => {
    const outcome = evaluateCheck(keywords, 'Deactivate all dev-deploy keys. Terminate the miners.');
    expect(outcome).toMatchObject({ correct: true, credit: 1 });
    expect(outcome.message).toBe('Accepted: revoke the keys; terminate the instances.');
  });

  it('needs every term of an alternative', () => {
    expect(evaluateCheck(keywords, 'deactivate things').credit).toBe(0);
  });

  it('names only the groups met', () => {
    const outcome = evaluateCheck(keywords, 'We will terminate them.');
    expect(outcome.credit).toBe(0.5);
    expect(outcome.message).toContain('terminate the instances');
    expect(outcome.message).not.toContain('restart logging');
    expect(outcome.message).not.toContain('revoke');
  });

  it('rejects required above the group count', () => {
    expect(ObjectiveCheck.safeParse({ kind: 'keywords', required: 4, groups: [{ label: 'a', anyOf: [['a']] }] }).success).toBe(false);
  });
});
