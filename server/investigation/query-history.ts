import { Limits } from '../../shared/limits.js';
import type { QueryHistoryEntry } from '../../shared/model.js';
import { teamEntries, type QueryLog } from './query-log.js';

/**
 * The recent queries of each team, newest first, shared by its members. Memory keeps the latest
 * few per team, and the query log on disk keeps them all and refills memory after a restart.
 */
export class QueryHistory {
  private readonly byTeam = new Map<string, QueryHistoryEntry[]>();
  private readonly loaded = new Map<string, Promise<void>>();

  constructor(private readonly log: QueryLog) {}

  /** Read an exercise's log into memory once, the first time the exercise's history is used. */
  private load(exerciseId: string): Promise<void> {
    let loading = this.loaded.get(exerciseId);
    if (!loading) {
      loading = this.log.read(exerciseId).then(
        (lines) => {
          for (const line of lines) this.remember(exerciseId, line.teamId, line.entry);
        },
        // An unreadable log leaves the history empty, and the next use tries again.
        () => void this.loaded.delete(exerciseId),
      );
      this.loaded.set(exerciseId, loading);
    }
    return loading;
  }

  private remember(exerciseId: string, teamId: string, entry: QueryHistoryEntry): void {
    const key = `${exerciseId}/${teamId}`;
    const entries = this.byTeam.get(key) ?? [];
    entries.unshift(entry);
    entries.length = Math.min(entries.length, Limits.queryHistoryMax);
    this.byTeam.set(key, entries);
  }

  /** Add a finished query to memory and to the log, and resolve once it is written. */
  async add(exerciseId: string, teamId: string, entry: QueryHistoryEntry): Promise<void> {
    await this.load(exerciseId);
    this.remember(exerciseId, teamId, entry);
    await this.log.append(exerciseId, { teamId, entry });
  }

  /** List the team's latest queries, newest first. */
  async list(exerciseId: string, teamId: string): Promise<QueryHistoryEntry[]> {
    await this.load(exerciseId);
    return [...(this.byTeam.get(`${exerciseId}/${teamId}`) ?? [])];
  }

  /** Read every query the team ran in the exercise from the log, newest first. */
  async all(exerciseId: string, teamId: string): Promise<QueryHistoryEntry[]> {
    return teamEntries(await this.log.read(exerciseId), teamId);
  }
}
