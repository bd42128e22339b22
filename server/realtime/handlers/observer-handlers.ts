import type { AppLogger } from '../../logger.js';
import { handle } from '../handler.js';
import type { RealtimeDependencies } from '../socket-server.js';
import type { AppSocket } from '../types.js';

/** Register the observer's one request, the big-screen board of its exercise. Updates arrive as `board:updated`. */
export function registerObserverHandlers(socket: AppSocket, deps: RealtimeDependencies, logger: AppLogger): void {
  handle(socket, logger, 'board:get', { role: 'observer', run: (_payload, principal) => deps.exercises.board(principal.exerciseId) });
}
