import pino, { type Logger } from 'pino';

/** Log categories. Each log line carries one, so operators can filter by area. */
export type LogCategory = 'http' | 'realtime' | 'collab' | 'store' | 'query' | 'exercise' | 'lifecycle';

export type AppLogger = Logger;

/**
 * Create the root logger: JSON lines in production, readable lines in development.
 * Callers log ids (exercise, team, player) and never tokens, answers or query results.
 */
export function createLogger(options: { level: string; pretty: boolean }): AppLogger {
  return pino({
    level: options.level,
    redact: { paths: ['token', '*.token', 'auth', '*.auth', 'answer', '*.answer', 'sql', '*.sql'], censor: '[redacted]' },
    transport: options.pretty ? { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname' } } : undefined,
  });
}

export function categoryLogger(root: AppLogger, category: LogCategory): AppLogger {
  return root.child({ category });
}
