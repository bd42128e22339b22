import { ErrorCode } from '../../shared/errors.js';
import type { InjectAnswerView, InjectView } from '../../shared/orchestration.js';
import type { InjectAnswerPayload, InjectAwardPayload, InjectSendPayload } from '../../shared/orchestration-schemas.js';
import type { InjectRecord } from '../store/records.js';
import { appendAudit } from './audit.js';
import { elapsedMs } from './clock.js';
import { findExercise, type ExerciseContext } from './context.js';
import { AppError } from './errors.js';
import type { ExerciseService } from './exercise-service.js';
import { newId } from './ids.js';
import { remember, replayed } from './idempotency.js';
import { injectAnswerView, injectView } from './inject-views.js';
import type { FacilitatorPrincipal, ParticipantPrincipal } from './principal.js';

/** Injects written by facilitators during the exercise, the teams' answers, and the points awarded for them. */
export class InjectService {
  constructor(
    private readonly ctx: ExerciseContext,
    private readonly exercises: ExerciseService,
  ) {}

  /** Send a message or a question to every team or to one, at any moment before the end. */
  async send(payload: InjectSendPayload, principal: FacilitatorPrincipal): Promise<InjectView> {
    const exerciseId = payload.exerciseId;
    const scope = `${principal.id}/inject:send/${exerciseId}`;
    const now = this.ctx.now();
    const { inject, created } = await this.ctx.store.write((data) => {
      const again = replayed<string>(data, scope, payload.idempotencyKey);
      const previous = again ? data.injects.find((candidate) => candidate.id === again.result) : undefined;
      if (previous) return { inject: previous, created: false };

      const exercise = findExercise(data, exerciseId);
      if (exercise.status === 'ended') throw new AppError(ErrorCode.InvalidState, 'The exercise has ended; injects can no longer be sent.');
      const teamId = payload.teamId ?? null;
      if (teamId !== null && !data.teams.some((team) => team.id === teamId && team.exerciseId === exerciseId)) {
        throw new AppError(ErrorCode.NotFound, `Team "${teamId}" was not found in this exercise. Leave teamId out to send to every team.`, 'teamId');
      }
      const record: InjectRecord = {
        id: newId(),
        exerciseId,
        teamId,
        message: payload.message,
        question: payload.question ?? null,
        maxPoints: payload.question ? (payload.maxPoints ?? 0) : 0,
        phaseId: null,
        scenarioInjectId: null,
        sentAt: now,
        sentAtElapsedMs: elapsedMs(exercise, now),
      };
      data.injects.push(record);
      remember(data, scope, payload.idempotencyKey, record.id, now, exercise.id);
      appendAudit(data, exercise, now, principal, 'inject:send', { injectId: record.id, teamId, question: record.question !== null, maxPoints: record.maxPoints });
      return { inject: record, created: true };
    });

    const view = injectView(this.ctx.store.read(), inject, null);
    if (created) {
      this.ctx.logger.info({ exerciseId, injectId: inject.id, teamId: inject.teamId }, 'inject sent');
      this.ctx.notifications.injectSent(exerciseId, view);
      this.ctx.notifications.exerciseChanged(exerciseId);
    }
    return view;
  }

  /**
   * Store a team's free-text answer to an inject's question. A team has one answer per inject:
   * a later answer replaces the earlier one until the facilitator scores it, and a resend of the
   * same text changes nothing.
   */
  async answer(payload: InjectAnswerPayload, principal: ParticipantPrincipal): Promise<InjectAnswerView> {
    const now = this.ctx.now();
    const answer = await this.ctx.store.write((data) => {
      const inject = data.injects.find((candidate) => candidate.id === payload.injectId && candidate.exerciseId === principal.exerciseId);
      if (!inject || (inject.teamId !== null && inject.teamId !== principal.teamId)) {
        throw new AppError(ErrorCode.NotFound, `Inject "${payload.injectId}" was not sent to your team.`, 'injectId');
      }
      if (inject.question === null) throw new AppError(ErrorCode.InvalidState, 'This inject is a message without a question; there is nothing to answer.', 'injectId');
      const exercise = findExercise(data, principal.exerciseId);
      const existing = data.injectAnswers.find((candidate) => candidate.injectId === inject.id && candidate.teamId === principal.teamId);
      if (existing && existing.answer === payload.answer) return existing;
      if (exercise.status !== 'running') throw new AppError(ErrorCode.InvalidState, `Answers can be sent only while the exercise is running (status: ${exercise.status}).`);
      if (existing && existing.awardedPoints !== null) {
        throw new AppError(ErrorCode.InvalidState, 'The facilitator has already scored your team\'s answer; it can no longer change.', 'answer');
      }
      const record = existing ?? { id: newId(), exerciseId: exercise.id, injectId: inject.id, teamId: principal.teamId, playerId: principal.playerId, answer: '', answeredAt: now, awardedPoints: null };
      record.answer = payload.answer;
      record.playerId = principal.playerId;
      record.answeredAt = now;
      if (!existing) data.injectAnswers.push(record);
      appendAudit(data, exercise, now, principal, 'inject:answer', { injectId: inject.id, answerId: record.id, teamId: principal.teamId });
      return record;
    });
    this.ctx.notifications.exerciseChanged(principal.exerciseId);
    return injectAnswerView(this.ctx.store.read(), answer);
  }

  /** Award points for an answer; awarding again replaces the earlier award, so a resend counts once. */
  async award(payload: InjectAwardPayload, principal: FacilitatorPrincipal): Promise<InjectAnswerView> {
    const now = this.ctx.now();
    const { answer, changed } = await this.ctx.store.write((data) => {
      const answer = data.injectAnswers.find((candidate) => candidate.id === payload.answerId && candidate.exerciseId === payload.exerciseId);
      if (!answer) throw new AppError(ErrorCode.NotFound, `Answer "${payload.answerId}" was not found in this exercise.`, 'answerId');
      const inject = data.injects.find((candidate) => candidate.id === answer.injectId)!;
      if (payload.points > inject.maxPoints) throw new AppError(ErrorCode.InvalidPayload, `points: must be at most ${inject.maxPoints}, the inject's maximum.`, 'points');
      if (answer.awardedPoints === payload.points) return { answer, changed: false };
      const exercise = findExercise(data, payload.exerciseId);
      appendAudit(data, exercise, now, principal, 'inject:award', { answerId: answer.id, teamId: answer.teamId, points: payload.points, previous: answer.awardedPoints });
      answer.awardedPoints = payload.points;
      return { answer, changed: true };
    });
    if (changed) {
      this.exercises.scoreChanged(payload.exerciseId);
      this.ctx.notifications.exerciseChanged(payload.exerciseId);
    }
    return injectAnswerView(this.ctx.store.read(), answer);
  }
}
