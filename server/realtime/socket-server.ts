import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { ErrorCode } from '../../shared/errors.js';
import { Limits } from '../../shared/limits.js';
import type { ClockControl } from '../exercise/clock-control.js';
import type { ScoreControl } from '../exercise/score-control.js';
import type { ExerciseService } from '../exercise/exercise-service.js';
import type { HintService } from '../exercise/hint-service.js';
import type { InjectService } from '../exercise/inject-service.js';
import type { InviteService } from '../exercise/invite-service.js';
import { resolvePrincipal, type Principal } from '../exercise/principal.js';
import type { TeamAdmin } from '../exercise/team-admin.js';
import type { IamGraphService } from '../investigation/iam-graph/iam-graph-service.js';
import type { TeamProgressService } from '../exercise/team-progress-service.js';
import type { InvestigationService } from '../investigation/investigation-service.js';
import type { AppLogger } from '../logger.js';
import type { ScenarioCatalog } from '../scenario/catalog.js';
import type { Store } from '../store/store.js';
import { handle } from './handler.js';
import { registerControlHandlers } from './handlers/control-handlers.js';
import { registerFacilitatorHandlers } from './handlers/facilitator-handlers.js';
import { registerIamGraphHandlers } from './handlers/iam-graph-handlers.js';
import { registerObserverHandlers } from './handlers/observer-handlers.js';
import { registerParticipantHandlers } from './handlers/participant-handlers.js';
import { registerProgressHandlers } from './handlers/progress-handlers.js';
import { registerRedBlueHandlers } from './handlers/red-blue-handlers.js';
import type { ContainmentService } from '../redblue/containment-service.js';
import type { RedCellService } from '../redblue/red-cell-service.js';
import { registerScoreHandlers } from './handlers/score-handlers.js';
import { registerTeamPlayHandlers } from './handlers/team-play-handlers.js';
import { isSameOrigin } from './origin.js';
import { Rooms, type AppServer, type AppSocket } from './types.js';

export interface RealtimeDependencies {
  exercises: ExerciseService;
  control: ClockControl;
  teams: TeamAdmin;
  injects: InjectService;
  hints: HintService;
  invites: InviteService;
  scores: ScoreControl;
  progress: TeamProgressService;
  investigation: InvestigationService;
  iamGraph: IamGraphService;
  redCell: RedCellService;
  containment: ContainmentService;
  scenarios: ScenarioCatalog;
  store: Store;
  facilitatorToken: string;
}

/** Resolve a sign-in token to the facilitator, an invited facilitator or observer, or a participant; null when it is unknown. */
export function authenticate(token: unknown, deps: Pick<RealtimeDependencies, 'store' | 'facilitatorToken'>): Principal | null {
  return resolvePrincipal(token, deps.store.read(), deps.facilitatorToken);
}

/**
 * Attach Socket.IO to the HTTP server. A handshake must come from the app's own origin and carry
 * a valid token. A connection that does not complete the handshake within `Limits.authTimeoutMs`
 * is dropped. Each socket joins its rooms at once, so broadcasts reach it without a request.
 */
export function createSocketServer(
  httpServer: HttpServer,
  deps: RealtimeDependencies,
  logger: AppLogger,
  options: { path?: string; allowedOrigins?: readonly string[] } = {},
): AppServer {
  const io: AppServer = new Server(httpServer, {
    path: options.path ?? '/socket.io',
    maxHttpBufferSize: Limits.socketMessageMaxBytes,
    serveClient: false,
    connectTimeout: Limits.authTimeoutMs,
    allowRequest: (request, callback) => {
      const allowed = isSameOrigin(request, options.allowedOrigins);
      if (!allowed) logger.warn({ origin: request.headers.origin, host: request.headers.host }, 'socket rejected: origin does not match the host');
      callback(allowed ? null : 'Origin not allowed', allowed);
    },
  });

  io.use((socket, next) => {
    const token: unknown = socket.handshake.auth?.token;
    const principal = authenticate(token, deps);
    if (!principal) {
      logger.info({ socketId: socket.id, address: socket.handshake.address }, 'socket rejected: invalid token');
      next(new Error(ErrorCode.Unauthenticated));
      return;
    }
    socket.data.principal = principal;
    socket.data.resolve = () => authenticate(token, deps);
    next();
  });

  io.on('connection', (socket: AppSocket) => {
    const principal = socket.data.principal;
    void socket.join(roomsOf(principal));
    logger.debug({ socketId: socket.id, role: principal.role }, 'socket connected');

    handle(socket, logger, 'session:get', { role: 'any', run: (_payload, caller) => deps.exercises.session(caller) });
    registerFacilitatorHandlers(socket, deps, logger);
    registerControlHandlers(socket, deps, logger);
    registerParticipantHandlers(socket, deps, logger);
    registerTeamPlayHandlers(socket, deps, logger);
    registerObserverHandlers(socket, deps, logger);
    registerScoreHandlers(socket, deps, logger);
    registerIamGraphHandlers(socket, deps, logger);
    registerProgressHandlers(socket, deps, logger);
    registerRedBlueHandlers(socket, deps, logger);
  });

  return io;
}

function roomsOf(principal: Principal): string[] {
  switch (principal.role) {
    case 'participant':
      return [Rooms.exercise(principal.exerciseId), Rooms.team(principal.teamId), Rooms.player(principal.playerId)];
    case 'observer':
      return [Rooms.observers(principal.exerciseId), Rooms.invite(principal.id)];
    case 'red':
      return [Rooms.red(principal.exerciseId), Rooms.invite(principal.id)];
    case 'facilitator':
      // The exercise's facilitator room is joined with exercise:watch, which also returns the state.
      return principal.exerciseId === null ? [Rooms.allFacilitators] : [Rooms.allFacilitators, Rooms.invite(principal.id)];
  }
}
