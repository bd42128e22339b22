import { z } from 'zod';

/** A whole number from `min` to `max`, read from a string; the message names the range and unit. */
export function integerVariable(min: number, max: number, fallback: number, unit = '') {
  const message = `must be a whole number from ${min} to ${max}${unit ? ` (${unit})` : ''}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message).default(fallback);
}

/**
 * Express's `trust proxy` setting: `false` (default), `true`, a hop count, or a comma-separated
 * list of addresses, subnets or the names loopback, linklocal and uniquelocal.
 */
export const TrustProxy = z
  .string()
  .default('false')
  .transform((value, context): boolean | number | string => {
    const text = value.trim();
    if (text === 'false' || text === '') return false;
    if (text === 'true') return true;
    if (/^\d+$/.test(text)) return Number(text);
    if (/^[\w.:/,\s-]+$/.test(text)) return text;
    context.addIssue({ code: 'custom', message: 'must be true, false, a hop count, or a comma-separated list of proxy addresses or subnets' });
    return z.NEVER;
  });

/** The path prefix the app is served under behind a proxy: empty, or `/name` with no trailing slash. */
export const BasePath = z
  .string()
  .default('')
  .transform((value) => (value === '/' ? '' : value.replace(/\/$/, '')))
  .refine((value) => value === '' || /^(\/[A-Za-z0-9._~-]+)+$/.test(value), 'must be empty or a path such as /ir-lab (letters, digits, . _ ~ - only)');

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

/** Comma-separated browser origins (scheme, host and port, nothing else) allowed besides the app's own. */
export const AllowedOrigins = z
  .string()
  .default('')
  .transform((value) => value.split(',').map((part) => part.trim().replace(/\/$/, '')).filter((part) => part !== ''))
  .refine((origins) => origins.every(isOrigin), 'must be a comma-separated list of origins such as https://lab.example.com (no path)');

/** The address participants open, such as https://lab.example.com/ir-lab; join links start with it. */
export const PublicUrl = z
  .string()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.search === '' && url.hash === '';
    } catch {
      return false;
    }
  }, 'must be an http or https URL without query or fragment, such as https://lab.example.com')
  .transform((value) => value.replace(/\/$/, ''))
  .optional();
