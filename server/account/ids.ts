import { createHash } from 'node:crypto';

/**
 * Identifiers derived from a seed, so the same call in a replay or a test gets the same ids.
 * Each `purpose` (such as `eventID` or `accessKey`) gives an independent value for one seed.
 */

function digest(seed: string, purpose: string): Buffer {
  return createHash('sha256').update(`${purpose}\u0000${seed}`).digest();
}

/** Derive a random-looking version 4 UUID, the shape of CloudTrail's eventID and IAM's requestID. */
export function uuidFrom(seed: string, purpose: string): string {
  const bytes = digest(seed, purpose).subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const Base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const Alphanumeric = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function encode(seed: string, purpose: string, alphabet: string, length: number): string {
  const bytes = digest(seed, purpose);
  let text = '';
  for (let index = 0; index < length; index += 1) text += alphabet[bytes[index % bytes.length]! % alphabet.length];
  return text;
}

/** Derive an IAM unique id such as `AKIA` plus 16 characters, the shape of access key and user ids. */
export function iamIdFrom(prefix: string, seed: string, purpose: string): string {
  return prefix + encode(seed, purpose, Base32, 20 - prefix.length);
}

/** Derive a lower-case hexadecimal id such as the 17 digits of an instance id or GuardDuty's 32. */
export function hexIdFrom(seed: string, purpose: string, length: number): string {
  return digest(seed, purpose).toString('hex').slice(0, length);
}

/** Derive an S3 request id: 16 upper-case letters and digits. */
export function s3RequestIdFrom(seed: string): string {
  return encode(seed, 'requestID', Alphanumeric, 16);
}
