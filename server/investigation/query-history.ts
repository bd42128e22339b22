import { Limits } from '../../shared/limits.js';
import type { QueryHistoryEntry } from '../../shared/model.js';

/** Teams whose history is kept at most; the team that queried least recently is dropped first. */
export const HistoryTeamsMax = 1_000;

/**
 * The recent queries of each team, newest first, shared by its members.
 * NOTE: kept in memory only, so the history starts empty after a server restart.
 */
export class QueryHistory {
  /** Histories in the order their teams last queried, least recent first. */
  private readonly byTeam = new Map<string, QueryHistoryEntry[]>();

  constructor(private readonly teamsMax = HistoryTeamsMax) {}

  add(exerciseId: string, teamId: string, entry: QueryHistoryEntry): void {
    const key = `${exerciseId}/${teamId}`;
    const entries = this.byTeam.get(key) ?? [];
    entries.unshift(entry);
    entries.length = Math.min(entries.length, Limits.queryHistoryMax);
    this.byTeam.delete(key);
    this.byTeam.set(key, entries);
    for (const oldest of this.byTeam.keys()) {
      if (this.byTeam.size <= this.teamsMax) break;
      this.byTeam.delete(oldest);
    }
  }

  /** Count of teams whose history is kept. */
  get teams(): number {
    return this.byTeam.size;
  }

  list(exerciseId: string, teamId: string): QueryHistoryEntry[] {
    return [...(this.byTeam.get(`${exerciseId}/${teamId}`) ?? [])];
  }
}
