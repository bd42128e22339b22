import { ErrorCode } from '../../shared/errors.js';
import type { HintView } from '../../shared/orchestration.js';
import type { HintOpenPayload } from '../../shared/orchestration-schemas.js';
import { appendAudit } from './audit.js';
import { findExercise, type ExerciseContext } from './context.js';
import { AppError } from './errors.js';
import type { ExerciseService } from './exercise-service.js';
import { newId } from './ids.js';
import type { ParticipantPrincipal } from './principal.js';
import { unlockedObjectiveIds } from './views.js';

/** Hints a team opens for a cost. A hint is offered once its objective's phase is released, in the listed order. */
export class HintService {
  constructor(
    private readonly ctx: ExerciseContext,
    private readonly exercises: ExerciseService,
  ) {}

  /**
   * Open a hint and deduct its cost once; opening it again returns it without a second charge.
   * The cost comes off the objective's points, which never go below zero; after the end it is free.
   */
  async open(payload: HintOpenPayload, principal: ParticipantPrincipal): Promise<HintView> {
    const exercise = this.exercises.exercise(principal.exerciseId);
    const scenario = await this.ctx.scenarios.get(exercise.scenarioId);
    const objective = scenario.manifest.objectives.find((candidate) => candidate.id === payload.objectiveId);
    const now = this.ctx.now();

    const { hint, charged, free } = await this.ctx.store.write((data) => {
      const record = findExercise(data, principal.exerciseId);
      if (!objective || !unlockedObjectiveIds(record, scenario).has(objective.id)) {
        throw new AppError(ErrorCode.NotFound, `Objective "${payload.objectiveId}" is not open to your team.`, 'objectiveId');
      }
      const position = objective.hints.findIndex((candidate) => candidate.id === payload.hintId);
      const hint = objective.hints[position];
      if (!hint) throw new AppError(ErrorCode.NotFound, `Objective "${objective.id}" has no hint "${payload.hintId}".`, 'hintId');
      const opened = (hintId: string) => data.hintOpens.some((open) => open.teamId === principal.teamId && open.objectiveId === objective.id && open.hintId === hintId);
      if (opened(hint.id)) return { hint, charged: false, free: false };

      // After the end hints are free, so teams can study what they missed without changing the score.
      const free = record.status === 'ended';
      if (record.status !== 'running' && !free) throw new AppError(ErrorCode.InvalidState, `Hints can be opened only while the exercise is running or after it ended (status: ${record.status}).`);
      const earlier = objective.hints.slice(0, position).find((candidate) => !opened(candidate.id));
      if (earlier) throw new AppError(ErrorCode.InvalidState, `Open hint "${earlier.id}" first; hints open in order.`, 'hintId');
      data.hintOpens.push({ id: newId(), exerciseId: record.id, teamId: principal.teamId, playerId: principal.playerId, objectiveId: objective.id, hintId: hint.id, points: free ? 0 : -hint.cost, at: now });
      appendAudit(data, record, now, principal, 'hint:open', { teamId: principal.teamId, objectiveId: objective.id, hintId: hint.id, cost: free ? 0 : hint.cost });
      return { hint, charged: true, free };
    });

    if (charged) {
      this.ctx.logger.info({ exerciseId: exercise.id, teamId: principal.teamId, objectiveId: payload.objectiveId, hintId: hint.id }, 'hint opened');
      if (hint.cost > 0 && !free) this.exercises.scoreChanged(exercise.id);
      this.ctx.notifications.exerciseChanged(exercise.id);
    }
    return { id: hint.id, cost: hint.cost, opened: true, text: hint.text };
  }
}
