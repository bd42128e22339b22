import { ErrorCode } from '../../shared/errors.js';
import type { ExerciseState, Finding, ExerciseSummary, JoinInfo, JoinResult, SessionView, SubmissionResult } from '../../shared/model.js';
import type { BoardState } from '../../shared/orchestration.js';
import type { ExerciseCreatePayload, JoinPayload, ObjectiveSubmitPayload } from '../../shared/schemas.js';
import type { Visibility } from '../query/protocol.js';
import type { Phase } from '../scenario/manifest.js';
import type { ExerciseRecord, SubmissionRecord } from '../store/records.js';
import { checkAnswer } from './answer-check.js';
import { answerDigest, duplicateAttempt, enforceWrongAnswerRate, solveBonus } from './attempt-rules.js';
import { appendAudit } from './audit.js';
import { elapsedMs, scenarioTime } from './clock.js';
import { findExercise, type ExerciseContext } from './context.js';
import { AppError } from './errors.js';
import { hashToken, newId, newJoinCode, newToken } from './ids.js';
import type { ParticipantPrincipal, Principal } from './principal.js';
import { publicUntil } from './scoring.js';
import { boardState, exerciseState, exerciseSummary, releasedFindingIds, scoreboard, teamScore, unlockedObjectiveIds } from './views.js';

export type { Principal } from './principal.js';
export type { ExerciseNotifier } from './notifier.js';

/** Exercises, joining, what a team may see, and objective answers. The clock lives in ClockControl. */
/** Live activity in the teams' copies of the account, as the exercise views need it. */
export interface LiveActivity {
  /** GuardDuty findings raised for the team during the exercise that have reached it. */
  findings(exerciseId: string, teamId: string): Finding[];
  /** Scope of the team's live CloudTrail events in the query worker; undefined while it has none. */
  scope(exerciseId: string, teamId: string): string | undefined;
  /** Grows with every live event of the team, so views built from them know when to rebuild. */
  version(exerciseId: string, teamId: string): number;
}

export class ExerciseService {
  private live: LiveActivity | undefined;

  constructor(private readonly ctx: ExerciseContext) {}

  async createExercise(payload: ExerciseCreatePayload, principal: Principal | null = null): Promise<ExerciseSummary> {
    const names = payload.teams.map((name) => name.toLowerCase());
    if (new Set(names).size !== names.length) throw new AppError(ErrorCode.InvalidPayload, 'Team names must be different from one another.', 'teams');
    const scenarioIds = await this.ctx.scenarios.list();
    if (!scenarioIds.includes(payload.scenarioId)) {
      throw new AppError(ErrorCode.NotFound, `Scenario "${payload.scenarioId}" was not found. Choose one of: ${scenarioIds.join(', ')}.`, 'scenarioId');
    }
    const scenario = await this.ctx.scenarios.get(payload.scenarioId);

    const now = this.ctx.now();
    const summary = await this.ctx.store.write((data) => {
      const usedCodes = new Set(data.exercises.map((exercise) => exercise.joinCode));
      let joinCode = newJoinCode();
      while (usedCodes.has(joinCode)) joinCode = newJoinCode();
      const exercise: ExerciseRecord = {
        id: newId(),
        name: payload.name,
        scenarioId: payload.scenarioId,
        joinCode,
        createdAt: now,
        status: 'ready',
        startedAt: null,
        endedAt: null,
        clockElapsedMs: 0,
        runningSince: null,
        durationMs: scenario.manifest.durationMinutes * 60_000,
        teamSizeMax: null,
        phaseIndex: -1,
        phaseReleasedAtMs: [],
      };
      data.exercises.push(exercise);
      for (const name of payload.teams) data.teams.push({ id: newId(), exerciseId: exercise.id, name });
      appendAudit(data, exercise, now, principal, 'exercise:create', { name: payload.name, scenarioId: payload.scenarioId, teams: payload.teams });
      return exerciseSummary(data, exercise);
    });
    this.ctx.logger.info({ exerciseId: summary.id, scenarioId: summary.scenarioId }, 'exercise created');
    return summary;
  }

  /** List every exercise for the server's facilitator, and only its own for an invited one. */
  listExercises(principal: Principal): ExerciseSummary[] {
    const data = this.ctx.store.read();
    return data.exercises.filter((exercise) => principal.exerciseId === null || exercise.id === principal.exerciseId).map((exercise) => exerciseSummary(data, exercise));
  }

  async state(exerciseId: string, teamId: string | null): Promise<ExerciseState> {
    const exercise = this.exercise(exerciseId);
    const scenario = await this.ctx.scenarios.get(exercise.scenarioId);
    const state = exerciseState(this.ctx.store.read(), exercise, scenario, teamId, this.ctx.now());
    const live = teamId === null ? [] : (this.live?.findings(exerciseId, teamId) ?? []);
    if (live.length > 0) state.findings = [...state.findings, ...live];
    return state;
  }

  /**
   * Connect what happens in the teams' copies of the account during the exercise: the findings
   * GuardDuty raised for red moves, and the scope of each team's live CloudTrail events.
   */
  attachLive(live: LiveActivity): void {
    this.live = live;
  }

  /** Count of the team's live events so far; 0 without any. */
  liveVersion(exerciseId: string, teamId: string): number {
    return this.live?.version(exerciseId, teamId) ?? 0;
  }

  async board(exerciseId: string): Promise<BoardState> {
    const exercise = this.exercise(exerciseId);
    const scenario = await this.ctx.scenarios.get(exercise.scenarioId);
    return boardState(this.ctx.store.read(), exercise, scenario, this.ctx.now());
  }

  joinInfo(code: string): JoinInfo {
    const data = this.ctx.store.read();
    const exercise = data.exercises.find((candidate) => candidate.joinCode === code);
    if (!exercise || exercise.status === 'ended') throw new AppError(ErrorCode.InvalidJoinCode, 'No open exercise has this join code. Check the code with your facilitator.', 'code');
    return {
      exerciseName: exercise.name,
      teams: data.teams
        .filter((team) => team.exerciseId === exercise.id)
        .map((team) => ({ id: team.id, name: team.name, memberCount: data.players.filter((player) => player.teamId === team.id).length })),
    };
  }

  /** Add a participant to a team. Joining is open until the exercise ends, also while it runs. */
  async join(payload: JoinPayload): Promise<JoinResult> {
    const token = newToken();
    const now = this.ctx.now();
    const result = await this.ctx.store.write((data) => {
      const exercise = data.exercises.find((candidate) => candidate.joinCode === payload.code);
      if (!exercise || exercise.status === 'ended') throw new AppError(ErrorCode.InvalidJoinCode, 'No open exercise has this join code. Check the code with your facilitator.', 'code');
      const team = data.teams.find((candidate) => candidate.id === payload.teamId && candidate.exerciseId === exercise.id);
      if (!team) throw new AppError(ErrorCode.NotFound, 'This team does not exist in the exercise. Pick one of the listed teams.', 'teamId');
      const members = data.players.filter((player) => player.teamId === team.id).length;
      if (exercise.teamSizeMax !== null && members >= exercise.teamSizeMax) {
        throw new AppError(ErrorCode.Conflict, `Team "${team.name}" is full (${exercise.teamSizeMax} members). Pick another team or ask the facilitator.`, 'teamId');
      }
      // Two teammates with one name would make presence, timeline authors and solves ambiguous.
      const nameKey = payload.displayName.trim().toLocaleLowerCase();
      if (data.players.some((player) => player.teamId === team.id && player.displayName.trim().toLocaleLowerCase() === nameKey)) {
        throw new AppError(ErrorCode.Conflict, `Someone in team "${team.name}" already uses the name "${payload.displayName}". Choose another display name.`, 'displayName');
      }
      const player = { id: newId(), exerciseId: exercise.id, teamId: team.id, displayName: payload.displayName, tokenHash: hashToken(token), joinedAt: now };
      data.players.push(player);
      appendAudit(data, exercise, now, { role: 'participant', exerciseId: exercise.id, teamId: team.id, playerId: player.id, displayName: player.displayName }, 'player:join', {
        playerId: player.id,
        teamId: team.id,
      });
      return { playerToken: token, exerciseId: exercise.id, teamId: team.id, playerId: player.id };
    });
    this.ctx.logger.info({ exerciseId: result.exerciseId, teamId: result.teamId, playerId: result.playerId }, 'participant joined');
    this.ctx.notifications.exerciseChanged(result.exerciseId);
    return result;
  }

  session(principal: Principal): SessionView {
    switch (principal.role) {
      case 'facilitator':
        return principal.exerciseId === null ? { role: 'facilitator' } : { role: 'facilitator', exerciseId: principal.exerciseId, displayName: principal.name };
      case 'observer':
        return { role: 'observer', exerciseId: principal.exerciseId, displayName: principal.name };
      case 'red':
        return { role: 'red', exerciseId: principal.exerciseId, displayName: principal.name };
      case 'participant':
        return { role: 'participant', exerciseId: principal.exerciseId, teamId: principal.teamId, playerId: principal.playerId, displayName: principal.displayName };
    }
  }

  /** What a team of this exercise may see now. Before the start it sees nothing; after the end it keeps what was released. */
  async visibility(exerciseId: string, teamId?: string): Promise<{ scenarioId: string; visibility: Visibility }> {
    const exercise = this.exercise(exerciseId);
    const scenario = await this.ctx.scenarios.get(exercise.scenarioId);
    const phase = scenario.manifest.phases[exercise.phaseIndex];
    if (!phase) throw new AppError(ErrorCode.InvalidState, 'The exercise has not started yet. Wait for the facilitator to start it.');
    const liveScope = teamId === undefined ? undefined : this.live?.scope(exerciseId, teamId);
    const visibility: Visibility = { horizon: phase.horizon, releasedFindingIds: releasedFindingIds(exercise, scenario) };
    if (liveScope !== undefined) visibility.liveScope = liveScope;
    return { scenarioId: scenario.manifest.id, visibility };
  }

  async submit(principal: ParticipantPrincipal, payload: ObjectiveSubmitPayload): Promise<SubmissionResult> {
    const exercise = this.exercise(principal.exerciseId);
    const scenario = await this.ctx.scenarios.get(exercise.scenarioId);
    const objective = scenario.manifest.objectives.find((candidate) => candidate.id === payload.objectiveId);
    const outcome = objective ? checkAnswer(objective, payload.answer) : null;
    const now = this.ctx.now();

    const result = await this.ctx.store.write((data) => {
      const teamSubmissions = data.submissions.filter((submission) => submission.teamId === principal.teamId);
      const replayed = payload.idempotencyKey ? teamSubmissions.find((submission) => submission.idempotencyKey === payload.idempotencyKey) : undefined;
      if (replayed) {
        return { changed: false, result: this.resultOf(data, principal.teamId, replayed.objectiveId, replayed.correct, replayed.points, replayed.correct ? 'Correct.' : 'Already counted.') };
      }
      // Checked inside the write, so a pause or an end that lands first wins over a queued answer.
      const record = findExercise(data, exercise.id);
      if (record.status !== 'running') throw new AppError(ErrorCode.InvalidState, `Answers can be submitted only while the exercise is running (status: ${record.status}).`);
      if (!objective || !outcome || !unlockedObjectiveIds(record, scenario).has(objective.id)) {
        throw new AppError(ErrorCode.NotFound, `Objective "${payload.objectiveId}" is not open to your team.`, 'objectiveId');
      }
      if (teamSubmissions.some((submission) => submission.objectiveId === objective.id && submission.correct)) {
        return { changed: false, result: this.resultOf(data, principal.teamId, objective.id, true, 0, 'Your team has already solved this objective.') };
      }
      const digest = answerDigest(payload.answer);
      const duplicate = duplicateAttempt(teamSubmissions, objective.id, digest, now);
      if (duplicate) {
        return { changed: false, result: this.resultOf(data, principal.teamId, objective.id, duplicate.correct, 0, 'Your team sent this answer a moment ago; it was counted once.') };
      }
      if (!outcome.correct) enforceWrongAnswerRate(teamSubmissions, now);
      // Partial credit pays only the increase over the team's best earlier answer, so resubmitting
      // the same partial answer earns nothing more. An answer without credit costs the penalty.
      const earned = teamSubmissions.filter((submission) => submission.objectiveId === objective.id).reduce((sum, submission) => sum + Math.max(0, submission.points), 0);
      const bonus = outcome.correct ? solveBonus(data, record, scenario, objective, principal.teamId, now) : { points: 0, labels: [] };
      const credit = outcome.credit > 0 ? Math.max(0, Math.round(objective.points * outcome.credit) - earned) : -objective.penalty;
      const points = credit + bonus.points;
      const message = bonus.labels.length > 0 ? `${outcome.message} Includes ${bonus.labels.join(' and ')}.` : outcome.message;
      data.submissions.push({
        id: newId(),
        exerciseId: exercise.id,
        teamId: principal.teamId,
        playerId: principal.playerId,
        objectiveId: objective.id,
        correct: outcome.correct,
        points,
        at: now,
        idempotencyKey: payload.idempotencyKey ?? null,
        answerDigest: digest,
        bonus: bonus.points,
        ...solveClock(record, scenario.manifest.phases, now),
      });
      appendAudit(data, record, now, principal, 'objective:submit', { teamId: principal.teamId, objectiveId: objective.id, correct: outcome.correct, points });
      return { changed: true, result: this.resultOf(data, principal.teamId, objective.id, outcome.correct, points, message) };
    });

    this.ctx.logger.info({ exerciseId: exercise.id, teamId: principal.teamId, playerId: principal.playerId, objectiveId: payload.objectiveId, correct: result.result.correct }, 'answer submitted');
    if (result.changed) this.scoreChanged(exercise.id);
    return result.result;
  }

  /** Push the scoreboard to everyone in the exercise: live to facilitators, as of the freeze to the others. */
  scoreChanged(exerciseId: string): void {
    const data = this.ctx.store.read();
    const exercise = findExercise(data, exerciseId);
    this.ctx.notifications.scoreChanged(exerciseId, scoreboard(data, exerciseId), scoreboard(data, exerciseId, publicUntil(exercise)), exercise.scoreboardFrozenAt != null);
  }

  exercise(exerciseId: string): ExerciseRecord {
    return findExercise(this.ctx.store.read(), exerciseId);
  }

  private resultOf(data: Parameters<typeof teamScore>[0], teamId: string, objectiveId: string, correct: boolean, pointsAwarded: number, message: string): SubmissionResult {
    return { objectiveId, correct, pointsAwarded, teamScore: teamScore(data, teamId), message };
  }
}

/** Exercise and scenario time of an answer, so a solve can be shown in the terms of the exercise clock. */
function solveClock(record: ExerciseRecord, phases: Phase[], now: number): Pick<SubmissionRecord, 'elapsedMs' | 'scenarioTime'> {
  const elapsed = elapsedMs(record, now);
  const time = scenarioTime(record, phases, elapsed);
  return time ? { elapsedMs: elapsed, scenarioTime: time } : { elapsedMs: elapsed };
}
