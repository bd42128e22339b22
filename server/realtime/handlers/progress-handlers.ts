import { ErrorCode } from '../../../shared/errors.js';
import { ExerciseRefPayload, TeamRefPayload } from '../../../shared/schemas.js';
import { AppError } from '../../exercise/errors.js';
import type { AppLogger } from '../../logger.js';
import { handle } from '../handler.js';
import type { RealtimeDependencies } from '../socket-server.js';
import type { AppSocket } from '../types.js';

/**
 * Requests that a person makes on purpose. Reads that the app sends by itself, such as
 * `exercise:get` after every score change, would make every idle player look busy.
 */
const DeliberateRequests: ReadonlySet<string> = new Set(['query:run', 'query:cancel', 'cloudtrail:get', 'objective:submit', 'hint:open', 'inject:answer', 'containment:run']);

/**
 * Register the facilitator's progress requests, and track a participant socket's presence and
 * requests for the progress view. Pushes go out as `progress:updated` to the facilitator room.
 */
export function registerProgressHandlers(socket: AppSocket, deps: RealtimeDependencies, logger: AppLogger): void {
  const { progress, store, investigation } = deps;

  handle(socket, logger, 'team:progress', {
    role: 'facilitator',
    schema: ExerciseRefPayload,
    run: ({ exerciseId }) => progress.progress(exerciseId),
  });

  handle(socket, logger, 'team:queries', {
    role: 'facilitator',
    schema: TeamRefPayload,
    run: ({ exerciseId, teamId }) => {
      const data = store.read();
      if (!data.teams.some((team) => team.id === teamId && team.exerciseId === exerciseId)) {
        throw new AppError(ErrorCode.NotFound, `Team "${teamId}" was not found in this exercise. Reload the console to see its teams.`, 'teamId');
      }
      return investigation.teamHistory(exerciseId, teamId);
    },
  });

  const principal = socket.data.principal;
  if (principal.role !== 'participant') return;
  progress.participantConnected(principal);
  socket.onAny((event: string) => {
    if (DeliberateRequests.has(event)) progress.participantActive(principal);
  });
  socket.on('disconnect', () => progress.participantDisconnected(principal));
}
