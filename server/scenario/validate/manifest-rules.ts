import type { Manifest } from '../manifest.js';
import type { Problem } from './problem.js';

type Report = (path: (string | number)[], message: string) => void;

/** Checks what the schema cannot: references between phases, objectives and findings, and time order. */
export function checkManifestRules(manifest: Manifest, findingIds: ReadonlySet<string>, report: Report): void {
  const start = Date.parse(manifest.window.start);
  const end = Date.parse(manifest.window.end);
  if (!(start < end)) report(['window', 'end'], `must be after window.start (${manifest.window.start})`);
  if (!manifest.regions.includes(manifest.primaryRegion)) report(['regions'], `must include the primary region ${manifest.primaryRegion}`);

  const duplicates = (values: string[]) => values.filter((value, index) => values.indexOf(value) !== index);
  for (const id of new Set(duplicates(manifest.phases.map((phase) => phase.id)))) report(['phases'], `phase id "${id}" is used more than once`);
  for (const id of new Set(duplicates(manifest.objectives.map((objective) => objective.id)))) report(['objectives'], `objective id "${id}" is used more than once`);

  const objectiveIds = new Set(manifest.objectives.map((objective) => objective.id));
  const unlocked = new Map<string, number>();
  const released = new Map<string, number>();
  let previousHorizon = Number.NEGATIVE_INFINITY;
  let previousMinute = Number.NEGATIVE_INFINITY;
  manifest.phases.forEach((phase, index) => {
    const horizon = Date.parse(phase.horizon);
    if (horizon < start || horizon > end) report(['phases', index, 'horizon'], `${phase.horizon} is outside the window ${manifest.window.start} to ${manifest.window.end}`);
    if (horizon < previousHorizon) report(['phases', index, 'horizon'], 'must not be earlier than the previous phase\'s horizon');
    previousHorizon = horizon;

    if (phase.autoReleaseAtMinute !== undefined) {
      if (phase.autoReleaseAtMinute < previousMinute) report(['phases', index, 'autoReleaseAtMinute'], 'must not be earlier than the previous phase\'s');
      if (phase.autoReleaseAtMinute > manifest.durationMinutes) report(['phases', index, 'autoReleaseAtMinute'], `is after the end of the exercise (durationMinutes ${manifest.durationMinutes})`);
      previousMinute = phase.autoReleaseAtMinute;
    }

    phase.objectives.forEach((id, position) => {
      if (!objectiveIds.has(id)) report(['phases', index, 'objectives', position], `objective "${id}" is not defined under objectives`);
      else if (unlocked.has(id)) report(['phases', index, 'objectives', position], `objective "${id}" is already unlocked by phase ${manifest.phases[unlocked.get(id)!]!.id}`);
      else unlocked.set(id, index);
    });
    phase.findings.forEach((id, position) => {
      if (!findingIds.has(id)) report(['phases', index, 'findings', position], `finding "${id}" is not in any GuardDuty file of the pack`);
      else if (released.has(id)) report(['phases', index, 'findings', position], `finding "${id}" is already released by phase ${manifest.phases[released.get(id)!]!.id}`);
      else released.set(id, index);
    });
  });

  manifest.reference.forEach((note, index) => {
    if (note.fromPhase >= manifest.phases.length) report(['reference', index, 'fromPhase'], `phase ${note.fromPhase} does not exist: the pack has ${manifest.phases.length} phases, numbered from 0`);
  });

  manifest.objectives.forEach((objective, index) => {
    if (!unlocked.has(objective.id)) report(['objectives', index, 'id'], `objective "${objective.id}" is not unlocked by any phase; add it to a phase's objectives`);
    const hintIds = objective.hints.map((hint) => hint.id);
    for (const id of new Set(duplicates(hintIds))) report(['objectives', index, 'hints'], `hint id "${id}" is used more than once`);
  });
}

/** The phase index that unlocks each objective, for the answer checks. */
export function unlockingPhase(manifest: Manifest): Map<string, number> {
  const result = new Map<string, number>();
  manifest.phases.forEach((phase, index) => phase.objectives.forEach((id) => result.has(id) || result.set(id, index)));
  return result;
}

export type { Problem };
