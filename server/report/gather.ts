import { ErrorCode } from '../../shared/errors.js';
import { teamDocName, type TimelineEntry } from '../../shared/collab.js';
import type { QueryHistoryEntry } from '../../shared/model.js';
import { objectiveScore, scoreboard } from '../exercise/scoring.js';
import type { Scenario } from '../scenario/load.js';
import type { ExerciseRecord, StoreData } from '../store/records.js';
import type { TeamIrReport } from '../collab/team-document.js';
import type { AfterActionInput, ChainStep, ObjectiveOutcome } from './after-action.js';
import { gatherTeamRedBlue } from './red-blue.js';

/** Sources the report reads besides the store: team documents, query history and event times. */
export interface ReportSources {
  readTimeline(docName: string): Promise<TimelineEntry[]>;
  readIrReport(docName: string): Promise<TeamIrReport>;
  queryHistory(exerciseId: string, teamId: string): Promise<QueryHistoryEntry[]>;
  /** CloudTrail eventTime of an event id, or null when the scenario has no such event. */
  eventTime(scenario: Scenario, eventId: string): Promise<string | null>;
}

/** Build the scenario's attack chain with the event time of each step, taken from its CloudTrail record or finding. */
export async function attackChain(scenario: Scenario, sources: ReportSources): Promise<ChainStep[]> {
  const steps: ChainStep[] = [];
  for (const step of scenario.manifest.attackChain ?? []) {
    const finding = scenario.findings.find((candidate) => candidate.Id === step.eventId);
    const eventTime = finding ? finding.UpdatedAt : await sources.eventTime(scenario, step.eventId);
    steps.push({ ...step, eventTime: eventTime ?? '' });
  }
  return steps;
}

function objectiveOutcomes(data: Readonly<StoreData>, exercise: ExerciseRecord, scenario: Scenario, teamId: string): ObjectiveOutcome[] {
  return scenario.manifest.objectives.map((objective) => {
    const phaseIndex = scenario.manifest.phases.findIndex((phase) => phase.objectives.includes(objective.id));
    const solve = data.audit.find(
      (entry) => entry.exerciseId === exercise.id && entry.action === 'objective:submit' && entry.detail.teamId === teamId && entry.detail.objectiveId === objective.id && entry.detail.correct === true,
    );
    const submissions = data.submissions.filter((submission) => submission.teamId === teamId && submission.objectiveId === objective.id);
    return {
      id: objective.id,
      title: objective.title,
      points: objective.points,
      awarded: objectiveScore(data, teamId, objective.id),
      wrongAttempts: submissions.filter((submission) => !submission.correct).length,
      hintsUsed: data.hintOpens.filter((open) => open.teamId === teamId && open.objectiveId === objective.id).length,
      releasedAtMs: exercise.phaseReleasedAtMs[phaseIndex] ?? null,
      solvedAtMs: solve ? solve.elapsedMs : null,
    };
  });
}

/** Outcome of a failed query in the words the query tab uses, not the protocol's error code. */
const QueryOutcomes: Record<string, string> = {
  [ErrorCode.QueryCancelled]: 'cancelled',
  [ErrorCode.QueryTimeout]: 'timed out',
  [ErrorCode.QueryRejected]: 'rejected',
  [ErrorCode.QueryFailed]: 'failed',
};

function describeQueryError(code: string | null): string {
  return (code && QueryOutcomes[code]) ?? 'failed';
}

/** Gather everything the after-action report of one team needs. */
export async function gatherTeamReport(data: Readonly<StoreData>, exercise: ExerciseRecord, scenario: Scenario, teamId: string, chain: ChainStep[], sources: ReportSources): Promise<AfterActionInput> {
  const team = data.teams.find((candidate) => candidate.id === teamId && candidate.exerciseId === exercise.id)!;
  const board = scoreboard(data, exercise.id);
  const entry = board.find((candidate) => candidate.teamId === teamId)!;

  // NOTE: query times are wall-clock; the offset from the start counts pauses as exercise time.
  const startedAt = exercise.startedAt ?? exercise.createdAt;
  const queries = (await sources.queryHistory(exercise.id, teamId))
    .slice()
    .reverse()
    .map((query) => ({ atMs: Math.max(0, Date.parse(query.ranAt) - startedAt), author: query.displayName, sql: query.sql, rowCount: query.rowCount, error: query.ok ? null : describeQueryError(query.errorCode) }));

  const injectAnswers = data.injectAnswers
    .filter((answer) => answer.teamId === teamId)
    .map((answer) => {
      const inject = data.injects.find((candidate) => candidate.id === answer.injectId);
      return { question: inject?.question ?? inject?.message ?? '', answer: answer.answer, points: answer.awardedPoints ?? 0 };
    });

  const notes = data.facilitatorNotes.filter((note) => note.teamId === teamId).map((note) => `${note.by ?? 'Facilitator'}: ${note.text}`);
  const adjustments = data.scoreAdjustments
    .filter((adjustment) => adjustment.teamId === teamId)
    .map((adjustment) => `Score adjustment ${adjustment.points > 0 ? '+' : ''}${adjustment.points} by ${adjustment.by ?? 'facilitator'}: ${adjustment.reason}`);

  return {
    exerciseName: exercise.name,
    scenarioTitle: scenario.manifest.title,
    team: { id: team.id, name: team.name, members: data.players.filter((player) => player.teamId === teamId).map((player) => player.displayName) },
    score: entry.score,
    rank: entry.rank,
    teamCount: board.length,
    chain,
    timeline: await sources.readTimeline(teamDocName(teamId)),
    irReport: await sources.readIrReport(teamDocName(teamId)),
    objectives: objectiveOutcomes(data, exercise, scenario, teamId),
    queries,
    injectAnswers,
    facilitatorNotes: [...notes, ...adjustments],
    redBlue: gatherTeamRedBlue(data, exercise, teamId),
  };
}
