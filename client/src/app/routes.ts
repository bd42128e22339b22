/** Client routes. The server returns index.html for every non-API path, so all of these load the app. */
export type Route =
  | { kind: 'landing' }
  | { kind: 'join'; code: string }
  | { kind: 'facilitator' }
  | { kind: 'exercise' }
  | { kind: 'board' }
  | { kind: 'red' };

export const facilitatorPath = '/facilitator';
export const exercisePath = '/exercise';
/** The observers' big-screen view. */
export const boardPath = '/board';
/** The red cell's console. */
export const redPath = '/red';

export function parseRoute(pathname: string): Route {
  const join = /^\/join(?:\/([^/]*))?\/?$/.exec(pathname);
  if (join) {
    return { kind: 'join', code: decodePathPart(join[1] ?? '').toUpperCase() };
  }
  if (pathname === facilitatorPath) {
    return { kind: 'facilitator' };
  }
  if (pathname === exercisePath) {
    return { kind: 'exercise' };
  }
  if (pathname === boardPath) {
    return { kind: 'board' };
  }
  if (pathname === redPath) {
    return { kind: 'red' };
  }
  return { kind: 'landing' };
}

export function joinPath(code: string): string {
  return `/join/${encodeURIComponent(code)}`;
}

function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    // A malformed escape such as `%E0` cannot be a join code; start with an empty field instead.
    return '';
  }
}
