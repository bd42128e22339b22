import { z } from 'zod';
import type { Ack, AckCallback } from '../../shared/ack.js';
import { ErrorCode, type ErrorBody } from '../../shared/errors.js';
import type { ClientToServerEventName, ClientToServerEvents } from '../../shared/events.js';
import { mayAccessExercise, type Principal } from '../exercise/principal.js';
import { AppError } from '../exercise/errors.js';
import type { AppLogger } from '../logger.js';
import type { AppSocket } from './types.js';

type AckData<E extends ClientToServerEventName> = Parameters<ClientToServerEvents[E]> extends [...unknown[], AckCallback<infer T>] ? T : never;

type Role = Principal['role'] | 'any';
type PrincipalFor<R extends Role> = R extends 'any' ? Principal : Extract<Principal, { role: R }>;

type HandlerSpec<E extends ClientToServerEventName, S extends z.ZodType | undefined, R extends Role> = {
  role: R;
  /** `server`: only the facilitator who signed in with the server's token, not an invited one. */
  scope?: 'server';
  schema?: S;
  run: (
    payload: S extends z.ZodType ? z.output<S> : undefined,
    principal: PrincipalFor<R>,
  ) => Promise<AckData<E>> | AckData<E>;
};

/**
 * Register a request handler with the checks every request gets: the ack must be a function,
 * the caller must have the role, and the payload must match its schema. Every outcome is
 * acknowledged as `{ok: true, data}` or `{ok: false, error}`; no exception text reaches the client
 * unless it is an AppError written for people.
 */
export function handle<E extends ClientToServerEventName, S extends z.ZodType | undefined, R extends Role>(
  socket: AppSocket,
  logger: AppLogger,
  event: E,
  spec: HandlerSpec<E, S, R>,
): void {
  const raw = socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void };
  raw.on(event, (...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== 'function') {
      logger.warn({ event, socketId: socket.id }, 'request without an acknowledgement callback ignored');
      return;
    }
    const reply = (response: Ack<unknown>) => (ack as (response: Ack<unknown>) => void)(response);
    const payload = args.length > 1 ? args[0] : undefined;
    void run(socket, logger, event, spec, payload).then(reply);
  });
}

async function run<E extends ClientToServerEventName, S extends z.ZodType | undefined, R extends Role>(
  socket: AppSocket,
  logger: AppLogger,
  event: E,
  spec: HandlerSpec<E, S, R>,
  payload: unknown,
): Promise<Ack<unknown>> {
  // Resolved again on every request, so a removed or moved player loses the old access at once.
  const principal = socket.data.resolve();
  if (!principal) {
    logger.info({ event, socketId: socket.id }, 'request rejected: the sign-in token is no longer valid');
    // After the acknowledgement below has been sent, so the client learns why.
    setImmediate(() => socket.disconnect(true));
    return failure({ code: ErrorCode.Unauthenticated, message: 'Your sign-in is no longer valid. Sign in or join again.' });
  }
  socket.data.principal = principal;

  if (spec.role !== 'any' && principal.role !== spec.role) {
    return failure({ code: ErrorCode.Forbidden, message: `"${event}" is available to the ${spec.role} role only.` });
  }
  if (spec.scope === 'server' && principal.exerciseId !== null) {
    return failure({ code: ErrorCode.Forbidden, message: `"${event}" is available only to the facilitator who signs in with the server's token.` });
  }

  let input: unknown = undefined;
  if (spec.schema) {
    const parsed = spec.schema.safeParse(payload ?? undefined);
    if (!parsed.success) return failure(describeInvalid(parsed.error));
    input = parsed.data;
  }

  // Any request naming an exercise is checked against the caller's own exercise here, once for all handlers.
  const exerciseId = (input as { exerciseId?: unknown } | undefined)?.exerciseId;
  if (typeof exerciseId === 'string' && !mayAccessExercise(principal, exerciseId)) {
    logger.warn({ event, socketId: socket.id, role: principal.role, exerciseId }, 'request rejected: no access to the exercise');
    return failure({ code: ErrorCode.Forbidden, message: 'You have no access to this exercise. Sign in with a token for it.', field: 'exerciseId' });
  }

  try {
    const data = await spec.run(input as never, principal as never);
    return { ok: true, data };
  } catch (error) {
    if (error instanceof AppError) return failure({ code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) });
    logger.error({ err: error, event, socketId: socket.id }, 'request failed');
    return failure({ code: ErrorCode.Internal, message: 'The server could not complete this request. It has been logged; try again.' });
  }
}

function failure(error: ErrorBody): Ack<never> {
  return { ok: false, error };
}

/** The first schema problem, as "field: what is wrong". */
export function describeInvalid(error: z.ZodError): ErrorBody {
  const issue = error.issues[0];
  const field = issue?.path.join('.') ?? '';
  const message = issue ? `${field || 'payload'}: ${issue.message}` : 'The payload is invalid.';
  return { code: ErrorCode.InvalidPayload, message, ...(field ? { field } : {}) };
}
