import { CloudTrailGetPayload, CloudTrailHistogramPayload, CloudTrailListPayload, ObjectiveSubmitPayload, QueryCancelPayload, QueryRunPayload } from '../../../shared/schemas.js';
import { listPresets } from '../../investigation/query-presets.js';
import type { AppLogger } from '../../logger.js';
import { handle } from '../handler.js';
import type { RealtimeDependencies } from '../socket-server.js';
import { Rooms, type AppSocket } from '../types.js';

/** Requests of a team member. Each is scoped to the caller's own exercise and team. */
export function registerParticipantHandlers(socket: AppSocket, deps: RealtimeDependencies, logger: AppLogger): void {
  const { exercises, investigation, scenarios } = deps;

  handle(socket, logger, 'exercise:get', {
    role: 'participant',
    run: (_payload, principal) => exercises.state(principal.exerciseId, principal.teamId),
  });

  handle(socket, logger, 'cloudtrail:list', {
    role: 'participant',
    schema: CloudTrailListPayload,
    run: ({ offset, limit, ...criteria }, principal) => investigation.listEvents(principal.exerciseId, principal.teamId, criteria, offset, limit),
  });

  handle(socket, logger, 'cloudtrail:histogram', {
    role: 'participant',
    schema: CloudTrailHistogramPayload,
    run: (criteria, principal) => investigation.eventHistogram(principal.exerciseId, principal.teamId, criteria),
  });

  handle(socket, logger, 'cloudtrail:get', {
    role: 'participant',
    schema: CloudTrailGetPayload,
    run: ({ eventId }, principal) => investigation.getEvent(principal.exerciseId, principal.teamId, eventId),
  });

  handle(socket, logger, 'query:run', {
    role: 'participant',
    schema: QueryRunPayload,
    run: ({ sql, queryId }, principal) =>
      investigation.query(principal, sql, queryId, (entry) => {
        socket.nsp.to(Rooms.team(principal.teamId)).emit('query:recorded', entry);
        deps.progress.queryRecorded(principal);
      }),
  });

  handle(socket, logger, 'query:cancel', {
    role: 'participant',
    schema: QueryCancelPayload,
    run: ({ queryId }, principal) => ({ cancelled: investigation.cancel(principal.playerId, queryId) }),
  });

  handle(socket, logger, 'query:presets', {
    role: 'participant',
    run: async (_payload, principal) => listPresets(scenarios, (await exercises.state(principal.exerciseId, principal.teamId)).exercise.scenarioId),
  });

  handle(socket, logger, 'query:history', {
    role: 'participant',
    run: (_payload, principal) => investigation.teamHistory(principal.exerciseId, principal.teamId),
  });

  handle(socket, logger, 'objective:submit', {
    role: 'participant',
    schema: ObjectiveSubmitPayload,
    run: (payload, principal) => exercises.submit(principal, payload),
  });
}
