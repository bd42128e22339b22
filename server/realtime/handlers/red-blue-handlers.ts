import { ContainmentRunPayload, RedControlPayload, RedDecisionPayload, RedMovePayload } from '../../../shared/red-blue.js';
import { ExerciseRefPayload } from '../../../shared/schemas.js';
import type { AppLogger } from '../../logger.js';
import { handle } from '../handler.js';
import type { RealtimeDependencies } from '../socket-server.js';
import type { AppSocket } from '../types.js';

/**
 * Register red against blue: the red cell's catalog and moves, the facilitator's controls over
 * them, and the blue teams' containment commands. Changes reach the red cell and facilitators as
 * `red:updated` and the team as `containment:recorded`.
 */
export function registerRedBlueHandlers(socket: AppSocket, deps: RealtimeDependencies, logger: AppLogger): void {
  const { redCell, containment } = deps;

  // The account copies take a few seconds to build the first time; start while the console loads.
  const principal = socket.data.principal;
  if (principal.role === 'red') redCell.warm(principal.exerciseId, logger);

  handle(socket, logger, 'red:catalog', { role: 'red', run: (_payload, principal) => redCell.catalog(principal) });
  handle(socket, logger, 'red:state', { role: 'red', run: (_payload, principal) => redCell.state(principal.exerciseId) });
  handle(socket, logger, 'red:move', { role: 'red', schema: RedMovePayload, run: (payload, principal) => redCell.move(principal, payload) });

  handle(socket, logger, 'red:watch', { role: 'facilitator', schema: ExerciseRefPayload, run: ({ exerciseId }) => redCell.state(exerciseId) });
  handle(socket, logger, 'red:decide', { role: 'facilitator', schema: RedDecisionPayload, run: (payload, principal) => redCell.decide(principal, payload) });
  handle(socket, logger, 'red:control', { role: 'facilitator', schema: RedControlPayload, run: (payload, principal) => redCell.control(principal, payload) });

  handle(socket, logger, 'containment:run', { role: 'participant', schema: ContainmentRunPayload, run: (payload, principal) => containment.run(principal, payload) });
  handle(socket, logger, 'containment:history', { role: 'participant', run: (_payload, principal) => containment.history(principal) });
}
