import express, { type Router } from 'express';
import { z } from 'zod';
import { ErrorCode } from '../../shared/errors.js';
import { Limits } from '../../shared/limits.js';
import { auditPage } from '../exercise/audit.js';
import { mayAccessExercise, resolvePrincipal } from '../exercise/principal.js';
import type { AppLogger } from '../logger.js';
import { describeInvalid } from '../realtime/handler.js';
import type { Store } from '../store/store.js';
import { send } from './api-routes.js';

const AuditQuery = z.strictObject({
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(Limits.auditPageSizeMax).default(Limits.auditPageSizeMax),
});
const ExerciseIdParam = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must contain only letters, digits, "-" and "_"');

/**
 * `GET /exercises/:exerciseId/audit`: one page of the audit log, for a facilitator of that
 * exercise, who sends the sign-in token as `Authorization: Bearer <token>`. It lets the log be
 * downloaded for review after the exercise without a Socket.IO client.
 */
export function auditRoutes(store: Store, facilitatorToken: string, logger: AppLogger): Router {
  const router = express.Router();
  router.get('/exercises/:exerciseId/audit', (request, response) => {
    const header = request.get('authorization') ?? '';
    const token = /^Bearer (.+)$/i.exec(header)?.[1]?.trim();
    const principal = resolvePrincipal(token, store.read(), facilitatorToken);
    if (!principal) {
      return send(response, { ok: false, error: { code: ErrorCode.Unauthenticated, message: 'Send a valid sign-in token as "Authorization: Bearer <token>".' } });
    }

    const exerciseId = ExerciseIdParam.safeParse(request.params.exerciseId);
    if (!exerciseId.success) return send(response, { ok: false, error: { ...describeInvalid(exerciseId.error), field: 'exerciseId' } });
    if (principal.role !== 'facilitator' || !mayAccessExercise(principal, exerciseId.data)) {
      logger.warn({ role: principal.role, exerciseId: exerciseId.data }, 'audit log request rejected');
      return send(response, { ok: false, error: { code: ErrorCode.Forbidden, message: "Only a facilitator of this exercise may read its audit log." } });
    }
    if (!store.read().exercises.some((exercise) => exercise.id === exerciseId.data)) {
      return send(response, { ok: false, error: { code: ErrorCode.NotFound, message: `Exercise "${exerciseId.data}" was not found.`, field: 'exerciseId' } });
    }

    const query = AuditQuery.safeParse(request.query);
    if (!query.success) return send(response, { ok: false, error: describeInvalid(query.error) });
    send(response, { ok: true, data: auditPage(store.read(), exerciseId.data, query.data.offset, query.data.limit) });
  });
  return router;
}
