import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { QueryHistoryEntry } from '../../shared/model.js';
import type { AppLogger } from '../logger.js';

/** One line of an exercise's query log. */
const LoggedQuery = z.object({
  teamId: z.string().min(1),
  entry: z.object({
    id: z.string(),
    sql: z.string(),
    playerId: z.string(),
    displayName: z.string(),
    ranAt: z.string(),
    ok: z.boolean(),
    rowCount: z.number().nullable(),
    elapsedMs: z.number().nullable(),
    errorCode: z.string().nullable(),
  }),
});
export type LoggedQuery = z.infer<typeof LoggedQuery>;

const SafeId = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Every query a team ran, appended as one JSON line per query to `<dir>/<exerciseId>.jsonl`, so
 * the team's history and the after-action report survive a restart. Appends to one file never
 * overlap. A line cut short by a crash is skipped when the file is read.
 */
export class QueryLog {
  private readonly pending = new Map<string, Promise<void>>();

  constructor(
    private readonly dir: string,
    private readonly logger: AppLogger,
  ) {}

  private fileOf(exerciseId: string): string | null {
    return SafeId.test(exerciseId) ? path.join(this.dir, `${exerciseId}.jsonl`) : null;
  }

  /** Queue one query for the exercise's log and resolve once it is written. A failure is logged, not thrown. */
  append(exerciseId: string, line: LoggedQuery): Promise<void> {
    const file = this.fileOf(exerciseId);
    if (!file) {
      this.logger.warn({ exerciseId }, 'query history not saved: the exercise id is not a safe file name');
      return Promise.resolve();
    }
    const previous = this.pending.get(exerciseId) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        await mkdir(this.dir, { recursive: true });
        await appendFile(file, `${JSON.stringify(line)}\n`, 'utf8');
      })
      .catch((error: unknown) => this.logger.error({ err: error, exerciseId }, 'query history could not be saved'));
    this.pending.set(exerciseId, next);
    void next.then(() => {
      if (this.pending.get(exerciseId) === next) this.pending.delete(exerciseId);
    });
    return next;
  }

  /** Read every logged query of the exercise, oldest first, after the queued appends are written. */
  async read(exerciseId: string): Promise<LoggedQuery[]> {
    const file = this.fileOf(exerciseId);
    if (!file) return [];
    await this.pending.get(exerciseId);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const lines: LoggedQuery[] = [];
    let skipped = 0;
    for (const raw of text.split('\n')) {
      if (raw.trim() === '') continue;
      const parsed = LoggedQuery.safeParse(safeJson(raw));
      if (parsed.success) lines.push(parsed.data);
      else skipped += 1;
    }
    if (skipped > 0) this.logger.warn({ exerciseId, skipped }, 'unreadable lines in the query history were skipped');
    return lines;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Pick one team's entries from a log, newest first. */
export function teamEntries(lines: LoggedQuery[], teamId: string): QueryHistoryEntry[] {
  return lines
    .filter((line) => line.teamId === teamId)
    .map((line) => line.entry)
    .reverse();
}
