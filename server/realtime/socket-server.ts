import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { ErrorCode } from '../../shared/errors.js';
import { Limits } from '../../shared/limits.js';
import type { PhaseReleased, ScoreboardEntry } from '../../shared/model.js';
import type { ExerciseNotifier, ExerciseService, Principal } from '../exercise/exercise-service.js';
import { secretsEqual } from '../exercise/ids.js';
import type { InvestigationService } from '../investigation/investigation-service.js';
import type { AppLogger } from '../logger.js';
import type { ScenarioCatalog } from '../scenario/catalog.js';
import { handle } from './handler.js';
import { registerFacilitatorHandlers } from './handlers/facilitator-handlers.js';
import { registerParticipantHandlers } from './handlers/participant-handlers.js';
import { Rooms, type AppServer, type AppSocket } from './types.js';

export interface RealtimeDependencies {
  exercises: ExerciseService;
  investigation: InvestigationService;
  scenarios: ScenarioCatalog;
  facilitatorToken: string;
}

/** Resolve a sign-in token to the facilitator or a participant, or null. */
export function authenticate(token: unknown, deps: Pick<RealtimeDependencies, 'exercises' | 'facilitatorToken'>): Principal | null {
  if (typeof token !== 'string' || token.length === 0 || token.length > 200) return null;
  if (secretsEqual(token, deps.facilitatorToken)) return { role: 'facilitator' };
  return deps.exercises.participantFor(token);
}

/**
 * Attach Socket.IO to the HTTP server. A socket is accepted only with a valid token in its
 * handshake; participants are placed in their exercise and team rooms at once, so broadcasts
 * reach them without any request of theirs.
 */
export function createSocketServer(httpServer: HttpServer, deps: RealtimeDependencies, logger: AppLogger): AppServer {
  const io: AppServer = new Server(httpServer, {
    maxHttpBufferSize: Limits.socketMessageMaxBytes,
    serveClient: false,
  });

  io.use((socket, next) => {
    const principal = authenticate(socket.handshake.auth?.token, deps);
    if (!principal) {
      logger.info({ socketId: socket.id, address: socket.handshake.address }, 'socket rejected: invalid token');
      next(new Error(ErrorCode.Unauthenticated));
      return;
    }
    socket.data.principal = principal;
    next();
  });

  io.on('connection', (socket: AppSocket) => {
    const principal = socket.data.principal;
    if (principal.role === 'participant') {
      void socket.join([Rooms.exercise(principal.exerciseId), Rooms.team(principal.teamId)]);
    }
    logger.debug({ socketId: socket.id, role: principal.role }, 'socket connected');

    handle(socket, logger, 'session:get', { role: 'any', run: (_payload, caller) => deps.exercises.session(caller) });
    registerFacilitatorHandlers(socket, deps, logger);
    registerParticipantHandlers(socket, deps, logger);
  });

  deps.exercises.notifier = createNotifier(io, deps.exercises, logger);
  return io;
}

function createNotifier(io: AppServer, exercises: ExerciseService, logger: AppLogger): ExerciseNotifier {
  return {
    phaseReleased(exerciseId: string, release: PhaseReleased) {
      // One emit to both rooms, so every team and facilitator receives the release in the same tick.
      io.to([Rooms.exercise(exerciseId), Rooms.facilitators(exerciseId)]).emit('phase:released', release);
    },
    scoreChanged(exerciseId: string, scoreboard: ScoreboardEntry[]) {
      io.to([Rooms.exercise(exerciseId), Rooms.facilitators(exerciseId)]).emit('score:updated', { exerciseId, scoreboard });
    },
    exerciseChanged(exerciseId: string) {
      void broadcastStates(io, exercises, exerciseId).catch((error: unknown) => logger.error({ err: error, exerciseId }, 'state broadcast failed'));
    },
  };
}

/** Send each team its own view of the exercise, and the facilitators theirs. */
async function broadcastStates(io: AppServer, exercises: ExerciseService, exerciseId: string): Promise<void> {
  const summary = await exercises.state(exerciseId, null);
  io.to(Rooms.facilitators(exerciseId)).emit('exercise:updated', summary);
  for (const team of summary.exercise.teams) {
    io.to(Rooms.team(team.id)).emit('exercise:updated', await exercises.state(exerciseId, team.id));
  }
}
