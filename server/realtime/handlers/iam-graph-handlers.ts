import { ErrorCode } from '../../../shared/errors.js';
import { IamGraphPayload } from '../../../shared/iam-graph.js';
import { AppError } from '../../exercise/errors.js';
import type { AppLogger } from '../../logger.js';
import { handle } from '../handler.js';
import type { RealtimeDependencies } from '../socket-server.js';
import type { AppSocket } from '../types.js';

/**
 * Register `iam:graph`. A participant gets the graph of their own exercise. A facilitator names
 * the exercise, and `handle()` checks that they may manage it. Observers get no investigation data.
 */
export function registerIamGraphHandlers(socket: AppSocket, deps: RealtimeDependencies, logger: AppLogger): void {
  handle(socket, logger, 'iam:graph', {
    role: 'any',
    schema: IamGraphPayload,
    run: (payload, principal) => {
      if (principal.role === 'participant') return deps.iamGraph.graph(principal.exerciseId, principal.teamId);
      if (principal.role === 'observer' || principal.role === 'red') throw new AppError(ErrorCode.Forbidden, '"iam:graph" is available to participants and facilitators only.');
      const exerciseId = payload?.exerciseId ?? principal.exerciseId;
      if (!exerciseId) throw new AppError(ErrorCode.InvalidPayload, 'exerciseId: missing. A facilitator must name the exercise whose graph they want.', 'exerciseId');
      return deps.iamGraph.graph(exerciseId);
    },
  });
}
