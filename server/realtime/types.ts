import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events.js';
import type { Principal } from '../exercise/principal.js';

export interface SocketData {
  /** The principal resolved at the handshake. */
  principal: Principal;
  /** Resolve the handshake token again against the current store; null once it is no longer valid. */
  resolve: () => Principal | null;
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
  observers: (exerciseId: string) => `observers:${exerciseId}`,
  red: (exerciseId: string) => `red:${exerciseId}`,
  player: (playerId: string) => `player:${playerId}`,
  invite: (inviteId: string) => `invite:${inviteId}`,
  /** Every facilitator socket, for messages about the server as a whole. */
  allFacilitators: 'facilitators',
};
