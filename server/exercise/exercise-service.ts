import { ErrorCode } from '../../shared/errors.js';
import type { ExerciseState, ExerciseSummary, JoinInfo, JoinResult, PhaseReleased, ScoreboardEntry, SessionView, SubmissionResult } from '../../shared/model.js';
import type { ExerciseCreatePayload, JoinPayload, ObjectiveSubmitPayload } from '../../shared/schemas.js';
import type { AppLogger } from '../logger.js';
import type { Visibility } from '../query/protocol.js';
import type { ScenarioCatalog } from '../scenario/catalog.js';
import type { Scenario } from '../scenario/load.js';
import type { ExerciseRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { checkAnswer } from './answer-check.js';
import { clockView, elapsedMs } from './clock.js';
import { AppError } from './errors.js';
import { hashToken, newId, newJoinCode, newToken } from './ids.js';
import { exerciseState, exerciseSummary, releasedFindingIds, scoreboard, teamScore, unlockedObjectiveIds } from './views.js';

/** Who is calling: resolved from the sign-in token on every connection. */
export type Principal = { role: 'facilitator' } | { role: 'participant'; exerciseId: string; teamId: string; playerId: string; displayName: string };

/** Receives the changes that every client of an exercise must hear about. */
export interface ExerciseNotifier {
  phaseReleased(exerciseId: string, release: PhaseReleased): void;
  scoreChanged(exerciseId: string, scoreboard: ScoreboardEntry[]): void;
  exerciseChanged(exerciseId: string): void;
}

const silentNotifier: ExerciseNotifier = { phaseReleased() {}, scoreChanged() {}, exerciseChanged() {} };

/** Exercises, teams, players, phases and scoring: every rule of running an exercise. */
export class ExerciseService {
  notifier: ExerciseNotifier = silentNotifier;

  constructor(
    private readonly store: Store,
    private readonly scenarios: ScenarioCatalog,
    private readonly logger: AppLogger,
    private readonly now: () => number = Date.now,
  ) {}

  async createExercise(payload: ExerciseCreatePayload): Promise<ExerciseSummary> {
    const names = payload.teams.map((name) => name.toLowerCase());
    if (new Set(names).size !== names.length) throw new AppError(ErrorCode.InvalidPayload, 'Team names must be different from one another.', 'teams');
    const scenarioIds = await this.scenarios.list();
    if (!scenarioIds.includes(payload.scenarioId)) {
      throw new AppError(ErrorCode.NotFound, `Scenario "${payload.scenarioId}" was not found. Choose one of: ${scenarioIds.join(', ')}.`, 'scenarioId');
    }
    await this.scenarios.get(payload.scenarioId);

    const summary = await this.store.write((data) => {
      const usedCodes = new Set(data.exercises.map((exercise) => exercise.joinCode));
      let joinCode = newJoinCode();
      while (usedCodes.has(joinCode)) joinCode = newJoinCode();
      const exercise: ExerciseRecord = {
        id: newId(),
        name: payload.name,
        scenarioId: payload.scenarioId,
        joinCode,
        createdAt: this.now(),
        status: 'ready',
        startedAt: null,
        phaseIndex: -1,
        phaseReleasedAtMs: [],
      };
      data.exercises.push(exercise);
      for (const name of payload.teams) data.teams.push({ id: newId(), exerciseId: exercise.id, name });
      return exerciseSummary(data, exercise);
    });
    this.logger.info({ exerciseId: summary.id, scenarioId: summary.scenarioId }, 'exercise created');
    return summary;
  }

  listExercises(): ExerciseSummary[] {
    const data = this.store.read();
    return data.exercises.map((exercise) => exerciseSummary(data, exercise));
  }

  async state(exerciseId: string, teamId: string | null): Promise<ExerciseState> {
    const exercise = this.exercise(exerciseId);
    const scenario = await this.scenarios.get(exercise.scenarioId);
    return exerciseState(this.store.read(), exercise, scenario, teamId, this.now());
  }

  /** Start the clock and release the first phase. */
  async start(exerciseId: string): Promise<ExerciseState> {
    const exercise = this.exercise(exerciseId);
    if (exercise.status !== 'ready') throw new AppError(ErrorCode.InvalidState, `The exercise has already been started (status: ${exercise.status}).`);
    const scenario = await this.scenarios.get(exercise.scenarioId);
    await this.store.write((data) => {
      const record = data.exercises.find((candidate) => candidate.id === exerciseId);
      if (!record || record.status !== 'ready') throw new AppError(ErrorCode.InvalidState, 'The exercise has already been started.');
      record.status = 'running';
      record.startedAt = this.now();
      record.phaseIndex = 0;
      record.phaseReleasedAtMs = [0];
    });
    this.logger.info({ exerciseId }, 'exercise started');
    this.announcePhase(exerciseId, scenario);
    return this.state(exerciseId, null);
  }

  /** Release the next phase. */
  async advance(exerciseId: string): Promise<ExerciseState> {
    const exercise = this.exercise(exerciseId);
    if (exercise.status !== 'running') throw new AppError(ErrorCode.InvalidState, `Start the exercise before advancing its phases (status: ${exercise.status}).`);
    const scenario = await this.scenarios.get(exercise.scenarioId);
    await this.store.write((data) => {
      const record = data.exercises.find((candidate) => candidate.id === exerciseId);
      if (!record) throw new AppError(ErrorCode.NotFound, 'The exercise was not found.');
      if (record.phaseIndex + 1 >= scenario.manifest.phases.length) throw new AppError(ErrorCode.InvalidState, 'The last phase has already been released.');
      record.phaseIndex += 1;
      record.phaseReleasedAtMs[record.phaseIndex] = elapsedMs(record, this.now());
    });
    this.logger.info({ exerciseId, phaseIndex: exercise.phaseIndex }, 'phase released');
    this.announcePhase(exerciseId, scenario);
    return this.state(exerciseId, null);
  }

  joinInfo(code: string): JoinInfo {
    const data = this.store.read();
    const exercise = data.exercises.find((candidate) => candidate.joinCode === code);
    if (!exercise || exercise.status === 'ended') throw new AppError(ErrorCode.InvalidJoinCode, 'No open exercise has this join code. Check the code with your facilitator.', 'code');
    return {
      exerciseName: exercise.name,
      teams: data.teams
        .filter((team) => team.exerciseId === exercise.id)
        .map((team) => ({ id: team.id, name: team.name, memberCount: data.players.filter((player) => player.teamId === team.id).length })),
    };
  }

  async join(payload: JoinPayload): Promise<JoinResult> {
    const token = newToken();
    const result = await this.store.write((data) => {
      const exercise = data.exercises.find((candidate) => candidate.joinCode === payload.code);
      if (!exercise || exercise.status === 'ended') throw new AppError(ErrorCode.InvalidJoinCode, 'No open exercise has this join code. Check the code with your facilitator.', 'code');
      const team = data.teams.find((candidate) => candidate.id === payload.teamId && candidate.exerciseId === exercise.id);
      if (!team) throw new AppError(ErrorCode.NotFound, 'This team does not exist in the exercise. Pick one of the listed teams.', 'teamId');
      const player = { id: newId(), exerciseId: exercise.id, teamId: team.id, displayName: payload.displayName, tokenHash: hashToken(token), joinedAt: this.now() };
      data.players.push(player);
      return { playerToken: token, exerciseId: exercise.id, teamId: team.id, playerId: player.id };
    });
    this.logger.info({ exerciseId: result.exerciseId, teamId: result.teamId, playerId: result.playerId }, 'participant joined');
    this.notifier.exerciseChanged(result.exerciseId);
    return result;
  }

  /** Resolve a participant's token, or null when it belongs to no one. */
  participantFor(token: string): Principal | null {
    const tokenHash = hashToken(token);
    const player = this.store.read().players.find((candidate) => candidate.tokenHash === tokenHash);
    if (!player) return null;
    return { role: 'participant', exerciseId: player.exerciseId, teamId: player.teamId, playerId: player.id, displayName: player.displayName };
  }

  session(principal: Principal): SessionView {
    return principal.role === 'facilitator'
      ? { role: 'facilitator' }
      : { role: 'participant', exerciseId: principal.exerciseId, teamId: principal.teamId, playerId: principal.playerId, displayName: principal.displayName };
  }

  /** What a team of this exercise may see now. Before the start it sees nothing. */
  async visibility(exerciseId: string): Promise<{ scenarioId: string; visibility: Visibility }> {
    const exercise = this.exercise(exerciseId);
    const scenario = await this.scenarios.get(exercise.scenarioId);
    const phase = scenario.manifest.phases[exercise.phaseIndex];
    if (!phase) throw new AppError(ErrorCode.InvalidState, 'The exercise has not started yet. Wait for the facilitator to start it.');
    return { scenarioId: scenario.manifest.id, visibility: { horizon: phase.horizon, releasedFindingIds: releasedFindingIds(exercise, scenario) } };
  }

  async submit(principal: Extract<Principal, { role: 'participant' }>, payload: ObjectiveSubmitPayload): Promise<SubmissionResult> {
    const exercise = this.exercise(principal.exerciseId);
    if (exercise.status !== 'running') throw new AppError(ErrorCode.InvalidState, 'Answers can be submitted only while the exercise is running.');
    const scenario = await this.scenarios.get(exercise.scenarioId);
    const objective = scenario.manifest.objectives.find((candidate) => candidate.id === payload.objectiveId);
    if (!objective || !unlockedObjectiveIds(exercise, scenario).has(objective.id)) {
      throw new AppError(ErrorCode.NotFound, `Objective "${payload.objectiveId}" is not open to your team.`, 'objectiveId');
    }

    const outcome = checkAnswer(objective, payload.answer);
    const result = await this.store.write((data) => {
      const teamSubmissions = data.submissions.filter((submission) => submission.teamId === principal.teamId);
      const replayed = payload.idempotencyKey ? teamSubmissions.find((submission) => submission.idempotencyKey === payload.idempotencyKey) : undefined;
      if (replayed) return { changed: false, result: this.resultOf(data, principal.teamId, objective.id, replayed.correct, replayed.points, outcome.message) };
      if (teamSubmissions.some((submission) => submission.objectiveId === objective.id && submission.correct)) {
        return { changed: false, result: this.resultOf(data, principal.teamId, objective.id, true, 0, 'Your team has already solved this objective.') };
      }
      // Partial credit pays only the increase over the team's best earlier answer, so resubmitting
      // the same partial answer earns nothing more. An answer without credit costs the penalty.
      const earned = teamSubmissions.filter((submission) => submission.objectiveId === objective.id).reduce((sum, submission) => sum + Math.max(0, submission.points), 0);
      const points = outcome.credit > 0 ? Math.max(0, Math.round(objective.points * outcome.credit) - earned) : -objective.penalty;
      data.submissions.push({
        id: newId(),
        exerciseId: exercise.id,
        teamId: principal.teamId,
        playerId: principal.playerId,
        objectiveId: objective.id,
        correct: outcome.correct,
        points,
        at: this.now(),
        idempotencyKey: payload.idempotencyKey ?? null,
      });
      return { changed: true, result: this.resultOf(data, principal.teamId, objective.id, outcome.correct, points, outcome.message) };
    });

    this.logger.info({ exerciseId: exercise.id, teamId: principal.teamId, playerId: principal.playerId, objectiveId: objective.id, correct: result.result.correct }, 'answer submitted');
    if (result.changed) this.notifier.scoreChanged(exercise.id, scoreboard(this.store.read(), exercise.id));
    return result.result;
  }

  exercise(exerciseId: string): ExerciseRecord {
    const exercise = this.store.read().exercises.find((candidate) => candidate.id === exerciseId);
    if (!exercise) throw new AppError(ErrorCode.NotFound, `Exercise "${exerciseId}" was not found.`, 'exerciseId');
    return exercise;
  }

  private resultOf(data: Parameters<typeof teamScore>[0], teamId: string, objectiveId: string, correct: boolean, pointsAwarded: number, message: string): SubmissionResult {
    return { objectiveId, correct, pointsAwarded, teamScore: teamScore(data, teamId), message };
  }

  private announcePhase(exerciseId: string, scenario: Scenario): void {
    const exercise = this.exercise(exerciseId);
    const phase = scenario.manifest.phases[exercise.phaseIndex];
    if (!phase) return;
    const ids = new Set(phase.findings);
    this.notifier.phaseReleased(exerciseId, {
      exerciseId,
      phase: { index: exercise.phaseIndex, id: phase.id, title: phase.title },
      findings: scenario.findings.filter((finding) => ids.has(finding.Id)),
      clock: clockView(exercise, scenario.manifest.phases, this.now()),
    });
    this.notifier.exerciseChanged(exerciseId);
  }
}
