import { ErrorCode } from '../../shared/errors.js';
import type { ExerciseState } from '../../shared/model.js';
import type { Scenario } from '../scenario/load.js';
import type { ExerciseRecord, InjectRecord, StoreData } from '../store/records.js';
import { appendAudit } from './audit.js';
import { clockView, dueReleases, elapsedMs, plannedReleaseMs, stopClock } from './clock.js';
import { findExercise, type ExerciseContext } from './context.js';
import { AppError } from './errors.js';
import type { ExerciseService } from './exercise-service.js';
import { remember, replayed } from './idempotency.js';
import { injectView } from './inject-views.js';
import { releaseMessage, releasePhase } from './phase-release.js';
import type { Principal } from './principal.js';

/**
 * Milliseconds between a phase release and the state messages that follow it. The release itself
 * carries the findings and the clock. The larger per-team states wait until every participant has
 * had time to take the release in, so they do not queue in front of it.
 */
const ReleaseFollowUpDelayMs = 40;

type Change = { released: number[]; injects: InjectRecord[]; clockChanged: boolean };

/**
 * The facilitator's control of pace, and the schedule: start, pause, resume, advance, extend or
 * shorten, end, plus the automatic releases and the automatic end when time runs out. Every
 * change is checked against the stored state inside its store write, so two facilitators (or a
 * facilitator and the schedule) acting at once cannot release a phase twice or skip one.
 */
export class ClockControl {
  constructor(
    private readonly ctx: ExerciseContext,
    private readonly exercises: ExerciseService,
  ) {}

  /** Start the clock and release the first phase (and any phase planned at minute 0). */
  start(exerciseId: string, principal: Principal | null, idempotencyKey?: string): Promise<ExerciseState> {
    return this.change(exerciseId, principal, 'exercise:start', idempotencyKey, (data, record, scenario, now) => {
      if (record.status !== 'ready') throw new AppError(ErrorCode.InvalidState, `The exercise has already been started (status: ${record.status}).`);
      record.status = 'running';
      record.startedAt = now;
      record.runningSince = now;
      record.clockElapsedMs = 0;
      appendAudit(data, record, now, principal, 'exercise:start');
      const injects = releasePhase(data, record, scenario, 0, 0, now, principal, 'phase:release');
      const more = this.releaseDue(data, record, scenario, now);
      return { released: [0, ...more.released], injects: [...injects, ...more.injects], clockChanged: true };
    });
  }

  /** Release the next phase by hand, while running or paused. */
  advance(exerciseId: string, principal: Principal | null, expectedPhaseIndex?: number): Promise<ExerciseState> {
    return this.change(exerciseId, principal, 'phase:advance', undefined, (data, record, scenario, now) => {
      if (record.status !== 'running' && record.status !== 'paused') {
        throw new AppError(ErrorCode.InvalidState, `Phases can be released only while the exercise runs or is paused (status: ${record.status}).`);
      }
      if (expectedPhaseIndex !== undefined && expectedPhaseIndex !== record.phaseIndex) {
        throw new AppError(
          ErrorCode.Conflict,
          `Phase ${record.phaseIndex + 1} is already current: another facilitator or the schedule released it first. Check the phase and advance again if needed.`,
          'expectedPhaseIndex',
        );
      }
      const index = record.phaseIndex + 1;
      if (index >= scenario.manifest.phases.length) throw new AppError(ErrorCode.InvalidState, 'The last phase has already been released.');
      const injects = releasePhase(data, record, scenario, index, elapsedMs(record, now), now, principal, 'phase:advance');
      return { released: [index], injects, clockChanged: false };
    });
  }

  pause(exerciseId: string, principal: Principal | null, idempotencyKey?: string): Promise<ExerciseState> {
    return this.change(exerciseId, principal, 'exercise:pause', idempotencyKey, (data, record, _scenario, now) => {
      if (record.status !== 'running') throw new AppError(ErrorCode.InvalidState, `Only a running exercise can be paused (status: ${record.status}).`);
      stopClock(record, now);
      record.status = 'paused';
      appendAudit(data, record, now, principal, 'exercise:pause');
      return { released: [], injects: [], clockChanged: true };
    });
  }

  resume(exerciseId: string, principal: Principal | null, idempotencyKey?: string): Promise<ExerciseState> {
    return this.change(exerciseId, principal, 'exercise:resume', idempotencyKey, (data, record, _scenario, now) => {
      if (record.status !== 'paused') throw new AppError(ErrorCode.InvalidState, `Only a paused exercise can be resumed (status: ${record.status}).`);
      record.status = 'running';
      record.runningSince = now;
      appendAudit(data, record, now, principal, 'exercise:resume');
      return { released: [], injects: [], clockChanged: true };
    });
  }

  end(exerciseId: string, principal: Principal | null, idempotencyKey?: string): Promise<ExerciseState> {
    return this.change(exerciseId, principal, 'exercise:end', idempotencyKey, (data, record, _scenario, now) => {
      if (record.status !== 'running' && record.status !== 'paused') throw new AppError(ErrorCode.InvalidState, `Only a started exercise can be ended (status: ${record.status}).`);
      this.endInto(data, record, now, principal, 'exercise:end');
      return { released: [], injects: [], clockChanged: true };
    });
  }

  /** Add minutes to the planned length, or remove them with a negative number; never below the time already elapsed. */
  extend(exerciseId: string, principal: Principal | null, minutes: number, idempotencyKey?: string): Promise<ExerciseState> {
    return this.change(exerciseId, principal, 'exercise:extend', idempotencyKey, (data, record, _scenario, now) => {
      if (record.status === 'ended') throw new AppError(ErrorCode.InvalidState, 'The exercise has ended; its length can no longer change.');
      const elapsed = elapsedMs(record, now);
      const durationMs = record.durationMs + minutes * 60_000;
      if (durationMs <= elapsed) {
        const maxCut = Math.floor((record.durationMs - elapsed) / 60_000);
        throw new AppError(ErrorCode.InvalidPayload, `Only ${maxCut} minutes are left, so the exercise can be shortened by at most ${maxCut} minutes. End it instead.`, 'minutes');
      }
      record.durationMs = durationMs;
      appendAudit(data, record, now, principal, 'exercise:extend', { minutes, durationMs });
      return { released: [], injects: [], clockChanged: true };
    });
  }

  /**
   * Apply the planned phase releases that are due now, and the end when time has run out. The
   * scheduler calls it on every tick, also right after a restart. Nothing happens when nothing is due.
   */
  async runDue(exerciseId: string): Promise<void> {
    const exercise = this.exercises.exercise(exerciseId);
    if (exercise.status !== 'running') return;
    const scenario = await this.ctx.scenarios.get(exercise.scenarioId);
    const now = this.ctx.now();
    const elapsed = elapsedMs(exercise, now);
    const releaseDue = dueReleases(scenario.manifest.phases, exercise.phaseIndex, elapsed).length > 0;
    if (!releaseDue && elapsed < exercise.durationMs) return;

    await this.change(exerciseId, null, 'schedule', undefined, (data, record, innerScenario, innerNow) => {
      if (record.status !== 'running') return { released: [], injects: [], clockChanged: false };
      const change = this.releaseDue(data, record, innerScenario, innerNow);
      if (elapsedMs(record, innerNow) >= record.durationMs) {
        this.endInto(data, record, innerNow, null, 'exercise:time-up');
        change.clockChanged = true;
      }
      return change;
    });
  }

  private releaseDue(data: StoreData, record: ExerciseRecord, scenario: Scenario, now: number): Change {
    const change: Change = { released: [], injects: [], clockChanged: false };
    for (const index of dueReleases(scenario.manifest.phases, record.phaseIndex, elapsedMs(record, now))) {
      // The planned time, not the tick's, so the scenario clock does not depend on when the tick ran.
      const planned = plannedReleaseMs(scenario.manifest.phases[index]) ?? elapsedMs(record, now);
      change.injects.push(...releasePhase(data, record, scenario, index, planned, now, null, 'phase:auto-release'));
      change.released.push(index);
    }
    return change;
  }

  private endInto(data: StoreData, record: ExerciseRecord, now: number, principal: Principal | null, action: string): void {
    stopClock(record, now);
    record.status = 'ended';
    record.endedAt = now;
    appendAudit(data, record, now, principal, action, { elapsedMs: record.clockElapsedMs });
  }

  /**
   * Run one checked change in a store write and tell every client what changed. A change that
   * releases a phase is announced as soon as it is in memory, while its write runs, so a release
   * does not wait for the disk. That is safe for two reasons. Queries already see the new phase
   * from memory during the write. And a release lost in a crash was never acknowledged to the
   * facilitator, while a planned one is released again from the clock at restart. Other changes
   * are announced once they are on disk. The acknowledgement always waits for the disk.
   */
  private async change(
    exerciseId: string,
    principal: Principal | null,
    action: string,
    idempotencyKey: string | undefined,
    apply: (data: StoreData, record: ExerciseRecord, scenario: Scenario, now: number) => Change,
  ): Promise<ExerciseState> {
    const exercise = this.exercises.exercise(exerciseId);
    const scenario = await this.ctx.scenarios.get(exercise.scenarioId);
    const scope = `${principal ? `${principal.role}:${'id' in principal ? principal.id : principal.playerId}` : 'system'}/${action}/${exerciseId}`;
    const now = this.ctx.now();

    let announced = false;
    const announceRelease = (change: Change) => {
      if (change.released.length === 0) return;
      announced = true;
      this.announce(exerciseId, scenario, change, action);
    };
    let change: Change;
    try {
      change = await this.ctx.store.write(
        (data) => {
          if (replayed(data, scope, idempotencyKey)) return { released: [], injects: [], clockChanged: false };
          const record = findExercise(data, exerciseId);
          const result = apply(data, record, scenario, now);
          remember(data, scope, idempotencyKey, true, now, record.id);
          return result;
        },
        { applied: announceRelease },
      );
    } catch (error) {
      // The write failed after the release went out. The store has rolled the exercise back, so
      // every client gets the stored state again.
      if (announced) this.announceRollback(exerciseId, scenario);
      throw error;
    }

    if (!announced) this.announce(exerciseId, scenario, change, action);
    return this.exercises.state(exerciseId, null);
  }

  private announceRollback(exerciseId: string, scenario: Scenario): void {
    const exercise = findExercise(this.ctx.store.read(), exerciseId);
    this.ctx.logger.warn({ exerciseId, phaseIndex: exercise.phaseIndex }, 'announced release rolled back after a failed store write');
    this.ctx.notifications.clockChanged(exerciseId, clockView(exercise, scenario.manifest.phases, this.ctx.now()));
    this.ctx.notifications.exerciseChanged(exerciseId);
  }

  private announce(exerciseId: string, scenario: Scenario, change: Change, action: string): void {
    const changed = change.released.length > 0 || change.clockChanged;
    if (!changed) return;
    const data = this.ctx.store.read();
    const exercise = findExercise(data, exerciseId);
    const now = this.ctx.now();
    this.ctx.logger.info({ exerciseId, action, status: exercise.status, phaseIndex: exercise.phaseIndex, released: change.released }, 'exercise clock changed');

    for (const index of change.released) this.ctx.notifications.phaseReleased(exerciseId, releaseMessage(exercise, scenario, index, now));
    const clock = clockView(exercise, scenario.manifest.phases, now);
    const injects = change.injects.map((inject) => injectView(data, inject, null));
    const followUp = () => {
      for (const inject of injects) this.ctx.notifications.injectSent(exerciseId, inject);
      this.ctx.notifications.clockChanged(exerciseId, clock);
    };
    if (change.released.length === 0) {
      followUp();
      this.ctx.notifications.exerciseChanged(exerciseId);
      return;
    }
    // After a release the small messages wait for the next turn of the event loop and the
    // per-team states a little longer, so every participant gets the findings first. A state is
    // built when it is sent, so a later change in between is never overwritten by an older one.
    setImmediate(followUp);
    setTimeout(() => this.ctx.notifications.exerciseChanged(exerciseId), ReleaseFollowUpDelayMs);
  }
}
