import { createHmac } from 'node:crypto';

/**
 * Replaces account ids, IPv4 addresses and user names in imported records, consistently (one
 * value always gets the same replacement, in every field and file) and deterministically (the
 * same input and salt give the same output). Replacements come from an HMAC of the value:
 * 12-digit account ids, private addresses in 10.0.0.0/8, other addresses in 100.64.0.0/10, and
 * user names as `user-` plus 8 hex digits.
 *
 * NOTE: Without a salt anyone can reverse the mapping by hashing every IPv4 address or a list of
 * likely names, so pass a secret salt when the output leaves your hands. IPv6 addresses, access
 * key ids and role names are kept.
 */
export class Anonymizer {
  private readonly names = new Set<string>();
  private readonly mapped = new Map<string, string>();
  private readonly used = new Set<string>();
  private namePattern: RegExp | undefined;

  constructor(private readonly salt = '') {}

  /** Notes the user names a CloudTrail record or finding contains; call for every item before `apply`. */
  collect(value: unknown): void {
    collectNames(value, this.names);
    this.namePattern = undefined;
  }

  /** Returns a deep copy of `value` with every string anonymized. */
  apply<T>(value: T): T {
    return this.deep(value) as T;
  }

  private deep(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.deep(item));
    if (typeof value !== 'object' || value === null) return value;
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) result[key] = this.deep(child);
    return result;
  }

  private text(value: string): string {
    let result = value;
    const pattern = this.pattern();
    if (pattern) result = result.replace(pattern, (name) => this.replacement('user', name));
    // Bounded by anything but a digit or a dotted number, so `bucket-123456789012.s3` matches too,
    // and by URL escapes, which IAM uses for policy documents (`%22123456789012%22`).
    result = result.replace(/(?:(?<=%[0-9A-Fa-f]{2})|(?<!\d)(?<!\d\.))\d{12}(?!\d)(?!\.\d)/g, (account) => this.replacement('account', account));
    result = result.replace(/(?:(?<=%[0-9A-Fa-f]{2})|(?<!\d)(?<!\d\.))(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?!\d)(?!\.\d)/g, (address, ...octets: string[]) =>
      octets.slice(0, 4).every((octet) => Number(octet) <= 255) ? this.replacement('ip', address) : address,
    );
    return result;
  }

  private pattern(): RegExp | undefined {
    if (this.namePattern || this.names.size === 0) return this.namePattern;
    const alternatives = [...this.names].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escapeRegExp);
    // A name may be followed by "-": SSM session ids are the user name, a hyphen and a random part.
    this.namePattern = new RegExp(`(?:(?<=%[0-9A-Fa-f]{2})|(?<![A-Za-z0-9._@+=-]))(?:${alternatives.join('|')})(?![A-Za-z0-9._@+=])`, 'g');
    return this.namePattern;
  }

  private replacement(kind: 'user' | 'account' | 'ip', original: string): string {
    const key = `${kind}\0${original}`;
    const known = this.mapped.get(key);
    if (known) return known;
    // A collision between two originals is resolved by hashing again with a counter.
    for (let attempt = 0; ; attempt++) {
      const digest = createHmac('sha256', this.salt).update(`${key}\0${attempt}`).digest();
      const candidate = format(kind, original, digest);
      if (!this.used.has(candidate)) {
        this.used.add(candidate);
        this.mapped.set(key, candidate);
        return candidate;
      }
    }
  }
}

function format(kind: 'user' | 'account' | 'ip', original: string, digest: Buffer): string {
  if (kind === 'user') return `user-${digest.toString('hex').slice(0, 8)}`;
  if (kind === 'account') return String(digest.readBigUInt64BE(0) % 900_000_000_000n + 100_000_000_000n);
  const [first, second] = original.split('.').map(Number) as [number, number];
  const isPrivate = first === 10 || (first === 172 && second >= 16 && second <= 31) || (first === 192 && second === 168);
  if (isPrivate) return `10.${digest[0]}.${digest[1]}.${digest[2]}`;
  // 100.64.0.0/10: the second octet runs from 64 to 127.
  return `100.${64 + (digest[0]! & 0x3f)}.${digest[1]}.${digest[2]}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Names that are not personal and stay as they are. */
const KeptNames = new Set(['root', 'HIDDEN_DUE_TO_SECURITY_REASONS', 'AWS Internal', 'ANONYMOUS_PRINCIPAL']);

function addName(names: Set<string>, value: unknown): void {
  if (typeof value !== 'string' || value.length < 2 || KeptNames.has(value) || /^\d+$/.test(value)) return;
  names.add(value);
}

function collectNames(value: unknown, names: Set<string>, parentKey = ''): void {
  if (Array.isArray(value)) {
    value.forEach((item) => collectNames(item, names, parentKey));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    // A session issuer's userName is the name of the role, which is kept.
    if ((key === 'userName' || key === 'UserName') && parentKey !== 'sessionIssuer') addName(names, child);
    if ((key === 'arn' || key === 'Arn' || key === 'ARN') && typeof child === 'string') {
      const user = /:user\/(?:.*\/)?([^/]+)$/.exec(child);
      if (user) addName(names, user[1]);
      const session = /:assumed-role\/[^/]+\/(.+)$/.exec(child);
      if (session) addName(names, session[1]);
    }
    if (typeof child === 'object') collectNames(child, names, key);
  }
}
