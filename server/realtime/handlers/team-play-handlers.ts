import { HintOpenPayload, InjectAnswerPayload } from '../../../shared/orchestration-schemas.js';
import type { AppLogger } from '../../logger.js';
import { handle } from '../handler.js';
import type { RealtimeDependencies } from '../socket-server.js';
import type { AppSocket } from '../types.js';

/** Register the team member's requests that change the team's score: opening hints and answering injects. */
export function registerTeamPlayHandlers(socket: AppSocket, deps: RealtimeDependencies, logger: AppLogger): void {
  handle(socket, logger, 'hint:open', { role: 'participant', schema: HintOpenPayload, run: (payload, principal) => deps.hints.open(payload, principal) });
  handle(socket, logger, 'inject:answer', { role: 'participant', schema: InjectAnswerPayload, run: (payload, principal) => deps.injects.answer(payload, principal) });
}
