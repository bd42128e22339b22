import { ExerciseCreatePayload, ExerciseRefPayload } from '../../../shared/schemas.js';
import type { AppLogger } from '../../logger.js';
import { handle } from '../handler.js';
import { Rooms, type AppSocket } from '../types.js';
import type { RealtimeDependencies } from '../socket-server.js';

/** Requests only a facilitator may make. */
export function registerFacilitatorHandlers(socket: AppSocket, deps: RealtimeDependencies, logger: AppLogger): void {
  const { exercises, control, scenarios } = deps;

  handle(socket, logger, 'scenario:list', {
    role: 'facilitator',
    run: async () => {
      const ids = await scenarios.list();
      const listings = [];
      for (const id of ids) {
        const scenario = await scenarios.get(id).catch((error: unknown) => {
          logger.warn({ scenarioId: id, err: error }, 'scenario pack could not be loaded');
          return null;
        });
        if (scenario) listings.push({ id, title: scenario.manifest.title, summary: scenario.manifest.summary });
      }
      return listings;
    },
  });

  handle(socket, logger, 'exercise:create', {
    role: 'facilitator',
    scope: 'server',
    schema: ExerciseCreatePayload,
    run: (payload, principal) => exercises.createExercise(payload, principal),
  });

  handle(socket, logger, 'exercise:list', { role: 'facilitator', run: (_payload, principal) => exercises.listExercises(principal) });

  handle(socket, logger, 'exercise:watch', {
    role: 'facilitator',
    schema: ExerciseRefPayload,
    run: async ({ exerciseId }) => {
      const state = await exercises.state(exerciseId, null);
      await socket.join(Rooms.facilitators(exerciseId));
      return state;
    },
  });

  handle(socket, logger, 'exercise:start', {
    role: 'facilitator',
    schema: ExerciseRefPayload,
    run: ({ exerciseId }, principal) => control.start(exerciseId, principal),
  });
}
