import { techniqueById } from '../redcell/index.js';
import type { ExerciseRecord, RedMoveRecord, StoreData } from '../store/records.js';
import { exerciseTimeAt } from './exercise-time.js';

/** A wall-clock moment with the exercise time it matches; `elapsedMs` is null when the audit log cannot place it. */
export interface ReportMoment {
  at: string;
  elapsedMs: number | null;
}

/** A red move as it reached one team's copy of the account. */
export interface TeamMoveOutcome {
  moveId: string;
  techniqueId: string;
  techniqueName: string;
  mitreId: string;
  /** Parameters the red cell chose, such as the access key it used. */
  params: Record<string, string>;
  /** True when the red cell aimed the move at this team alone. */
  aimedAtTeam: boolean;
  scenarioTime: string | null;
  /** Exercise time (ms) at which the move was applied. */
  appliedElapsedMs: number | null;
  calls: { action: string; errorCode: string | null; eventId: string | null }[];
  /** Findings the move raised, each reaching the findings list at `dueAt` (scenario time). */
  findings: { id: string; type: string; dueAt: string }[];
  detected: ReportMoment | null;
  contained: ReportMoment | null;
  /** Points the red cell earned in this team's copy. */
  redPoints: number;
}

/** A containment command of one team, as the team's Containment tab recorded it. */
export interface ContainmentEntry {
  by: string;
  at: ReportMoment;
  scenarioTime: string;
  command: string;
  ok: boolean;
  errorCode: string | null;
  points: number;
  reason: string | null;
}

/** The red against blue part of one team's report. `active` is false when the exercise had no red moves or commands. */
export interface TeamRedBlue {
  active: boolean;
  moves: TeamMoveOutcome[];
  commands: ContainmentEntry[];
}

/** One red move in the exercise-wide summary. */
export interface RedMoveSummary {
  techniqueName: string;
  mitreId: string;
  status: RedMoveRecord['status'];
  requestedBy: string;
  /** Name of the team the move was aimed at; null for every team. */
  targetTeam: string | null;
  scenarioTime: string | null;
  appliedElapsedMs: number | null;
  teamsReached: number;
  teamsDetected: number;
  teamsContained: number;
  redPoints: number;
}

/** The red cell's side of the exercise: its total points and every move it requested. */
export interface RedCellSummary {
  points: number;
  moves: RedMoveSummary[];
}

function moment(data: Readonly<StoreData>, exerciseId: string, at: number): ReportMoment {
  return { at: new Date(at).toISOString(), elapsedMs: exerciseTimeAt(data.audit, exerciseId, at) };
}

function hasRedActivity(data: Readonly<StoreData>, exerciseId: string): boolean {
  return data.redMoves.some((move) => move.exerciseId === exerciseId) || data.containment.some((command) => command.exerciseId === exerciseId);
}

/**
 * Gather the red moves that reached one team and the team's containment commands. Only this
 * team's result of each move is read, so no other team's calls, detections or commands leave
 * the store through this report.
 */
export function gatherTeamRedBlue(data: Readonly<StoreData>, exercise: ExerciseRecord, teamId: string): TeamRedBlue {
  const moves: TeamMoveOutcome[] = [];
  for (const move of data.redMoves) {
    if (move.exerciseId !== exercise.id || move.status !== 'applied') continue;
    if (move.teamId !== null && move.teamId !== teamId) continue;
    const result = move.results.find((candidate) => candidate.teamId === teamId);
    if (!result) continue;
    const technique = techniqueById(move.techniqueId);
    moves.push({
      moveId: move.id,
      techniqueId: move.techniqueId,
      techniqueName: technique?.name ?? move.techniqueId,
      mitreId: technique?.mitre.id ?? '',
      params: { ...move.params },
      aimedAtTeam: move.teamId === teamId,
      scenarioTime: move.scenarioTime,
      appliedElapsedMs: move.appliedElapsedMs,
      calls: result.calls.map((call) => ({ ...call })),
      findings: result.findings.map((finding) => ({ ...finding })),
      detected: result.detectedAt === null ? null : moment(data, exercise.id, result.detectedAt),
      contained: result.containedAt === null ? null : moment(data, exercise.id, result.containedAt),
      redPoints: result.redPoints,
    });
  }

  const commands = data.containment
    .filter((command) => command.exerciseId === exercise.id && command.teamId === teamId)
    .map((command) => ({
      by: command.displayName,
      at: moment(data, exercise.id, command.at),
      scenarioTime: command.scenarioTime,
      command: command.command,
      ok: command.ok,
      errorCode: command.errorCode,
      points: command.points,
      reason: command.reason,
    }));

  return { active: hasRedActivity(data, exercise.id), moves, commands };
}

/** Summarise the red cell's moves across every team, with the points it earned. */
export function gatherRedCellSummary(data: Readonly<StoreData>, exercise: ExerciseRecord): RedCellSummary {
  const moves = data.redMoves
    .filter((move) => move.exerciseId === exercise.id)
    .map((move) => {
      const technique = techniqueById(move.techniqueId);
      return {
        techniqueName: technique?.name ?? move.techniqueId,
        mitreId: technique?.mitre.id ?? '',
        status: move.status,
        requestedBy: move.requestedBy,
        targetTeam: move.teamId === null ? null : (data.teams.find((team) => team.id === move.teamId)?.name ?? move.teamId),
        scenarioTime: move.scenarioTime,
        appliedElapsedMs: move.appliedElapsedMs,
        teamsReached: move.results.length,
        teamsDetected: move.results.filter((result) => result.detectedAt !== null).length,
        teamsContained: move.results.filter((result) => result.containedAt !== null).length,
        redPoints: move.results.reduce((sum, result) => sum + result.redPoints, 0),
      };
    });
  return { points: moves.reduce((sum, move) => sum + move.redPoints, 0), moves };
}
