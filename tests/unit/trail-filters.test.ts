import { describe, expect, it } from 'vitest';
import { withAttribute } from '../../client/src/participant/trail/attributes.js';
import { fromInputValue, ordered, toInputValue } from '../../client/src/participant/trail/time-range.js';
import { chooseBucketSeconds } from '../../server/query/cloudtrail-browse.js';
import { buildWhere } from '../../server/query/cloudtrail-where.js';

describe('time range inputs', () => {
  it('reads input values as UTC', () => {
    expect(fromInputValue('2026-05-08T02:17')).toBe('2026-05-08T02:17:00Z');
    expect(fromInputValue('2026-05-08T02:17:45')).toBe('2026-05-08T02:17:45Z');
    expect(fromInputValue('2026-05-08T02:17:45.250')).toBe('2026-05-08T02:17:45.250Z');
    expect(fromInputValue('2026-05-08 02:17:45')).toBe('2026-05-08T02:17:45Z');
    expect(fromInputValue(' 2026-05-08 02:17 ')).toBe('2026-05-08T02:17:00Z');
    expect(fromInputValue('2026-05-08T02:17:45Z')).toBe('2026-05-08T02:17:45Z');
  });

  it('rejects partial values', () => {
    expect(fromInputValue('')).toBeUndefined();
    expect(fromInputValue('2026-05-08')).toBeUndefined();
    expect(fromInputValue('2026-13-08T02:17')).toBeUndefined();
    expect(fromInputValue('2026-02-30 02:17')).toBeUndefined();
    expect(fromInputValue('2026-05-08 24:00')).toBeUndefined();
    expect(fromInputValue('05/08/2026, 02:17:00 AM')).toBeUndefined();
  });

  it('writes ISO times for the inputs', () => {
    expect(toInputValue('2026-05-08T02:17:45Z')).toBe('2026-05-08 02:17:45');
    expect(toInputValue('2026-05-08T04:17:45+02:00')).toBe('2026-05-08 02:17:45');
    expect(toInputValue(undefined)).toBe('');
    expect(toInputValue('not a time')).toBe('');
  });

  it('orders a reversed range', () => {
    expect(ordered({ start: '2026-05-08T03:00:00Z', end: '2026-05-08T02:00:00Z' })).toEqual({ start: '2026-05-08T02:00:00Z', end: '2026-05-08T03:00:00Z' });
    expect(ordered({ end: '2026-05-08T02:00:00Z' })).toEqual({ end: '2026-05-08T02:00:00Z' });
  });
});

describe('withAttribute', () => {
  it('replaces and removes values', () => {
    const one = withAttribute({}, 'userName', 'dev-deploy');
    const two = withAttribute(one, 'readOnly', false);
    expect(two).toEqual({ userName: 'dev-deploy', readOnly: false });
    expect(withAttribute(two, 'userName', 'ana')).toEqual({ userName: 'ana', readOnly: false });
    expect(withAttribute(two, 'readOnly', undefined)).toEqual({ userName: 'dev-deploy' });
  });
});

describe('chooseBucketSeconds', () => {
  const hour = 3_600_000;

  it('picks the shortest length that fits', () => {
    expect(chooseBucketSeconds(30 * 60_000)).toBe(60);
    expect(chooseBucketSeconds(26.5 * hour)).toBe(900);
    expect(chooseBucketSeconds(29 * 24 * hour)).toBe(21_600);
    expect(chooseBucketSeconds(30 * 24 * hour)).toBe(43_200);
  });

  it('uses whole days for long spans', () => {
    expect(chooseBucketSeconds(400 * 24 * hour)).toBe(4 * 86_400);
    expect(chooseBucketSeconds(3_000 * 24 * hour)).toBe(26 * 86_400);
  });

  it('never exceeds the bucket limit', () => {
    // The histogram aligns the first bucket down to a multiple of its length, as here.
    for (const span of [1, 59_999, 2 * hour, 29 * hour, 90 * 24 * hour, 3_000 * 24 * hour]) {
      for (const first of [0, 1, 59_999, 7 * hour + 123]) {
        const bucketMs = chooseBucketSeconds(span) * 1_000;
        const origin = Math.floor(first / bucketMs) * bucketMs;
        const count = Math.floor((first + span - origin) / bucketMs) + 1;
        expect(count).toBeLessThanOrEqual(120);
      }
    }
  });
});

describe('buildWhere', () => {
  it('binds every value as a parameter', () => {
    const where = buildWhere({ filter: 'all', attributes: { userName: "o'brien", sourceIPAddress: '10.0.*' }, start: '2026-05-08T00:00:00Z' });
    expect(where.sql).not.toContain("o'brien");
    expect(where.params).toEqual({ userName: "o'brien", sourceIPAddress: '10.0.', start: '2026-05-08T00:00:00Z' });
    expect(where.sql).toContain('starts_with(sourceipaddress, $sourceIPAddress)');
  });

  it('leaves out the time for the histogram', () => {
    const where = buildWhere({ filter: 'iam', attributes: {}, start: '2026-05-08T00:00:00Z', end: '2026-05-08T01:00:00Z' }, false);
    expect(where.params).toEqual({ quickSource: 'iam.amazonaws.com' });
  });

  it('no filter gives no clause', () => {
    expect(buildWhere({ filter: 'all', attributes: {} })).toEqual({ sql: '', params: {} });
  });
});
