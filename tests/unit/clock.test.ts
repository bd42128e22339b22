import { describe, expect, it } from 'vitest';
import { clockView, elapsedMs, scenarioTime } from '../../server/exercise/clock.js';
import type { Phase } from '../../server/scenario/manifest.js';
import type { ExerciseRecord } from '../../server/store/records.js';

const phases: Phase[] = [
  { id: 'triage', title: 'Triage', horizon: '2026-05-08T02:20:00Z', findings: [], objectives: [], injects: [] },
  { id: 'scoping', title: 'Scoping', horizon: '2026-05-08T03:00:00Z', findings: [], objectives: [], injects: [] },
];

function exercise(overrides: Partial<ExerciseRecord>): ExerciseRecord {
  return { id: 'e', name: 'E', scenarioId: 's', joinCode: 'ABCDEF', createdAt: 0, status: 'ready', startedAt: null, phaseIndex: -1, phaseReleasedAtMs: [], ...overrides };
}

describe('exercise clock', () => {
  it('stands at zero before the start', () => {
    const ready = exercise({});
    expect(elapsedMs(ready, 5_000)).toBe(0);
    expect(scenarioTime(ready, phases, 0)).toBeNull();
  });

  it('runs the scenario clock from the phase horizon', () => {
    const running = exercise({ status: 'running', startedAt: 1_000, phaseIndex: 0, phaseReleasedAtMs: [0] });
    expect(elapsedMs(running, 61_000)).toBe(60_000);
    expect(clockView(running, phases, 61_000).scenarioTime).toBe('2026-05-08T02:21:00.000Z');
  });

  it('stops the scenario clock at the next horizon', () => {
    const running = exercise({ status: 'running', startedAt: 0, phaseIndex: 0, phaseReleasedAtMs: [0] });
    expect(scenarioTime(running, phases, 5 * 60 * 60 * 1000)).toBe('2026-05-08T03:00:00.000Z');
  });

  it('restarts from the horizon of a later phase', () => {
    const advanced = exercise({ status: 'running', startedAt: 0, phaseIndex: 1, phaseReleasedAtMs: [0, 600_000] });
    expect(scenarioTime(advanced, phases, 630_000)).toBe('2026-05-08T03:00:30.000Z');
  });
});
