/**
 * Seeded pseudo-random numbers for scenario data. Scenario packs must rebuild byte for byte, so
 * nothing here reads the clock or Math.random.
 */

/** Hashes a string to a 32-bit seed with FNV-1a. */
export function seedFromLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const HEX_DIGITS = '0123456789abcdef';
const UPPER_ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A mulberry32 generator with the helpers that record builders need. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Creates a generator whose sequence depends only on `label`. */
  static fromLabel(label: string): Random {
    return new Random(seedFromLabel(label));
  }

  /** Returns a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Returns an integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Returns true with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) {
      throw new Error('Random.pick needs at least one item');
    }
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks an item with probability proportional to its weight. Weights must not all be zero. */
  pickWeighted<T>(items: readonly { weight: number; value: T }[]): T {
    const total = items.reduce((sum, item) => sum + item.weight, 0);
    let target = this.next() * total;
    for (const item of items) {
      target -= item.weight;
      if (target < 0) {
        return item.value;
      }
    }
    const last = items[items.length - 1];
    if (last === undefined) {
      throw new Error('Random.pickWeighted needs at least one item');
    }
    return last.value;
  }

  /** Returns `length` characters drawn from `alphabet`. */
  string(length: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < length; i++) {
      out += alphabet.charAt(Math.floor(this.next() * alphabet.length));
    }
    return out;
  }

  hex(length: number): string {
    return this.string(length, HEX_DIGITS);
  }

  upperAlphanumeric(length: number): string {
    return this.string(length, UPPER_ALPHANUMERIC);
  }

  /** Returns a byte array of the given length. */
  bytes(length: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < length; i++) {
      out.push(Math.floor(this.next() * 256));
    }
    return out;
  }
}
