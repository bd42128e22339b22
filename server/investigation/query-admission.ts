import { ErrorCode } from '../../shared/errors.js';
import { AppError } from '../exercise/errors.js';

export interface AdmissionLimits {
  /** Queries of one team that may run at the same time. */
  teamConcurrency: number;
  /** Queries one participant may start in any 60-second window. */
  ratePerMinute: number;
}

const WindowMs = 60_000;

/**
 * Decides whether a participant's query may start: at most `teamConcurrency` running per team
 * and `ratePerMinute` started per participant. State is in memory and resets on restart.
 */
export class QueryAdmission {
  private readonly runningByTeam = new Map<string, number>();
  private readonly startsByPlayer = new Map<string, number[]>();
  private lastSweepAt = 0;

  constructor(
    private readonly limits: AdmissionLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Admit a query or throw RATE_LIMITED; call the returned function when the query ends. */
  admit(teamId: string, playerId: string): () => void {
    const now = this.now();
    this.sweep(now);
    const starts = (this.startsByPlayer.get(playerId) ?? []).filter((time) => time > now - WindowMs);
    if (starts.length >= this.limits.ratePerMinute) {
      const waitSeconds = Math.ceil((starts[0]! + WindowMs - now) / 1000);
      throw new AppError(
        ErrorCode.RateLimited,
        `You started ${starts.length} queries in the last minute, the maximum per participant. Run the next one in ${waitSeconds} s.`,
      );
    }
    const running = this.runningByTeam.get(teamId) ?? 0;
    if (running >= this.limits.teamConcurrency) {
      throw new AppError(
        ErrorCode.RateLimited,
        `Your team already has ${running} queries running, the maximum at a time. Wait for one to finish or cancel it.`,
      );
    }

    starts.push(now);
    this.startsByPlayer.set(playerId, starts);
    this.runningByTeam.set(teamId, running + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.runningByTeam.get(teamId) ?? 1) - 1;
      if (left > 0) this.runningByTeam.set(teamId, left);
      else this.runningByTeam.delete(teamId);
    };
  }

  /** Count of participants whose start times are kept. */
  get trackedPlayers(): number {
    return this.startsByPlayer.size;
  }

  /**
   * Forget participants whose last start is older than the window, at most once per window, so
   * players who left (or whose exercise ended) do not keep an entry for the life of the process.
   */
  private sweep(now: number): void {
    if (now - this.lastSweepAt < WindowMs) return;
    this.lastSweepAt = now;
    for (const [playerId, starts] of this.startsByPlayer) {
      if (starts.every((time) => time <= now - WindowMs)) this.startsByPlayer.delete(playerId);
    }
  }
}
