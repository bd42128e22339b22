import pino, { type DestinationStream, type Logger } from 'pino';

/** Log categories. Each log line carries one, so operators can filter by area. */
export type LogCategory = 'http' | 'realtime' | 'collab' | 'store' | 'query' | 'exercise' | 'lifecycle';

export type AppLogger = Logger;

/**
 * Field names whose values are replaced by `[redacted]` wherever a caller passes them by mistake.
 * Callers log ids (exercise, team, player) and never tokens, answers, SQL text or query results.
 */
const RedactedFields = ['token', 'playerToken', 'auth', 'authorization', 'answer', 'sql', 'rows', 'result'];

/**
 * Create the root logger: JSON lines in production and test, readable colored lines in development.
 * `destination` replaces stdout for JSON output, so a test can read every line that was written.
 */
export function createLogger(options: { level: string; pretty: boolean; destination?: DestinationStream }): AppLogger {
  const settings = {
    level: options.level,
    redact: { paths: RedactedFields.flatMap((field) => [field, `*.${field}`]), censor: '[redacted]' },
  };
  if (options.pretty) {
    return pino({ ...settings, transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname' } } });
  }
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

export function categoryLogger(root: AppLogger, category: LogCategory): AppLogger {
  return root.child({ category });
}
