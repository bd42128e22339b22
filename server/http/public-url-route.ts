import express, { type Router } from 'express';
import type { PublicUrlView } from '../../shared/model.js';
import { send } from './api-routes.js';

/**
 * `GET /public-url`: the configured address for join links (PUBLIC_URL), or null when unset. It
 * needs no token because the join link it builds is handed to participants anyway.
 */
export function publicUrlRoutes(publicUrl: string | undefined): Router {
  const router = express.Router();
  router.get('/public-url', (_request, response) => {
    send<PublicUrlView>(response, { ok: true, data: { publicUrl: publicUrl ?? null } });
  });
  return router;
}
