import { describe, expect, it } from 'vitest';
import { clockView, dueReleases, elapsedMs, remainingMs, scenarioTime, stopClock } from '../../server/exercise/clock.js';
import type { Phase } from '../../server/scenario/manifest.js';
import type { ExerciseRecord } from '../../server/store/records.js';

const phases: Phase[] = [
  { id: 'triage', title: 'Triage', horizon: '2026-05-08T02:20:00Z', findings: [], objectives: [], injects: [] },
  { id: 'scoping', title: 'Scoping', horizon: '2026-05-08T03:00:00Z', findings: [], objectives: [], injects: [], autoReleaseAtMinute: 10 },
  { id: 'impact', title: 'Impact', horizon: '2026-05-08T04:30:00Z', findings: [], objectives: [], injects: [], autoReleaseAtMinute: 10.5 },
  { id: 'report', title: 'Report', horizon: '2026-05-08T06:00:00Z', findings: [], objectives: [], injects: [] },
  { id: 'late', title: 'Late', horizon: '2026-05-08T07:00:00Z', findings: [], objectives: [], injects: [], autoReleaseAtMinute: 20 },
];

const minute = 60_000;

function exercise(overrides: Partial<ExerciseRecord>): ExerciseRecord {
  return {
    id: 'e',
    name: 'E',
    scenarioId: 's',
    joinCode: 'ABCDEF',
    createdAt: 0,
    status: 'ready',
    startedAt: null,
    endedAt: null,
    clockElapsedMs: 0,
    runningSince: null,
    durationMs: 60 * minute,
    teamSizeMax: null,
    phaseIndex: -1,
    phaseReleasedAtMs: [],
    ...overrides,
  };
}

describe('exercise clock', () => {
  it('stands at zero before the start', () => {
    const ready = exercise({});
    expect(elapsedMs(ready, 5_000)).toBe(0);
    expect(scenarioTime(ready, phases, 0)).toBeNull();
    expect(clockView(ready, phases, 5_000)).toMatchObject({ elapsedMs: 0, remainingMs: 60 * minute, scenarioTime: null, nextReleaseAtMs: null });
  });

  it('runs the scenario clock from the phase horizon', () => {
    const running = exercise({ status: 'running', startedAt: 1_000, runningSince: 1_000, phaseIndex: 0, phaseReleasedAtMs: [0] });
    expect(elapsedMs(running, 61_000)).toBe(60_000);
    expect(clockView(running, phases, 61_000).scenarioTime).toBe('2026-05-08T02:21:00.000Z');
  });

  it('stops the scenario clock at the next horizon', () => {
    const running = exercise({ status: 'running', runningSince: 0, phaseIndex: 0, phaseReleasedAtMs: [0] });
    expect(scenarioTime(running, phases, 5 * 60 * minute)).toBe('2026-05-08T03:00:00.000Z');
  });

  it('restarts from the horizon of a later phase', () => {
    const advanced = exercise({ status: 'running', runningSince: 0, phaseIndex: 1, phaseReleasedAtMs: [0, 600_000] });
    expect(scenarioTime(advanced, phases, 630_000)).toBe('2026-05-08T03:00:30.000Z');
  });

  it('excludes pauses from elapsed time', () => {
    const clock = exercise({ status: 'running', startedAt: 0, runningSince: 0, phaseIndex: 0, phaseReleasedAtMs: [0] });
    stopClock(clock, 4 * minute);
    expect(clock.clockElapsedMs).toBe(4 * minute);
    // Paused for an hour: neither elapsed nor scenario time move.
    expect(elapsedMs(clock, 64 * minute)).toBe(4 * minute);
    expect(clockView(clock, phases, 64 * minute).scenarioTime).toBe('2026-05-08T02:24:00.000Z');

    clock.runningSince = 64 * minute;
    expect(elapsedMs(clock, 65 * minute)).toBe(5 * minute);
    expect(remainingMs(clock, 65 * minute)).toBe(55 * minute);

    stopClock(clock, 66 * minute);
    clock.runningSince = 90 * minute;
    expect(elapsedMs(clock, 91 * minute)).toBe(7 * minute);
  });

  it('never reports negative remaining time', () => {
    const over = exercise({ status: 'running', runningSince: 0, durationMs: 10 * minute });
    expect(remainingMs(over, 11 * minute)).toBe(0);
  });

  it('ignores a wall clock that steps back', () => {
    const running = exercise({ status: 'running', clockElapsedMs: 3 * minute, runningSince: 100 * minute });
    expect(elapsedMs(running, 99 * minute)).toBe(3 * minute);
  });
});

describe('planned releases', () => {
  it('releases nothing before the planned time', () => {
    expect(dueReleases(phases, 0, 10 * minute - 1)).toEqual([]);
  });

  it('releases a phase at its planned time', () => {
    expect(dueReleases(phases, 0, 10 * minute)).toEqual([1]);
  });

  it('catches up several due phases in order', () => {
    expect(dueReleases(phases, 0, 11 * minute)).toEqual([1, 2]);
  });

  it('stops at a phase released by hand only', () => {
    expect(dueReleases(phases, 0, 30 * minute)).toEqual([1, 2]);
    expect(dueReleases(phases, 3, 30 * minute)).toEqual([4]);
  });

  it('counts exercise time, so a pause delays the release', () => {
    const clock = exercise({ status: 'running', runningSince: 0, phaseIndex: 0, phaseReleasedAtMs: [0] });
    stopClock(clock, 9 * minute);
    clock.runningSince = 30 * minute;
    // 31 minutes of wall-clock time, but only 10 of exercise time minus one millisecond.
    expect(dueReleases(phases, clock.phaseIndex, elapsedMs(clock, 31 * minute - 1))).toEqual([]);
    expect(dueReleases(phases, clock.phaseIndex, elapsedMs(clock, 31 * minute))).toEqual([1]);
  });

  it('shows the next planned release on the clock', () => {
    const running = exercise({ status: 'running', runningSince: 0, phaseIndex: 0, phaseReleasedAtMs: [0] });
    expect(clockView(running, phases, 0).nextReleaseAtMs).toBe(10 * minute);
    expect(clockView({ ...running, phaseIndex: 2 }, phases, 0).nextReleaseAtMs).toBeNull();
  });
});
