import { describe, expect, it } from 'vitest';
import { QueryAdmission } from '../../server/investigation/query-admission.js';
import { visibilityAt } from '../../server/query/scenario-visibility.js';
import type { Manifest } from '../../server/scenario/manifest.js';

describe('query admission', () => {
  it('limits running queries per team', () => {
    const admission = new QueryAdmission({ teamConcurrency: 2, ratePerMinute: 100 });
    const first = admission.admit('blue', 'ana');
    admission.admit('blue', 'ben');
    expect(() => admission.admit('blue', 'ana')).toThrow(/already has 2 queries running/);
    expect(() => admission.admit('green', 'chloe')).not.toThrow();
    first();
    first();
    expect(() => admission.admit('blue', 'ana')).not.toThrow();
    expect(() => admission.admit('blue', 'ana')).toThrow(/RATE|already has/i);
  });

  it('limits queries per participant per minute', () => {
    let now = 1_000_000;
    const admission = new QueryAdmission({ teamConcurrency: 10, ratePerMinute: 3 }, () => now);
    for (let index = 0; index < 3; index++) admission.admit('blue', 'ana')();
    expect(() => admission.admit('blue', 'ana')).toThrow(/3 queries in the last minute/);
    expect(() => admission.admit('blue', 'ben')).not.toThrow();
    now += 60_001;
    expect(() => admission.admit('blue', 'ana')).not.toThrow();
  });
});

describe('scenario visibility', () => {
  const manifest = {
    id: 'demo',
    phases: [
      { id: 'one', horizon: '2026-05-08T02:20:00Z', findings: ['f1'] },
      { id: 'two', horizon: '2026-05-08T03:00:00Z', findings: ['f2', 'f3'] },
    ],
  } as unknown as Manifest;

  it('shows everything without a point', () => {
    expect(visibilityAt(manifest, ['f1', 'f2', 'f3', 'f4'])).toEqual({ horizon: '9999-12-31T23:59:59Z', releasedFindingIds: ['f1', 'f2', 'f3', 'f4'] });
  });

  it('shows a phase as a team sees it', () => {
    expect(visibilityAt(manifest, [], { phase: 1 })).toEqual({ horizon: '2026-05-08T02:20:00Z', releasedFindingIds: ['f1'] });
    expect(() => visibilityAt(manifest, [], { phase: 3 })).toThrow(/from 1 to 2/);
  });

  it('cuts events at a time and releases that phase', () => {
    expect(visibilityAt(manifest, [], { until: '2026-05-08T02:30:00Z' })).toEqual({ horizon: '2026-05-08T02:30:00.000Z', releasedFindingIds: ['f1', 'f2', 'f3'] });
    expect(() => visibilityAt(manifest, [], { until: 'yesterday' })).toThrow(/ISO 8601/);
  });
});
