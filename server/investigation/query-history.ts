import { Limits } from '../../shared/limits.js';
import type { QueryHistoryEntry } from '../../shared/model.js';
import { teamEntries, type QueryLog } from './query-log.js';

/** Teams whose history is kept in memory at most; the team that queried least recently is dropped first. */
export const HistoryTeamsMax = 1_000;

/**
 * The recent queries of each team, newest first, shared by its members. Memory keeps the latest
 * few per team, and the query log on disk keeps them all. The log refills memory after a restart
 * and after a team's history was dropped from memory.
 */
export class QueryHistory {
  /** Histories in the order their teams last queried, least recent first. */
  private readonly byTeam = new Map<string, QueryHistoryEntry[]>();
  private readonly loaded = new Map<string, Promise<void>>();

  constructor(
    private readonly log: QueryLog,
    private readonly teamsMax = HistoryTeamsMax,
  ) {}

  /** Read an exercise's log into memory, the first time its history is used after a start or a drop. */
  private load(exerciseId: string): Promise<void> {
    let loading = this.loaded.get(exerciseId);
    if (!loading) {
      loading = this.log.read(exerciseId).then(
        (lines) => {
          for (const key of [...this.byTeam.keys()]) if (key.startsWith(`${exerciseId}/`)) this.byTeam.delete(key);
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
    this.byTeam.delete(key);
    this.byTeam.set(key, entries);
    for (const oldest of this.byTeam.keys()) {
      if (this.byTeam.size <= this.teamsMax) break;
      this.byTeam.delete(oldest);
      // The dropped team's exercise is read from the log again when next used.
      this.loaded.delete(oldest.slice(0, oldest.indexOf('/')));
    }
  }

  /** Count of teams whose history is in memory. */
  get teams(): number {
    return this.byTeam.size;
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
