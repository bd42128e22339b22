import { ScoreAdjustPayload, ScoreboardFreezePayload, TeamNotePayload } from '../../../shared/orchestration-schemas.js';
import { ExerciseRefPayload } from '../../../shared/schemas.js';
import type { AppLogger } from '../../logger.js';
import { handle } from '../handler.js';
import type { RealtimeDependencies } from '../socket-server.js';
import type { AppSocket } from '../types.js';

/** Facilitator requests on scores: adjustments, the scoreboard freeze and notes on teams. */
export function registerScoreHandlers(socket: AppSocket, deps: RealtimeDependencies, logger: AppLogger): void {
  const { scores } = deps;
  handle(socket, logger, 'score:adjust', { role: 'facilitator', schema: ScoreAdjustPayload, run: (payload, principal) => scores.adjust(payload, principal) });
  handle(socket, logger, 'scoreboard:freeze', { role: 'facilitator', schema: ScoreboardFreezePayload, run: (payload, principal) => scores.freeze(payload, principal) });
  handle(socket, logger, 'team:note', { role: 'facilitator', schema: TeamNotePayload, run: (payload, principal) => scores.note(payload, principal) });
  handle(socket, logger, 'team:notes', {
    role: 'facilitator',
    schema: ExerciseRefPayload,
    run: ({ exerciseId }) => {
      deps.exercises.exercise(exerciseId);
      return scores.notes(exerciseId);
    },
  });
}
