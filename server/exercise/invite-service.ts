import type { InviteResult } from '../../shared/orchestration.js';
import type { InviteCreatePayload } from '../../shared/orchestration-schemas.js';
import { appendAudit } from './audit.js';
import { findExercise, type ExerciseContext } from './context.js';
import { hashToken, newId, newToken } from './ids.js';
import type { FacilitatorPrincipal } from './principal.js';

/** Sign-in tokens for more facilitators and for observers of one exercise. */
export class InviteService {
  constructor(private readonly ctx: ExerciseContext) {}

  /** Create an invitation; its token is returned once and only its hash is stored. */
  async create(payload: InviteCreatePayload, principal: FacilitatorPrincipal): Promise<InviteResult> {
    const token = newToken();
    const now = this.ctx.now();
    const inviteId = await this.ctx.store.write((data) => {
      const exercise = findExercise(data, payload.exerciseId);
      const id = newId();
      data.invites.push({ id, exerciseId: exercise.id, role: payload.role, label: payload.label, tokenHash: hashToken(token), createdAt: now });
      appendAudit(data, exercise, now, principal, 'invite:create', { inviteId: id, role: payload.role, label: payload.label });
      return id;
    });
    this.ctx.logger.info({ exerciseId: payload.exerciseId, inviteId, role: payload.role }, 'invitation created');
    return { token, role: payload.role, exerciseId: payload.exerciseId, inviteId };
  }
}
