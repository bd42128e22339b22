import { z } from 'zod';
import path from 'node:path';
import { Limits } from '../shared/limits.js';

/**
 * Every setting of the server, read once from the environment. An invalid value stops the start
 * with the variable's name and the reason, so a typo never runs silently on a default.
 */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Address participants open, used in join links and QR codes, for example http://10.0.0.5:3000. */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http or https URL such as http://10.0.0.5:3000' }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  SCENARIOS_DIR: z.string().min(1).default('./scenarios'),
  /** Facilitator sign-in token. When unset, one is generated and stored in the data dir. */
  FACILITATOR_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Milliseconds a query may run before it is cancelled. */
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Memory limit of the query worker's DuckDB, in DuckDB's notation (for example 1GB). */
  QUERY_MEMORY_LIMIT: z.string().regex(/^\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)$/i, 'must be a size such as 512MB or 2GB').default('1GB'),
  /** Rows a query returns at most; the total is still counted and the result flagged as truncated. */
  QUERY_MAX_ROWS: z.coerce.number().int().min(1).max(100_000).default(1_000),
  /** Characters of SQL a participant may send in one query. */
  QUERY_MAX_SQL_LENGTH: z.coerce.number().int().min(100).max(Limits.sqlMaxLengthCeiling).default(Limits.sqlMaxLength),
  /** Queries of one team that may run at the same time. */
  QUERY_TEAM_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(2),
  /** Queries one participant may start per minute. */
  QUERY_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
});

export interface Config {
  port: number;
  host: string;
  /** Base URL for join links; unset means the facilitator's browser address is used. */
  publicUrl?: string | undefined;
  dataDir: string;
  scenariosDir: string;
  facilitatorToken: string | undefined;
  env: 'development' | 'production' | 'test';
  logLevel: string;
  queryTimeoutMs: number;
  queryMemoryLimit: string;
  queryMaxRows: number;
  queryMaxSqlLength: number;
  queryTeamConcurrency: number;
  queryRatePerMinute: number;
}

export class ConfigError extends Error {}

/** Parse the environment into a Config, or throw a ConfigError that names each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const values = parsed.data;
  return {
    port: values.PORT,
    host: values.HOST,
    publicUrl: values.PUBLIC_URL?.replace(/\/+$/, ''),
    dataDir: path.resolve(values.DATA_DIR),
    scenariosDir: path.resolve(values.SCENARIOS_DIR),
    facilitatorToken: values.FACILITATOR_TOKEN,
    env: values.NODE_ENV,
    logLevel: values.LOG_LEVEL,
    queryTimeoutMs: values.QUERY_TIMEOUT_MS,
    queryMemoryLimit: values.QUERY_MEMORY_LIMIT,
    queryMaxRows: values.QUERY_MAX_ROWS,
    queryMaxSqlLength: values.QUERY_MAX_SQL_LENGTH,
    queryTeamConcurrency: values.QUERY_TEAM_CONCURRENCY,
    queryRatePerMinute: values.QUERY_RATE_PER_MINUTE,
  };
}
