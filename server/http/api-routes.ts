import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Ack } from '../../shared/ack.js';
import { ErrorCode, type ErrorBody } from '../../shared/errors.js';
import { JoinCodeParam, JoinPayload } from '../../shared/schemas.js';
import { AppError } from '../exercise/errors.js';
import type { ExerciseService } from '../exercise/exercise-service.js';
import type { AppLogger } from '../logger.js';
import { describeInvalid } from '../realtime/handler.js';

const StatusByCode: Partial<Record<ErrorBody['code'], number>> = {
  [ErrorCode.InvalidPayload]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.InvalidJoinCode]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.InvalidState]: 409,
  [ErrorCode.RateLimited]: 429,
};

/** Send an Ack as JSON with the HTTP status that matches its error code. */
export function send<T>(response: Response, body: Ack<T>): void {
  response.status(body.ok ? 200 : (StatusByCode[body.error.code] ?? 500)).json(body);
}

/**
 * JSON API for what happens before a socket can connect (looking up a join code and joining),
 * plus the routers in `extra`, which check their caller's token themselves.
 */
export function apiRoutes(exercises: ExerciseService, logger: AppLogger, extra: Router[] = []): Router {
  const router = express.Router();
  router.use(express.json({ limit: '16kb' }));
  for (const routes of extra) router.use(routes);

  router.get('/join/:code', (request, response) => {
    const code = JoinCodeParam.safeParse(request.params.code);
    if (!code.success) return send(response, { ok: false, error: { ...describeInvalid(code.error), field: 'code' } });
    send(response, { ok: true, data: exercises.joinInfo(code.data) });
  });

  router.post('/join', async (request, response) => {
    const payload = JoinPayload.safeParse(request.body);
    if (!payload.success) return send(response, { ok: false, error: describeInvalid(payload.error) });
    send(response, { ok: true, data: await exercises.join(payload.data) });
  });

  router.use((_request, response) => {
    send(response, { ok: false, error: { code: ErrorCode.NotFound, message: 'No API route matches this path.' } });
  });

  router.use((error: unknown, _request: Request, response: Response, _next: NextFunction) => {
    if (error instanceof AppError) return send(response, { ok: false, error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } });
    const status = (error as { status?: number }).status;
    if (status && status >= 400 && status < 500) {
      const message = status === 413 ? 'The request body is too large.' : 'The request body is not valid JSON. Send a JSON object.';
      return response.status(status).json({ ok: false, error: { code: ErrorCode.InvalidPayload, message } } satisfies Ack<never>);
    }
    logger.error({ err: error }, 'API request failed');
    send(response, { ok: false, error: { code: ErrorCode.Internal, message: 'The server could not complete this request. It has been logged; try again.' } });
  });
  return router;
}
