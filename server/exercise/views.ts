import type { ExerciseState, ExerciseSummary, ObjectiveView, PhaseView, ScoreboardEntry, TeamView } from '../../shared/model.js';
import type { BoardState } from '../../shared/orchestration.js';
import type { Objective } from '../scenario/manifest.js';
import type { Scenario } from '../scenario/load.js';
import type { ExerciseRecord, StoreData, SubmissionRecord } from '../store/records.js';
import { clockView } from './clock.js';
import { referenceViews } from './reference-view.js';
import { injectViews } from './inject-views.js';
import { objectiveScore, publicUntil, scoreboard, scoreSeries } from './scoring.js';

/** Builders of the client views of stored records. None of them copies an answer key. */

export function teamViews(data: Readonly<StoreData>, exerciseId: string): TeamView[] {
  return data.teams
    .filter((team) => team.exerciseId === exerciseId)
    .map((team) => ({
      id: team.id,
      name: team.name,
      members: data.players.filter((player) => player.teamId === team.id).map((player) => ({ id: player.id, displayName: player.displayName })),
    }));
}

export function exerciseSummary(data: Readonly<StoreData>, exercise: ExerciseRecord): ExerciseSummary {
  return {
    id: exercise.id,
    name: exercise.name,
    scenarioId: exercise.scenarioId,
    joinCode: exercise.joinCode,
    status: exercise.status,
    teams: teamViews(data, exercise.id),
    teamSizeMax: exercise.teamSizeMax,
  };
}

export { scoreboard, teamScore } from './scoring.js';

export function releasedPhases(exercise: ExerciseRecord, scenario: Scenario): PhaseView[] {
  return scenario.manifest.phases.slice(0, exercise.phaseIndex + 1).map((phase, index) => ({ index, id: phase.id, title: phase.title }));
}

export function releasedFindingIds(exercise: ExerciseRecord, scenario: Scenario): string[] {
  return scenario.manifest.phases.slice(0, exercise.phaseIndex + 1).flatMap((phase) => phase.findings);
}

export function unlockedObjectiveIds(exercise: ExerciseRecord, scenario: Scenario): Set<string> {
  return new Set(scenario.manifest.phases.slice(0, exercise.phaseIndex + 1).flatMap((phase) => phase.objectives));
}

function objectiveViews(data: Readonly<StoreData>, exercise: ExerciseRecord, scenario: Scenario, teamId: string | null): ObjectiveView[] {
  const unlocked = unlockedObjectiveIds(exercise, scenario);
  return scenario.manifest.objectives
    .filter((objective) => unlocked.has(objective.id))
    .map((objective) => {
      const submissions = data.submissions.filter((submission) => submission.teamId === teamId && submission.objectiveId === objective.id);
      return {
        id: objective.id,
        title: objective.title,
        description: objective.description,
        points: objective.points,
        answerHint: objective.answerHint,
        hints: hintViews(data, objective, teamId),
        solved: submissions.some((submission) => submission.correct),
        pointsAwarded: teamId === null ? 0 : objectiveScore(data, teamId, objective.id),
        wrongAttempts: submissions.filter((submission) => !submission.correct).length,
        wrongAnswerPenalty: objective.penalty,
        ...solvedByView(data, submissions),
      };
    });
}

/** The full state of an exercise as one team (or, with `teamId` null, the facilitator) sees it. */
export function exerciseState(data: Readonly<StoreData>, exercise: ExerciseRecord, scenario: Scenario, teamId: string | null, now: number): ExerciseState {
  const released = new Set(releasedFindingIds(exercise, scenario));
  const manifest = scenario.manifest;
  return {
    exercise: exerciseSummary(data, exercise),
    brief: {
      scenarioTitle: manifest.title,
      summary: manifest.brief.summary,
      environment: manifest.brief.environment,
      workflow: manifest.brief.workflow,
      reference: referenceViews(exercise, scenario, released),
    },
    clock: clockView(exercise, manifest.phases, now),
    phases: releasedPhases(exercise, scenario),
    phaseCount: manifest.phases.length,
    findings: scenario.findings.filter((finding) => released.has(finding.Id)),
    objectives: objectiveViews(data, exercise, scenario, teamId),
    // Teams see the board as it stood at the freeze; facilitators (teamId null) see it live.
    scoreboard: scoreboard(data, exercise.id, teamId === null ? Infinity : publicUntil(exercise)),
    injects: injectViews(data, exercise.id, teamId),
    scoreboardFrozen: exercise.scoreboardFrozenAt != null,
  };
}

/** Names the teammate whose answer solved an objective; a player who has since left shows as "a former member". */
function solvedByView(data: Readonly<StoreData>, submissions: readonly SubmissionRecord[]): Pick<ObjectiveView, 'solvedBy'> {
  const solve = submissions.find((submission) => submission.correct);
  if (!solve) {
    return {};
  }
  const player = data.players.find((candidate) => candidate.id === solve.playerId);
  const clock = { ...(solve.elapsedMs !== undefined ? { elapsedMs: solve.elapsedMs } : {}), ...(solve.scenarioTime ? { scenarioTime: solve.scenarioTime } : {}) };
  return { solvedBy: { displayName: player?.displayName ?? 'a former member', at: new Date(solve.at).toISOString(), ...clock } };
}

/** Hints of an objective as a team sees them: the text only of those it opened. Facilitators see every text. */
function hintViews(data: Readonly<StoreData>, objective: Objective, teamId: string | null): ObjectiveView['hints'] {
  return objective.hints.map((hint) => {
    const opened = teamId !== null && data.hintOpens.some((open) => open.teamId === teamId && open.objectiveId === objective.id && open.hintId === hint.id);
    return teamId === null || opened ? { id: hint.id, cost: hint.cost, opened, text: hint.text } : { id: hint.id, cost: hint.cost, opened };
  });
}

/** Build the observers' board: clock, phases and scoreboard, nothing of a team's work. */
export function boardState(data: Readonly<StoreData>, exercise: ExerciseRecord, scenario: Scenario, now: number): BoardState {
  return {
    exerciseId: exercise.id,
    name: exercise.name,
    status: exercise.status,
    clock: clockView(exercise, scenario.manifest.phases, now),
    phases: releasedPhases(exercise, scenario),
    phaseCount: scenario.manifest.phases.length,
    scoreboard: scoreboard(data, exercise.id, publicUntil(exercise)),
    scoreSeries: scoreSeries(data, exercise.id, publicUntil(exercise)),
    scoreboardFrozen: exercise.scoreboardFrozenAt != null,
  };
}
