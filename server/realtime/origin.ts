import type { IncomingMessage } from 'node:http';

/**
 * Check that a handshake's Origin header names the host the request was sent to. Browsers send
 * Origin on every WebSocket handshake and cross-origin request, so a page on another site cannot
 * open a socket with a token it obtained. Clients outside a browser send no Origin and are let
 * through, because they need a valid token anyway.
 * NOTE: a deployment behind a proxy that rewrites Host must keep the public host in Host.
 */
export function isSameOrigin(request: IncomingMessage, allowedOrigins: readonly string[] = []): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  // ALLOWED_ORIGINS: origins a proxy serves the app under when it rewrites Host.
  if (allowedOrigins.includes(origin.replace(/\/$/, ''))) return true;
  const host = request.headers.host;
  if (!host) return false;
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}
