import {
  AuditListPayload,
  ClockActionPayload,
  ExerciseExtendPayload,
  ExerciseUpdatePayload,
  InjectAwardPayload,
  InjectSendPayload,
  InviteCreatePayload,
  InviteRevokePayload,
  PhaseAdvancePayload,
  PlayerMovePayload,
  PlayerRemovePayload,
  TeamCreatePayload,
  TeamRemovePayload,
  TeamRenamePayload,
} from '../../../shared/orchestration-schemas.js';
import { ExerciseRefPayload } from '../../../shared/schemas.js';
import { auditPage } from '../../exercise/audit.js';
import type { AppLogger } from '../../logger.js';
import { handle } from '../handler.js';
import type { RealtimeDependencies } from '../socket-server.js';
import type { AppSocket } from '../types.js';

/**
 * Register the facilitator's control of a running exercise: clock, phases, teams, players,
 * injects, audit log and invitations. The handler wrapper checks the role, and that the caller
 * may manage the exercise named in the payload.
 */
export function registerControlHandlers(socket: AppSocket, deps: RealtimeDependencies, logger: AppLogger): void {
  const { control, teams, injects, invites, store } = deps;

  handle(socket, logger, 'phase:advance', {
    role: 'facilitator',
    schema: PhaseAdvancePayload,
    run: ({ exerciseId, expectedPhaseIndex }, principal) => control.advance(exerciseId, principal, expectedPhaseIndex),
  });
  handle(socket, logger, 'exercise:pause', {
    role: 'facilitator',
    schema: ClockActionPayload,
    run: ({ exerciseId, idempotencyKey }, principal) => control.pause(exerciseId, principal, idempotencyKey),
  });
  handle(socket, logger, 'exercise:resume', {
    role: 'facilitator',
    schema: ClockActionPayload,
    run: ({ exerciseId, idempotencyKey }, principal) => control.resume(exerciseId, principal, idempotencyKey),
  });
  handle(socket, logger, 'exercise:end', {
    role: 'facilitator',
    schema: ClockActionPayload,
    run: ({ exerciseId, idempotencyKey }, principal) => control.end(exerciseId, principal, idempotencyKey),
  });
  handle(socket, logger, 'exercise:extend', {
    role: 'facilitator',
    schema: ExerciseExtendPayload,
    run: ({ exerciseId, minutes, idempotencyKey }, principal) => control.extend(exerciseId, principal, minutes, idempotencyKey),
  });

  handle(socket, logger, 'exercise:update', { role: 'facilitator', schema: ExerciseUpdatePayload, run: (payload, principal) => teams.update(payload, principal) });
  handle(socket, logger, 'team:create', { role: 'facilitator', schema: TeamCreatePayload, run: (payload, principal) => teams.createTeam(payload, principal) });
  handle(socket, logger, 'team:rename', { role: 'facilitator', schema: TeamRenamePayload, run: (payload, principal) => teams.renameTeam(payload, principal) });
  handle(socket, logger, 'team:remove', { role: 'facilitator', schema: TeamRemovePayload, run: (payload, principal) => teams.removeTeam(payload, principal) });
  handle(socket, logger, 'player:move', { role: 'facilitator', schema: PlayerMovePayload, run: (payload, principal) => teams.movePlayer(payload, principal) });
  handle(socket, logger, 'player:remove', { role: 'facilitator', schema: PlayerRemovePayload, run: (payload, principal) => teams.removePlayer(payload, principal) });

  handle(socket, logger, 'inject:send', { role: 'facilitator', schema: InjectSendPayload, run: (payload, principal) => injects.send(payload, principal) });
  handle(socket, logger, 'inject:award', { role: 'facilitator', schema: InjectAwardPayload, run: (payload, principal) => injects.award(payload, principal) });

  handle(socket, logger, 'audit:list', {
    role: 'facilitator',
    schema: AuditListPayload,
    run: ({ exerciseId, offset, limit }) => {
      deps.exercises.exercise(exerciseId);
      return auditPage(store.read(), exerciseId, offset, limit);
    },
  });
  handle(socket, logger, 'invite:create', { role: 'facilitator', schema: InviteCreatePayload, run: (payload, principal) => invites.create(payload, principal) });
  handle(socket, logger, 'invite:list', { role: 'facilitator', schema: ExerciseRefPayload, run: ({ exerciseId }) => invites.list(exerciseId) });
  handle(socket, logger, 'invite:revoke', { role: 'facilitator', schema: InviteRevokePayload, run: (payload, principal) => invites.revoke(payload, principal) });
}
