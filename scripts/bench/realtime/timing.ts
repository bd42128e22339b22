/** Small timing helpers shared by the bench's drivers. */

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** Returns a random duration within ±`spread` (0–1) of `meanMs`, so clients do not act in lockstep. */
export function jitter(meanMs: number, spread = 0.5): number {
  return meanMs * (1 - spread + Math.random() * 2 * spread);
}

/** Returns a random element of a non-empty list. */
export function pick<T>(items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('cannot pick from an empty list');
  return items[Math.floor(Math.random() * items.length)]!;
}

/** Polls `condition` every 50 ms until it holds; returns false if `timeoutMs` passes first. */
export async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}
