import { io, type Socket } from 'socket.io-client';
import { ErrorCode } from '../../../shared/errors.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/events.js';
import type { SessionView } from '../../../shared/model.js';
import { appUrl } from './base-path.js';
import { failure, request, type RequestResult } from './request.js';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Opens the Socket.IO connection of the app's own origin, signed in with a facilitator or player token. */
export function connectAppSocket(token: string, options: { reconnection?: boolean } = {}): AppSocket {
  return io({
    path: appUrl('/socket.io/'),
    auth: { token },
    reconnection: options.reconnection ?? true,
  });
}

/** Tells whether a `connect_error` means the token was rejected, so retrying cannot help. */
export function isUnauthenticated(error: Error): boolean {
  return error.message === ErrorCode.Unauthenticated;
}

const verifyTimeoutMs = 10_000;

/**
 * Connects once with a token, reads the session it belongs to, and disconnects.
 * Used by the sign-in form to reject a wrong token before leaving the landing page.
 */
export function verifyToken(token: string): Promise<RequestResult<SessionView>> {
  const socket = connectAppSocket(token, { reconnection: false });

  const connected = new Promise<RequestResult<null>>((resolve) => {
    const timer = window.setTimeout(() => {
      resolve(failure('TIMEOUT', 'The server did not answer within 10 seconds. Check the address and try again.'));
    }, verifyTimeoutMs);

    socket.once('connect', () => {
      window.clearTimeout(timer);
      resolve({ ok: true, data: null });
    });
    socket.once('connect_error', (error) => {
      window.clearTimeout(timer);
      if (isUnauthenticated(error)) {
        resolve(failure(ErrorCode.Unauthenticated, 'The token was not accepted. Check it and try again.'));
      } else {
        resolve(failure('OFFLINE', `Could not connect to the server (${error.message}). Try again in a moment.`));
      }
    });
  });

  return connected
    .then((result) => (result.ok ? request(socket, 'session:get', undefined) : result))
    .finally(() => socket.disconnect());
}
