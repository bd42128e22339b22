/**
 * Who is online and when each player and team last did something, as seen by this server process.
 * NOTE: kept in memory only. After a restart everyone starts offline until they reconnect, last
 * activity falls back to the stored answers, hints and join times, and query counts start at zero.
 */
export class ActivityTracker {
  /** Open Socket.IO connections by player id; a player with two tabs has two. */
  private readonly connections = new Map<string, number>();
  /** Epoch ms of each player's latest activity. */
  private readonly lastActive = new Map<string, number>();
  private readonly queries = new Map<string, number>();

  connected(playerId: string): void {
    this.connections.set(playerId, (this.connections.get(playerId) ?? 0) + 1);
  }

  disconnected(playerId: string): void {
    const left = (this.connections.get(playerId) ?? 0) - 1;
    if (left > 0) this.connections.set(playerId, left);
    else this.connections.delete(playerId);
  }

  isOnline(playerId: string): boolean {
    return this.connections.has(playerId);
  }

  /** Record that the player made a request or edited the team document at `at` (epoch ms). */
  touch(playerId: string, at: number): void {
    if (at > (this.lastActive.get(playerId) ?? 0)) this.lastActive.set(playerId, at);
  }

  lastActiveAt(playerId: string): number | null {
    return this.lastActive.get(playerId) ?? null;
  }

  queryRecorded(teamId: string): void {
    this.queries.set(teamId, (this.queries.get(teamId) ?? 0) + 1);
  }

  queriesRun(teamId: string): number {
    return this.queries.get(teamId) ?? 0;
  }
}
