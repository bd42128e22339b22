import type { IncomingMessage } from 'node:http';
import express, { type Express } from 'express';
import type { Config } from '../config.js';

/**
 * Wrap the app so that it answers under BASE_PATH (empty: at the root). The health, readiness and
 * metrics routes also answer at the root, where container health checks and scrapers look for them.
 */
export function mountUnderBasePath(web: Express, basePath: string, trustProxy: Config['trustProxy']): Express {
  if (basePath === '') return web;
  const root = express();
  root.disable('x-powered-by');
  root.set('trust proxy', trustProxy);
  root.use(basePath, web);
  root.get(['/healthz', '/readyz', '/metrics'], web);
  root.use((_request, response) => {
    response.status(404).type('text/plain').send(`Not found. The app is served under ${basePath}/ (BASE_PATH).`);
  });
  return root;
}

/**
 * Remove BASE_PATH from an upgrade request's URL so the Yjs server sees its usual path.
 * Returns false when the request is outside the base path and so not for this app.
 */
export function stripBasePath(request: IncomingMessage, basePath: string): boolean {
  if (basePath === '') return true;
  const url = request.url ?? '/';
  if (url !== basePath && !url.startsWith(`${basePath}/`)) return false;
  request.url = url.slice(basePath.length) || '/';
  return true;
}

/** Origins accepted on the socket handshake and collab upgrade besides the request's own host. */
export function allowedOriginsOf(config: Pick<Config, 'allowedOrigins' | 'publicUrl'>): string[] {
  const origins = new Set(config.allowedOrigins);
  if (config.publicUrl) origins.add(new URL(config.publicUrl).origin);
  return [...origins];
}
