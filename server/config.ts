import { z } from 'zod';
import path from 'node:path';
import { Limits } from '../shared/limits.js';
import { resolveSecretFiles, SecretVariables } from './config/env-files.js';
import { AllowedOrigins, BasePath, integerVariable, PublicUrl, TrustProxy } from './config/env-values.js';

/**
 * Every setting of the server, read once from the environment. An invalid value stops the start
 * with the variable's name, the value given and the reason, so a typo never runs silently on a default.
 */
const Env = z.object({
  PORT: integerVariable(0, 65_535, 3000, '0 picks a free port'),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  SCENARIOS_DIR: z.string().min(1, 'must not be empty').default('./scenarios'),
  /** Facilitator sign-in token. When unset, one is generated and stored in the data dir. */
  FACILITATOR_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  NODE_ENV: z.enum(['development', 'production', 'test'], 'must be development, production or test').default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'must be fatal, error, warn, info, debug, trace or silent').default('info'),
  TRUST_PROXY: TrustProxy,
  BASE_PATH: BasePath,
  ALLOWED_ORIGINS: AllowedOrigins,
  PUBLIC_URL: PublicUrl,
  /** Milliseconds a graceful shutdown may take before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: integerVariable(1_000, 600_000, 10_000, 'milliseconds'),
  /** Milliseconds a query may run before it is cancelled. */
  QUERY_TIMEOUT_MS: integerVariable(100, 600_000, 10_000, 'milliseconds'),
  /** Memory limit of the query worker's DuckDB, in DuckDB's notation (for example 1GB). */
  QUERY_MEMORY_LIMIT: z.string().regex(/^\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)$/i, 'must be a size such as 512MB or 2GB').default('1GB'),
  /** Rows a query returns at most; the total is still counted and the result flagged as truncated. */
  QUERY_MAX_ROWS: integerVariable(1, 100_000, 1_000, 'rows'),
  /** Characters of SQL a participant may send in one query. */
  QUERY_MAX_SQL_LENGTH: integerVariable(100, Limits.sqlMaxLengthCeiling, Limits.sqlMaxLength, 'characters'),
  /** Queries of one team that may run at the same time. */
  QUERY_TEAM_CONCURRENCY: integerVariable(1, 50, 2, 'queries'),
  /** Queries one participant may start per minute. */
  QUERY_RATE_PER_MINUTE: integerVariable(1, 10_000, 30, 'queries per minute'),
  /** DuckDB threads of each query worker. One keeps a runaway query from taking every core. */
  QUERY_THREADS: integerVariable(1, 64, 1, 'threads'),
});


/**
 * Prefixes that only this app's variables use. A variable with one of them that the app does not
 * know is most likely a typo (QUERY_TIMEOUT instead of QUERY_TIMEOUT_MS), so it stops the start.
 */
const AppPrefixes = ['CLOUD_IR_LAB_', 'QUERY_'];

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  scenariosDir: string;
  facilitatorToken: string | undefined;
  env: 'development' | 'production' | 'test';
  logLevel: string;
  /** Express's `trust proxy` value: which proxies may set X-Forwarded-For and X-Forwarded-Proto. */
  trustProxy: boolean | number | string;
  /** Path prefix of every route (app, API, Socket.IO, Yjs), empty or `/name` without trailing slash. */
  basePath: string;
  /** Browser origins accepted on the socket handshake and collab upgrade besides the request's own host. */
  allowedOrigins: string[];
  /** Public address that join links start with; unset means the facilitator's own address. */
  publicUrl: string | undefined;
  shutdownTimeoutMs: number;
  queryTimeoutMs: number;
  queryMemoryLimit: string;
  queryMaxRows: number;
  queryMaxSqlLength: number;
  queryTeamConcurrency: number;
  queryRatePerMinute: number;
  queryThreads: number;
}

export class ConfigError extends Error {}

const KnownVariables = new Set<string>(Object.keys(Env.shape));
const SecretNames = new Set<string>(SecretVariables);

function describeValue(name: string, env: NodeJS.ProcessEnv): string {
  const value = env[name];
  if (value === undefined) return `${name} (not set)`;
  if (SecretNames.has(name)) return `${name} (value hidden, ${value.length} characters)`;
  return `${name}="${value}"`;
}

function unknownVariables(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(env)
    .filter((name) => AppPrefixes.some((prefix) => name.startsWith(prefix)) && !KnownVariables.has(name))
    .sort()
    .map((name) => `${name} is not a known setting. Remove it or fix its name (see .env.example).`);
}

/**
 * Parse the environment into a Config, or throw a ConfigError that lists every unknown or invalid
 * variable with the value given (secrets only by length). `<SECRET>_FILE` variables are read here.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const secrets = resolveSecretFiles(env);
  const problems = [...secrets.problems, ...unknownVariables(env)];

  const parsed = Env.safeParse(secrets.env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '');
      problems.push(`${describeValue(name, secrets.env)}: ${issue.message}`);
    }
  }
  if (problems.length > 0 || !parsed.success) {
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }

  const values = parsed.data;
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir: path.resolve(values.DATA_DIR),
    scenariosDir: path.resolve(values.SCENARIOS_DIR),
    facilitatorToken: values.FACILITATOR_TOKEN,
    env: values.NODE_ENV,
    logLevel: values.LOG_LEVEL,
    trustProxy: values.TRUST_PROXY,
    basePath: values.BASE_PATH,
    allowedOrigins: values.ALLOWED_ORIGINS,
    publicUrl: values.PUBLIC_URL,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
    queryTimeoutMs: values.QUERY_TIMEOUT_MS,
    queryMemoryLimit: values.QUERY_MEMORY_LIMIT,
    queryMaxRows: values.QUERY_MAX_ROWS,
    queryMaxSqlLength: values.QUERY_MAX_SQL_LENGTH,
    queryTeamConcurrency: values.QUERY_TEAM_CONCURRENCY,
    queryRatePerMinute: values.QUERY_RATE_PER_MINUTE,
    queryThreads: values.QUERY_THREADS,
  };
}

