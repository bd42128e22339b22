/**
 * Return the path the app is served under, read at run time from the `<base href>` that the server
 * writes into index.html (BASE_PATH). Always ends with `/`: `/` at the root, `/ir-lab/` under a prefix.
 */
export function basePath(): string {
  return new URL('.', document.baseURI).pathname;
}

/** Place an app path such as `/api/join` under the base path. */
export function appUrl(path: string): string {
  return `${basePath()}${path.replace(/^\//, '')}`;
}

/**
 * Return the address participants open, without a trailing `/`. It is the server's PUBLIC_URL,
 * read from a meta tag in index.html, or else this browser's own address of the app.
 */
export function publicAppUrl(): string {
  const configured = document.querySelector<HTMLMetaElement>('meta[name="cloud-ir-lab-public-url"]')?.content;
  if (configured) return configured.replace(/\/$/, '');
  return `${window.location.origin}${basePath()}`.replace(/\/$/, '');
}

/** Return this page's app path without the base path, for example `/join/ABC123` under any prefix. */
export function currentAppPath(): string {
  const { pathname } = window.location;
  const base = basePath();
  return pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : pathname;
}
