/**
 * Returns 32 random hex characters. Uses getRandomValues because crypto.randomUUID exists only in
 * secure contexts, and the app may be served over plain HTTP on a local network.
 */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
