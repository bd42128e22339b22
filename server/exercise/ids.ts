import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { Limits } from '../../shared/limits.js';

/** Random id for records: 16 hex characters. */
export function newId(): string {
  return randomBytes(8).toString('hex');
}

/** Letters and digits that cannot be mistaken for one another when read aloud or off a screen. */
const JoinCodeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < Limits.joinCodeLength; i++) code += JoinCodeAlphabet[randomInt(JoinCodeAlphabet.length)];
  return code;
}

/** A sign-in token with 256 bits of entropy. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compare two secrets in constant time. */
export function secretsEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}
