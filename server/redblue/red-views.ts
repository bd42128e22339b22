import type { RedControl, RedMoveView, RedState } from '../../shared/red-blue.js';
import { techniqueById } from '../redcell/index.js';
import type { ExerciseRecord, RedMoveRecord, StoreData } from '../store/records.js';

export const DefaultRedControl: RedControl = { mode: 'auto', paused: false };

export function redControlOf(exercise: ExerciseRecord): RedControl {
  return exercise.redControl ?? DefaultRedControl;
}

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

export function redMoveView(move: RedMoveRecord): RedMoveView {
  const technique = techniqueById(move.techniqueId);
  return {
    id: move.id,
    techniqueId: move.techniqueId,
    techniqueName: technique?.name ?? move.techniqueId,
    mitreId: technique?.mitre.id ?? '',
    params: move.params,
    teamId: move.teamId,
    status: move.status,
    requestedAt: new Date(move.requestedAt).toISOString(),
    scenarioTime: move.scenarioTime,
    results: move.results.map((result) => ({
      teamId: result.teamId,
      calls: result.calls,
      findings: result.findings.map((finding) => ({ id: finding.id, type: finding.type, dueAt: finding.dueAt })),
      detectedAt: iso(result.detectedAt),
      containedAt: iso(result.containedAt),
    })),
  };
}

/** Build the red cell's view of an exercise: controls, moves (newest first) and its points. */
export function redState(data: Readonly<StoreData>, exercise: ExerciseRecord): RedState {
  const moves = data.redMoves.filter((move) => move.exerciseId === exercise.id);
  const score = moves.reduce((sum, move) => sum + move.results.reduce((total, result) => total + result.redPoints, 0), 0);
  return { exerciseId: exercise.id, control: redControlOf(exercise), moves: moves.map(redMoveView).reverse(), score };
}
