import { Limits } from '../../shared/limits.js';
import type { QueryHistoryEntry } from '../../shared/model.js';

/**
 * The recent queries of each team, newest first, shared by its members.
 * NOTE: kept in memory only, so the history starts empty after a server restart.
 */
export class QueryHistory {
  private readonly byTeam = new Map<string, QueryHistoryEntry[]>();

  add(exerciseId: string, teamId: string, entry: QueryHistoryEntry): void {
    const key = `${exerciseId}/${teamId}`;
    const entries = this.byTeam.get(key) ?? [];
    entries.unshift(entry);
    entries.length = Math.min(entries.length, Limits.queryHistoryMax);
    this.byTeam.set(key, entries);
  }

  list(exerciseId: string, teamId: string): QueryHistoryEntry[] {
    return [...(this.byTeam.get(`${exerciseId}/${teamId}`) ?? [])];
  }
}
