import { describe, expect, it } from 'vitest';
import { FanoutTracker } from '../../scripts/bench/realtime/fanout-tracker.js';
import { OptionsError, parseOptions } from '../../scripts/bench/realtime/options.js';
import { buildResult, checkTargets, RealtimeResult, type MeasuredRun } from '../../scripts/bench/realtime/result.js';
import { LatencyRecorder, percentile, summarize } from '../../scripts/bench/realtime/stats.js';
import { parseStoreWrites, storeWritesBetween } from '../../scripts/bench/realtime/store-writes.js';

const summary = (p50Ms: number, p99Ms: number, maxMs = p99Ms, count = 100) => ({ count, p50Ms, p99Ms, maxMs });

function measuredRun(overrides: Partial<MeasuredRun> = {}): MeasuredRun {
  return {
    layout: { exercises: 10, teams: 5, members: 6 },
    release: summary(6, 40, 45, 1200),
    bareRelease: summary(3, 20, 22, 1200),
    releaseFirst: summary(4, 30, 30, 40),
    bareReleaseFirst: summary(2, 10, 10, 40),
    score: summary(5, 60),
    yjs: summary(1, 10),
    eventLoopP99Ms: 7.25,
    eventLoopP99ExportedMs: 17.25,
    eventLoopMaxMs: 30,
    peakRssMb: 136.4,
    queryWorkerPeakRssMb: 210.2,
    queryWorkerCpuPercent: 12.2,
    clientEventLoopP99Ms: 9.9,
    clientEventLoopMaxMs: 20,
    cpuPercent: 10.4,
    storeWrites: { count: 300, meanMs: 12.5, over50MsPercent: 2 },
    measureSeconds: 33.2,
    loadAverage: 1.234,
    cpuCores: 2,
    errors: 0,
    ...overrides,
  };
}

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile(samples, 0)).toBe(1);
  });

  it('returns the only sample', () => {
    expect(percentile([7], 1)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
  });

  it('returns the max for p99 of few samples', () => {
    expect(percentile([1, 2, 3, 4, 50], 99)).toBe(50);
  });

  it('returns zero for no samples', () => {
    expect(percentile([], 99)).toBe(0);
  });

  it('rejects a percentile out of range', () => {
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });

  it('leaves the input unsorted', () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe('summarize', () => {
  it('rounds to 0.1 ms', () => {
    expect(summarize([1.04, 2.06, 3.149])).toEqual({ count: 3, p50Ms: 2.1, p99Ms: 3.1, maxMs: 3.1 });
  });

  it('reports an empty sample as zeros', () => {
    expect(summarize([])).toEqual({ count: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 });
  });
});

describe('LatencyRecorder', () => {
  it('keeps at most its cap', () => {
    const recorder = new LatencyRecorder(10);
    for (let i = 0; i < 1000; i += 1) recorder.record(5);
    const result = recorder.summary();
    expect(result.count).toBe(1000);
    expect(result.p99Ms).toBe(5);
  });

  it('clears its samples', () => {
    const recorder = new LatencyRecorder();
    recorder.record(3);
    recorder.clear();
    expect(recorder.summary().count).toBe(0);
  });
});

describe('FanoutTracker', () => {
  it('records each expected delivery', () => {
    const recorder = new LatencyRecorder();
    const tracker = new FanoutTracker(recorder);
    tracker.sent('a', 2);
    tracker.delivered('a');
    expect(tracker.complete('a')).toBe(false);
    tracker.delivered('a');
    expect(tracker.complete('a')).toBe(true);
    expect(recorder.summary().count).toBe(2);
  });

  it('ignores unknown and late deliveries', () => {
    const recorder = new LatencyRecorder();
    const tracker = new FanoutTracker(recorder);
    tracker.delivered('never-sent');
    tracker.sent('a', 1);
    tracker.delivered('a');
    tracker.delivered('a');
    expect(recorder.summary().count).toBe(1);
  });

  it('counts missing deliveries', () => {
    const tracker = new FanoutTracker(new LatencyRecorder());
    tracker.sent('a', 3);
    tracker.delivered('a');
    tracker.sent('b', 2);
    tracker.cancel('b');
    expect(tracker.settleAll()).toBe(2);
  });

  it('settles a key sent again', () => {
    const tracker = new FanoutTracker(new LatencyRecorder());
    tracker.sent('a', 2);
    tracker.sent('a', 2);
    tracker.delivered('a');
    tracker.delivered('a');
    expect(tracker.settleAll()).toBe(2);
  });

  it('reports the first delivery once', () => {
    const firsts: string[] = [];
    const tracker = new FanoutTracker(new LatencyRecorder(), (key) => firsts.push(key));
    tracker.sent('a', 2);
    tracker.delivered('a');
    tracker.delivered('a');
    expect(firsts).toEqual(['a']);
  });

  it('passes the first latency', () => {
    const latencies: number[] = [];
    const tracker = new FanoutTracker(new LatencyRecorder(), (_key, _at, latencyMs) => latencies.push(latencyMs));
    tracker.sent('a', 1);
    tracker.delivered('a');
    expect(latencies).toHaveLength(1);
    expect(latencies[0]).toBeGreaterThanOrEqual(0);
  });
});

describe('buildResult', () => {
  it('has the documented shape', () => {
    const result = buildResult(measuredRun());
    expect(RealtimeResult.safeParse(result).success).toBe(true);
    expect(result).toMatchObject({
      participants: 300,
      release: { p50Ms: 6, p99Ms: 40, maxMs: 45 },
      bareRelease: { p50Ms: 3, p99Ms: 20 },
      ratio: 2,
      score: { p50Ms: 5, p99Ms: 60 },
      yjs: { p50Ms: 1, p99Ms: 10 },
      eventLoopP99Ms: 7.3,
      peakRssMb: 136,
      cpuPercent: 10,
      soak: null,
      chaos: null,
    });
    expect(Object.keys(result.release)).toEqual(['p50Ms', 'p99Ms', 'maxMs']);
    expect(Object.keys(result.bareRelease)).toEqual(['p50Ms', 'p99Ms']);
  });

  it('survives a JSON round trip', () => {
    const result = buildResult(measuredRun());
    expect(RealtimeResult.parse(JSON.parse(JSON.stringify(result)))).toEqual(result);
  });

  it('sets ratio zero without a baseline', () => {
    expect(buildResult(measuredRun({ bareRelease: summary(0, 0, 0, 0) })).ratio).toBe(0);
  });
});

describe('checkTargets', () => {
  it('passes a run within every target', () => {
    const checks = checkTargets(buildResult(measuredRun({ release: summary(6, 25), bareRelease: summary(3, 20) })));
    expect(checks.filter((check) => !check.met)).toEqual([]);
  });

  it('flags each missed target', () => {
    const result = buildResult(measuredRun({ release: summary(6, 120), yjs: summary(1, 50), peakRssMb: 700 }));
    const missed = checkTargets(result)
      .filter((check) => !check.met)
      .map((check) => check.name);
    expect(missed).toEqual(['release p99 ms', 'release ratio product/bare', 'yjs p99 ms', 'peak RSS MB']);
  });
});

describe('parseOptions', () => {
  it('defaults to 300 participants', () => {
    expect(parseOptions([])).toMatchObject({ exercises: 10, teams: 5, members: 6, measureSeconds: 30, soakMinutes: null, chaos: false });
  });

  it('derives exercises from participants', () => {
    expect(parseOptions(['--participants', '600'])).toMatchObject({ exercises: 20 });
    expect(parseOptions(['--participants', '60'])).toMatchObject({ exercises: 2 });
  });

  it('reads soak and chaos', () => {
    expect(parseOptions(['--soak', '5', '--chaos'])).toMatchObject({ soakMinutes: 5, chaos: true });
  });

  it('rejects bad values with the option name', () => {
    expect(() => parseOptions(['--participants', '301'])).toThrow(/--participants: 301 is not a multiple/);
    expect(() => parseOptions(['--soak', '0'])).toThrow(/--soak/);
    expect(() => parseOptions(['--exercises', '2', '--participants', '60'])).toThrow(OptionsError);
    expect(() => parseOptions(['--unknown'])).toThrow(OptionsError);
    expect(() => parseOptions(['--exercises', '50', '--teams', '20', '--members', '20'])).toThrow(/20000 participants requested/);
  });

  it('returns help', () => {
    expect(parseOptions(['--help'])).toBe('help');
  });
});

describe('store write figures', () => {
  const exposition = (count: number, sum: number, within50: number) =>
    [
      '# TYPE cloud_ir_lab_store_write_duration_seconds histogram',
      `cloud_ir_lab_store_write_duration_seconds_bucket{le="0.025"} ${within50 - 1}`,
      `cloud_ir_lab_store_write_duration_seconds_bucket{le="0.05"} ${within50}`,
      `cloud_ir_lab_store_write_duration_seconds_sum ${sum}`,
      `cloud_ir_lab_store_write_duration_seconds_count ${count}`,
    ].join('\n');

  it('reads the histogram', () => {
    expect(parseStoreWrites(exposition(10, 0.5, 8))).toEqual({ count: 10, sumSeconds: 0.5, within50Ms: 8 });
  });

  it('computes figures between scrapes', () => {
    const figures = storeWritesBetween(parseStoreWrites(exposition(10, 0.5, 8)), parseStoreWrites(exposition(30, 1.5, 23)));
    expect(figures).toEqual({ count: 20, meanMs: 50, over50MsPercent: 25 });
  });

  it('reports no writes as zeros', () => {
    const counters = parseStoreWrites(exposition(5, 0.1, 5));
    expect(storeWritesBetween(counters, counters)).toEqual({ count: 0, meanMs: 0, over50MsPercent: 0 });
  });
});
