import { ErrorCode } from '../../shared/errors.js';
import type { InviteResult, InviteView } from '../../shared/orchestration.js';
import type { InviteCreatePayload, InviteRevokePayload } from '../../shared/orchestration-schemas.js';
import type { StoreData } from '../store/records.js';
import { AppError } from './errors.js';
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

  list(exerciseId: string): InviteView[] {
    const data = this.ctx.store.read();
    findExercise(data, exerciseId);
    return inviteViews(data, exerciseId);
  }

  /** Revoke an invitation: its token stops working at once and its open connections are closed. */
  async revoke(payload: InviteRevokePayload, principal: FacilitatorPrincipal): Promise<InviteView[]> {
    const now = this.ctx.now();
    const views = await this.ctx.store.write((data) => {
      const exercise = findExercise(data, payload.exerciseId);
      const invite = data.invites.find((candidate) => candidate.id === payload.inviteId && candidate.exerciseId === exercise.id);
      if (!invite) throw new AppError(ErrorCode.NotFound, `Invitation "${payload.inviteId}" was not found in this exercise.`, 'inviteId');
      data.invites = data.invites.filter((candidate) => candidate.id !== invite.id);
      appendAudit(data, exercise, now, principal, 'invite:revoke', { inviteId: invite.id, role: invite.role, label: invite.label });
      return inviteViews(data, exercise.id);
    });
    this.ctx.logger.info({ exerciseId: payload.exerciseId, inviteId: payload.inviteId }, 'invitation revoked');
    this.ctx.notifications.inviteRevoked(payload.inviteId);
    return views;
  }
}

function inviteViews(data: Readonly<StoreData>, exerciseId: string): InviteView[] {
  return data.invites
    .filter((invite) => invite.exerciseId === exerciseId)
    .map((invite) => ({ id: invite.id, role: invite.role, label: invite.label, createdAt: invite.createdAt }));
}
