import { CloudTrailGetPayload, CloudTrailListPayload, ObjectiveSubmitPayload, QueryRunPayload } from '../../../shared/schemas.js';
import type { AppLogger } from '../../logger.js';
import { handle } from '../handler.js';
import type { RealtimeDependencies } from '../socket-server.js';
import type { AppSocket } from '../types.js';

/** Requests of a team member. Each is scoped to the caller's own exercise and team. */
export function registerParticipantHandlers(socket: AppSocket, deps: RealtimeDependencies, logger: AppLogger): void {
  const { exercises, investigation } = deps;

  handle(socket, logger, 'exercise:get', {
    role: 'participant',
    run: (_payload, principal) => exercises.state(principal.exerciseId, principal.teamId),
  });

  handle(socket, logger, 'cloudtrail:list', {
    role: 'participant',
    schema: CloudTrailListPayload,
    run: ({ filter, offset, limit }, principal) => investigation.listEvents(principal.exerciseId, filter, offset, limit),
  });

  handle(socket, logger, 'cloudtrail:get', {
    role: 'participant',
    schema: CloudTrailGetPayload,
    run: ({ eventId }, principal) => investigation.getEvent(principal.exerciseId, eventId),
  });

  handle(socket, logger, 'query:run', {
    role: 'participant',
    schema: QueryRunPayload,
    run: ({ sql }, principal) => investigation.query(principal.exerciseId, principal.teamId, sql),
  });

  handle(socket, logger, 'objective:submit', {
    role: 'participant',
    schema: ObjectiveSubmitPayload,
    run: (payload, principal) => exercises.submit(principal, payload),
  });
}
