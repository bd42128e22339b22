import type { Random } from './prng.js';

/** Identifier formats that AWS uses in CloudTrail records and GuardDuty findings. */

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base32(bytes: readonly number[]): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET.charAt((buffer >>> (bits - 5)) & 31);
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) {
    out += BASE32_ALPHABET.charAt((buffer << (5 - bits)) & 31);
  }
  return out;
}

/** Returns a random version 4 UUID, the form of CloudTrail eventID and most requestIDs. */
export function uuid(rng: Random): string {
  const hex = rng.hex(32).split('');
  hex[12] = '4';
  hex[16] = '89ab'.charAt(Number.parseInt(hex[16] ?? '0', 16) & 3);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Returns an S3 request id: 16 upper-case letters and digits. */
export function s3RequestId(rng: Random): string {
  return rng.upperAlphanumeric(16);
}

/** Returns an S3 extended request id (`x-amz-id-2`), a base64 string of 76 characters. */
export function s3ExtendedRequestId(rng: Random): string {
  return `${rng.string(75, BASE64_ALPHABET)}=`;
}

/** Returns a base64 string of `length` characters, used for session tokens. */
export function base64Text(rng: Random, length: number): string {
  return rng.string(length, BASE64_ALPHABET);
}

/** Returns an EC2-style resource id such as `i-0` plus 16 hex digits (17 hex digits in all). */
export function ec2ResourceId(prefix: string, rng: Random): string {
  return `${prefix}-0${rng.hex(16)}`;
}

export type UniqueIdPrefix = 'AKIA' | 'ASIA' | 'AIDA' | 'AROA' | 'AGPA' | 'ANPA';

/**
 * Returns a 20- or 21-character IAM identifier that encodes `accountId` in the layout of AWS ids.
 *
 * After the 4-letter prefix comes base32 of 10 bytes. The first 6 bytes hold the account id shifted
 * left by 7 bits, so `accountIdFromUniqueId` recovers it. Access key ids (AKIA, ASIA) are 20
 * characters long. User and role ids (AIDA, AROA) add one more base32 character. Ids of all four
 * prefixes in CloudTrail records from 2023 decode to their account this way.
 */
export function awsUniqueId(prefix: UniqueIdPrefix, accountId: string, rng: Random): string {
  const head = (BigInt(accountId) << 7n) | BigInt(rng.int(0, 127));
  const bytes: number[] = [];
  for (let shift = 40n; shift >= 0n; shift -= 8n) {
    bytes.push(Number((head >> shift) & 0xffn));
  }
  bytes.push(...rng.bytes(4));
  const body = base32(bytes);
  const tail = prefix === 'AIDA' || prefix === 'AROA' ? rng.string(1, BASE32_ALPHABET) : '';
  return `${prefix}${body}${tail}`;
}

/** Decodes the account id from an IAM id in the layout that `awsUniqueId` writes. */
export function accountIdFromUniqueId(id: string): string {
  const body = id.slice(4, 20);
  let value = 0n;
  for (const char of body) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index < 0) {
      throw new Error(`invalid base32 character "${char}" in IAM id ${id}`);
    }
    value = (value << 5n) | BigInt(index);
  }
  // 16 base32 characters carry 80 bits: the first 48 are the account field.
  const head = value >> 32n;
  return ((head & 0x7fffffffff80n) >> 7n).toString().padStart(12, '0');
}
