import type { AckCallback } from '../../../shared/ack.js';
import type { ErrorCode } from '../../../shared/errors.js';
import type { ClientToServerEvents } from '../../../shared/events.js';
import type { AppSocket } from './app-socket.js';

/** Error codes the client adds to the server's own, for requests that get no usable ack. */
export type ClientErrorCode = ErrorCode | 'TIMEOUT' | 'OFFLINE' | 'BAD_RESPONSE';

export interface RequestError {
  code: ClientErrorCode;
  /** A sentence to show to the user. */
  message: string;
  /** Dotted path of the payload field at fault, when the server names one. */
  field?: string;
}

/** The outcome of a request: the server's ack, or an error the client produced itself. */
export type RequestResult<T> = { ok: true; data: T } | { ok: false; error: RequestError };

/** Events that the server acknowledges (every client-to-server event is one). */
export type AckEventName = keyof ClientToServerEvents;

/** Payload of an event, or `undefined` for events that carry only the ack callback. */
export type PayloadOf<E extends AckEventName> =
  Parameters<ClientToServerEvents[E]> extends [infer P, (response: never) => void] ? P : undefined;

/** Data type that the server acknowledges an event with. */
export type AckDataOf<E extends AckEventName> =
  Parameters<ClientToServerEvents[E]> extends [...unknown[], AckCallback<infer T>] ? T : never;

export const defaultRequestTimeoutMs = 15_000;

interface UntypedTimedEmitter {
  timeout(ms: number): { emit(event: string, ...args: unknown[]): void };
}

/**
 * Sends one event and resolves with its ack. Never rejects: a missing connection, a timeout and
 * an ack of the wrong shape all become a `RequestResult` error with a sentence for the user.
 */
export function request<E extends AckEventName>(
  socket: AppSocket,
  event: E,
  payload: PayloadOf<E>,
  timeoutMs = defaultRequestTimeoutMs,
): Promise<RequestResult<AckDataOf<E>>> {
  if (!socket.connected) {
    return Promise.resolve(
      failure('OFFLINE', 'Not connected to the server. Wait until the connection is back, then try again.'),
    );
  }

  return new Promise((resolve) => {
    const onAck = (timeoutError: Error | null, response: unknown): void => {
      if (timeoutError) {
        const seconds = Math.round(timeoutMs / 1000);
        resolve(failure('TIMEOUT', `The server did not answer within ${seconds} seconds. Try again.`));
        return;
      }
      resolve(toRequestResult<AckDataOf<E>>(response));
    };

    // socket.io-client's types rewrite the ack signature under timeout(), which a generic event
    // name cannot satisfy, so the call is made through a plain signature.
    const emitter = (socket as unknown as UntypedTimedEmitter).timeout(timeoutMs);
    if (payload === undefined) {
      emitter.emit(event, onAck);
    } else {
      emitter.emit(event, payload, onAck);
    }
  });
}

/** Checks that a value has the shared Ack shape, so a server bug cannot crash a view. */
export function toRequestResult<T>(response: unknown): RequestResult<T> {
  if (typeof response !== 'object' || response === null || !('ok' in response)) {
    return badResponse();
  }
  const ack = response as { ok: unknown; data?: unknown; error?: unknown };
  if (ack.ok === true) {
    return { ok: true, data: ack.data as T };
  }

  const error = ack.error as { code?: unknown; message?: unknown; field?: unknown } | undefined;
  if (ack.ok !== false || typeof error?.code !== 'string' || typeof error.message !== 'string') {
    return badResponse();
  }
  const result: RequestError = { code: error.code as ClientErrorCode, message: error.message };
  if (typeof error.field === 'string') {
    result.field = error.field;
  }
  return { ok: false, error: result };
}

export function failure(code: ClientErrorCode, message: string): { ok: false; error: RequestError } {
  return { ok: false, error: { code, message } };
}

/** Formats an error for display, naming the field when the server reported one. */
export function describeError(error: RequestError): string {
  // Server messages already name the field in words; the field path is for highlighting inputs.
  return error.message;
}

function badResponse(): { ok: false; error: RequestError } {
  return failure('BAD_RESPONSE', 'The server sent a response the app cannot read. Reload the page and try again.');
}
