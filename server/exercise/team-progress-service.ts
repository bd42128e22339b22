import type { ProgressUpdate } from '../../shared/model.js';
import type { ParticipantPrincipal } from './principal.js';
import { findExercise, type ExerciseContext } from './context.js';
import { buildTeamProgress } from './team-progress.js';
import { ActivityTracker } from './team-progress-activity.js';
import { DocStatsCache, EmptyDocStats, type TeamDocStats } from './team-progress-docs.js';

/** Minimum milliseconds between two progress pushes of one exercise. */
export const ProgressPushIntervalMs = 1_000;
/** Milliseconds a push waits after the first change, so a request's store write lands before it. */
const PushDelayMs = 250;

/** Target of progress pushes. The realtime layer sends them to the exercise's facilitator room. */
export interface ProgressPublisher {
  /** Whether anyone watches the exercise, so that no view is built when no one would receive it. */
  hasListeners(exerciseId: string): boolean;
  publish(update: ProgressUpdate): void;
}

/**
 * The facilitator's live view of every team: builds it on request and pushes it again after
 * changes, at most once per `ProgressPushIntervalMs` for each exercise.
 */
export class TeamProgressService {
  readonly activity = new ActivityTracker();
  private readonly docs: DocStatsCache;
  private readonly pushes = new Map<string, { timer: NodeJS.Timeout | null; lastAt: number }>();
  private publisher: ProgressPublisher | null = null;

  constructor(
    private readonly ctx: ExerciseContext,
    /** Count a team document by name. The collaboration server loads it from disk when no client has it open. */
    countDocument: (docName: string) => Promise<TeamDocStats>,
    private readonly docNameOf: (teamId: string) => string,
  ) {
    this.docs = new DocStatsCache(countDocument);
  }

  attach(publisher: ProgressPublisher): void {
    this.publisher = publisher;
  }

  /** Build the progress of every team of the exercise now; throws NOT_FOUND for an unknown exercise. */
  async progress(exerciseId: string): Promise<ProgressUpdate> {
    const exercise = findExercise(this.ctx.store.read(), exerciseId);
    const scenario = await this.ctx.scenarios.get(exercise.scenarioId);
    const teamIds = this.ctx.store
      .read()
      .teams.filter((team) => team.exerciseId === exerciseId)
      .map((team) => team.id);
    const stats = new Map<string, TeamDocStats>();
    for (const teamId of teamIds) {
      const counted = await this.docs.get(this.docNameOf(teamId)).catch((error: unknown) => {
        this.ctx.logger.warn({ err: error, exerciseId, teamId }, 'team document could not be counted for the progress view');
        return EmptyDocStats;
      });
      stats.set(teamId, counted);
    }
    // Read again after the awaits, so the view has the latest records.
    const data = this.ctx.store.read();
    const current = findExercise(data, exerciseId);
    return { exerciseId, at: new Date(this.ctx.now()).toISOString(), teams: buildTeamProgress(data, current, scenario, stats, this.activity) };
  }

  participantConnected(principal: ParticipantPrincipal): void {
    this.activity.connected(principal.playerId);
    this.schedule(principal.exerciseId);
  }

  participantDisconnected(principal: ParticipantPrincipal): void {
    this.activity.disconnected(principal.playerId);
    this.schedule(principal.exerciseId);
  }

  /** Record a participant's request as activity. */
  participantActive(principal: ParticipantPrincipal): void {
    this.activity.touch(principal.playerId, this.ctx.now());
    this.schedule(principal.exerciseId);
  }

  queryRecorded(principal: ParticipantPrincipal): void {
    this.activity.queryRecorded(principal.teamId);
    this.schedule(principal.exerciseId);
  }

  /** Drop the cached counts of a changed team document and push; `playerId` is the editor, if known. */
  documentChanged(docName: string, playerId: string | null): void {
    this.docs.invalidate(docName);
    const data = this.ctx.store.read();
    const team = data.teams.find((candidate) => this.docNameOf(candidate.id) === docName);
    if (!team) return;
    if (playerId) this.activity.touch(playerId, this.ctx.now());
    this.schedule(team.exerciseId);
  }

  /**
   * Push the exercise's progress soon: `PushDelayMs` after this call, or later when the previous
   * push was less than `ProgressPushIntervalMs` ago. Calls while a push is pending join it.
   */
  schedule(exerciseId: string): void {
    const state = this.pushes.get(exerciseId) ?? { timer: null, lastAt: 0 };
    this.pushes.set(exerciseId, state);
    if (state.timer) return;
    const delay = Math.max(PushDelayMs, state.lastAt + ProgressPushIntervalMs - Date.now());
    state.timer = setTimeout(() => void this.push(exerciseId, state), delay);
    state.timer.unref();
  }

  /** Cancel pending pushes; used on shutdown. */
  close(): void {
    for (const state of this.pushes.values()) if (state.timer) clearTimeout(state.timer);
    this.pushes.clear();
  }

  private async push(exerciseId: string, state: { timer: NodeJS.Timeout | null; lastAt: number }): Promise<void> {
    // Cleared before building, so a change made while the view is built schedules the next push.
    state.timer = null;
    state.lastAt = Date.now();
    try {
      if (!this.publisher?.hasListeners(exerciseId)) return;
      this.publisher.publish(await this.progress(exerciseId));
    } catch (error) {
      this.ctx.logger.error({ err: error, exerciseId }, 'progress push failed');
    }
  }
}
