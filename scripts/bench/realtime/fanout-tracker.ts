import type { LatencyRecorder } from './stats.js';

interface Pending {
  sentAt: number;
  expected: number;
  received: number;
  firstDeliveryAt: number | null;
}

/**
 * Matches deliveries of one message to its send: `sent(key, expected)` starts the clock before
 * the message is emitted, and each `delivered(key)` records the time since then. Deliveries of
 * unknown keys (late, or for a message sent before tracking began) are ignored.
 */
export class FanoutTracker {
  private readonly pending = new Map<string, Pending>();
  private missed = 0;

  constructor(
    private readonly recorder: LatencyRecorder,
    private readonly onFirstDelivery?: (key: string, at: number, latencyMs: number) => void,
  ) {}

  sent(key: string, expected: number): void {
    this.settle(key);
    this.pending.set(key, { sentAt: performance.now(), expected, received: 0, firstDeliveryAt: null });
  }

  delivered(key: string): void {
    const entry = this.pending.get(key);
    if (!entry) return;
    const now = performance.now();
    this.recorder.record(now - entry.sentAt);
    entry.received += 1;
    if (entry.firstDeliveryAt === null) {
      entry.firstDeliveryAt = now;
      this.onFirstDelivery?.(key, now, now - entry.sentAt);
    }
    if (entry.received >= entry.expected) this.pending.delete(key);
  }

  /** True once every expected delivery of `key` has arrived (or it was never sent). */
  complete(key: string): boolean {
    return !this.pending.has(key);
  }

  /** Stops waiting for `key` without counting anything as missed, for a message that was never sent. */
  cancel(key: string): void {
    this.pending.delete(key);
  }

  /** Stops waiting for `key` and counts its deliveries that have not arrived as missed. */
  settle(key: string): void {
    const entry = this.pending.get(key);
    if (!entry) return;
    this.missed += entry.expected - entry.received;
    this.pending.delete(key);
  }

  /** Settles every key still pending and returns the number of deliveries missed so far. */
  settleAll(): number {
    for (const key of [...this.pending.keys()]) this.settle(key);
    return this.missed;
  }

  resetMissed(): void {
    this.missed = 0;
  }
}
