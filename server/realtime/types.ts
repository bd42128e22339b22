import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events.js';
import type { Principal } from '../exercise/exercise-service.js';

export interface SocketData {
  principal: Principal;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, {}, SocketData>;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, {}, SocketData>;

/** Room names. Every broadcast goes to one of these, never to all sockets. */
export const Rooms = {
  exercise: (exerciseId: string) => `exercise:${exerciseId}`,
  team: (teamId: string) => `team:${teamId}`,
  facilitators: (exerciseId: string) => `facilitators:${exerciseId}`,
};
