import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

/** Serve the built client, and its index.html for client-side routes such as /join/CODE. */
export function staticRoutes(clientDir: string): Router {
  const router = express.Router();
  const index = path.join(clientDir, 'index.html');
  router.use(express.static(clientDir, { index: false, maxAge: '1h' }));
  router.get('/{*splat}', (_request, response) => {
    if (!existsSync(index)) {
      response.status(503).type('text/plain').send('The web client has not been built. Run `npm run build` (npm start does it for you).');
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  return router;
}
