import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

export interface ClientPageSettings {
  /** BASE_PATH, empty or `/name`. */
  basePath: string;
  /** PUBLIC_URL, the address join links start with, when set. */
  publicUrl: string | undefined;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Write the run-time settings into the built index.html: a `<base href>` that the client's relative
 * asset paths and its API, Socket.IO and Yjs addresses resolve against, and the public URL for join links.
 */
export function renderIndexPage(html: string, settings: ClientPageSettings): string {
  const tags = [`<base href="${escapeAttribute(`${settings.basePath}/`)}" />`];
  if (settings.publicUrl) tags.push(`<meta name="cloud-ir-lab-public-url" content="${escapeAttribute(settings.publicUrl)}" />`);
  return html.replace(/<head>/i, `<head>\n    ${tags.join('\n    ')}`);
}

/** Serve the built client, and its index.html for client-side routes such as /join/CODE. */
export function staticRoutes(clientDir: string, settings: ClientPageSettings = { basePath: '', publicUrl: undefined }): Router {
  const router = express.Router();
  const index = path.join(clientDir, 'index.html');
  // Read once on first use; the built client does not change while the server runs.
  let page: string | undefined;
  router.use(express.static(clientDir, { index: false, maxAge: '1h' }));
  router.get('/{*splat}', (_request, response) => {
    if (!existsSync(index)) {
      response.status(503).type('text/plain').send('The web client has not been built. Run `npm run build` (npm start does it for you).');
      return;
    }
    page ??= renderIndexPage(readFileSync(index, 'utf8'), settings);
    response.setHeader('Cache-Control', 'no-cache');
    response.type('html').send(page);
  });
  return router;
}
