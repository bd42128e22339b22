import { ErrorCode } from '../../shared/errors.js';
import type { ScoreboardUpdate } from '../../shared/model.js';
import type { ScoreAdjustmentView, TeamNoteView } from '../../shared/orchestration.js';
import type { ScoreAdjustPayload, ScoreboardFreezePayload, TeamNotePayload } from '../../shared/orchestration-schemas.js';
import type { StoreData, TeamRecord } from '../store/records.js';
import { appendAudit } from './audit.js';
import { findExercise, type ExerciseContext } from './context.js';
import { AppError } from './errors.js';
import type { ExerciseService } from './exercise-service.js';
import { newId } from './ids.js';
import { remember, replayed } from './idempotency.js';
import type { FacilitatorPrincipal } from './principal.js';
import { scoreboard } from './scoring.js';

function findTeam(data: Readonly<StoreData>, exerciseId: string, teamId: string): TeamRecord {
  const team = data.teams.find((candidate) => candidate.id === teamId && candidate.exerciseId === exerciseId);
  if (!team) throw new AppError(ErrorCode.NotFound, `Team "${teamId}" was not found in this exercise. Pick a team from the roster.`, 'teamId');
  return team;
}

/** Facilitator actions on scores: point adjustments with a reason, the scoreboard freeze, and notes on teams. */
export class ScoreControl {
  constructor(
    private readonly ctx: ExerciseContext,
    private readonly exercises: ExerciseService,
  ) {}

  /** Add or deduct points for a team. A resend with the same idempotency key counts once. */
  async adjust(payload: ScoreAdjustPayload, principal: FacilitatorPrincipal): Promise<ScoreAdjustmentView> {
    const now = this.ctx.now();
    const scope = `${principal.id}/score:adjust/${payload.exerciseId}`;
    const { view, changed } = await this.ctx.store.write((data) => {
      const earlier = replayed<ScoreAdjustmentView>(data, scope, payload.idempotencyKey);
      if (earlier) return { view: earlier.result, changed: false };
      const exercise = findExercise(data, payload.exerciseId);
      findTeam(data, exercise.id, payload.teamId);
      const record = { id: newId(), exerciseId: exercise.id, teamId: payload.teamId, points: payload.points, reason: payload.reason, by: principal.name, at: now };
      data.scoreAdjustments.push(record);
      appendAudit(data, exercise, now, principal, 'score:adjust', { teamId: payload.teamId, points: payload.points, reason: payload.reason });
      const { exerciseId: _exerciseId, ...view } = record;
      remember(data, scope, payload.idempotencyKey, view, now, exercise.id);
      return { view, changed: true };
    });
    if (changed) {
      this.ctx.logger.info({ exerciseId: payload.exerciseId, teamId: payload.teamId, points: payload.points }, 'score adjusted');
      this.exercises.scoreChanged(payload.exerciseId);
      this.ctx.notifications.exerciseChanged(payload.exerciseId);
    }
    return view;
  }

  /** Freeze the public scoreboard at the current scores, or unfreeze it. Facilitators keep the live board. */
  async freeze(payload: ScoreboardFreezePayload, principal: FacilitatorPrincipal): Promise<ScoreboardUpdate> {
    const now = this.ctx.now();
    const changed = await this.ctx.store.write((data) => {
      const exercise = findExercise(data, payload.exerciseId);
      if ((exercise.scoreboardFrozenAt != null) === payload.frozen) return false;
      exercise.scoreboardFrozenAt = payload.frozen ? now : null;
      appendAudit(data, exercise, now, principal, payload.frozen ? 'scoreboard:freeze' : 'scoreboard:unfreeze');
      return true;
    });
    if (changed) {
      this.ctx.logger.info({ exerciseId: payload.exerciseId, frozen: payload.frozen }, 'scoreboard freeze changed');
      this.exercises.scoreChanged(payload.exerciseId);
      this.ctx.notifications.exerciseChanged(payload.exerciseId);
    }
    return { exerciseId: payload.exerciseId, scoreboard: scoreboard(this.ctx.store.read(), payload.exerciseId), frozen: payload.frozen };
  }

  /** Add a facilitator note on a team for the after-action report. */
  async note(payload: TeamNotePayload, principal: FacilitatorPrincipal): Promise<TeamNoteView> {
    const now = this.ctx.now();
    const scope = `${principal.id}/team:note/${payload.exerciseId}`;
    return this.ctx.store.write((data) => {
      const earlier = replayed<TeamNoteView>(data, scope, payload.idempotencyKey);
      if (earlier) return earlier.result;
      const exercise = findExercise(data, payload.exerciseId);
      findTeam(data, exercise.id, payload.teamId);
      const record = { id: newId(), exerciseId: exercise.id, teamId: payload.teamId, text: payload.text, by: principal.name, at: now };
      data.facilitatorNotes.push(record);
      appendAudit(data, exercise, now, principal, 'team:note', { teamId: payload.teamId });
      const { exerciseId: _exerciseId, ...view } = record;
      remember(data, scope, payload.idempotencyKey, view, now, exercise.id);
      return view;
    });
  }

  /** List every note of the exercise, oldest first. */
  notes(exerciseId: string): TeamNoteView[] {
    return this.ctx.store
      .read()
      .facilitatorNotes.filter((note) => note.exerciseId === exerciseId)
      .map(({ exerciseId: _exerciseId, ...view }) => view);
  }
}
