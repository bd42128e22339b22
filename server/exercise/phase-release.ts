import type { PhaseReleased } from '../../shared/model.js';
import type { Scenario } from '../scenario/load.js';
import type { ExerciseRecord, InjectRecord, StoreData } from '../store/records.js';
import { appendAudit } from './audit.js';
import { clockView, elapsedMs } from './clock.js';
import { newId } from './ids.js';
import type { Principal } from './principal.js';

/**
 * Release phase `index` inside a store write: move the phase index, record the release time and
 * create the phase's injects. Because the index moves in the same write, a phase and its
 * injects are released exactly once, whatever retries, restarts or concurrent requests follow.
 */
export function releasePhase(
  data: StoreData,
  exercise: ExerciseRecord,
  scenario: Scenario,
  index: number,
  releasedAtMs: number,
  now: number,
  principal: Principal | null,
  action: string,
): InjectRecord[] {
  const phase = scenario.manifest.phases[index];
  if (!phase || index !== exercise.phaseIndex + 1) throw new Error(`phase ${index} cannot follow phase ${exercise.phaseIndex}`);
  exercise.phaseIndex = index;
  exercise.phaseReleasedAtMs[index] = releasedAtMs;

  const injects = phase.injects.map(
    (inject): InjectRecord => ({
      id: newId(),
      exerciseId: exercise.id,
      teamId: null,
      message: inject.message,
      question: inject.question ?? null,
      maxPoints: inject.maxPoints,
      phaseId: phase.id,
      scenarioInjectId: inject.id,
      sentAt: now,
      sentAtElapsedMs: elapsedMs(exercise, now),
    }),
  );
  data.injects.push(...injects);
  appendAudit(data, exercise, now, principal, action, { phaseIndex: index, phaseId: phase.id, releasedAtMs, injects: injects.map((inject) => inject.id) });
  return injects;
}

/** Build the broadcast of one released phase: its findings and the clock at release. */
export function releaseMessage(exercise: ExerciseRecord, scenario: Scenario, index: number, now: number): PhaseReleased {
  const phase = scenario.manifest.phases[index]!;
  const ids = new Set(phase.findings);
  return {
    exerciseId: exercise.id,
    phase: { index, id: phase.id, title: phase.title },
    findings: scenario.findings.filter((finding) => ids.has(finding.Id)),
    clock: clockView(exercise, scenario.manifest.phases, now),
  };
}
