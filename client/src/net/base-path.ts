/**
 * The path the app is served under, read at run time from the `<base href>` that the server
 * writes into index.html (BASE_PATH). Always ends with `/`: `/` at the root, `/ir-lab/` under a prefix.
 */
export function basePath(): string {
  return new URL('.', document.baseURI).pathname;
}

/** An app path such as `/api/join` placed under the base path. */
export function appUrl(path: string): string {
  return `${basePath()}${path.replace(/^\//, '')}`;
}

/**
 * The address participants open, as the server's PUBLIC_URL setting gives it in a meta tag of
 * index.html; without it, this browser's own address of the app. Never ends with `/`.
 */
export function publicAppUrl(): string {
  const configured = document.querySelector<HTMLMetaElement>('meta[name="cloud-ir-lab-public-url"]')?.content;
  if (configured) return configured.replace(/\/$/, '');
  return `${window.location.origin}${basePath()}`.replace(/\/$/, '');
}

/** The app path of this page, without the base path: `/join/ABC123` also under a prefix. */
export function currentAppPath(): string {
  const { pathname } = window.location;
  const base = basePath();
  return pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : pathname;
}
