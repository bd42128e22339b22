import type { AppLogger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { ClockControl } from './clock-control.js';

/** Milliseconds between checks of the running exercises; a planned release happens at most this late. */
export const ScheduleTickMs = 250;

/**
 * Drives planned phase releases and the end of time for every running exercise. It polls the
 * stored clocks instead of arming one timer per event, so pauses, extensions, restarts and
 * replaced wall clocks need no timer bookkeeping: each tick compares exercise time with the plan.
 * The first tick after a restart releases everything that fell due while the server was down.
 */
export class ReleaseScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** Failures per exercise since its last success; only the first of a run is logged. */
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly control: ClockControl,
    private readonly logger: AppLogger,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), ScheduleTickMs);
    this.timer.unref();
    void this.tick();
  }

  /** Check every running exercise once; overlapping calls share the check in progress. */
  tick(): Promise<void> {
    if (!this.running) {
      this.running = this.checkAll().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async checkAll(): Promise<void> {
    const running = this.store.read().exercises.filter((exercise) => exercise.status === 'running');
    for (const exercise of running) {
      try {
        await this.control.runDue(exercise.id);
        const failed = this.failures.get(exercise.id);
        if (failed) this.logger.info({ exerciseId: exercise.id, failedTicks: failed }, 'scheduled release recovered');
        this.failures.delete(exercise.id);
      } catch (error) {
        const failed = (this.failures.get(exercise.id) ?? 0) + 1;
        this.failures.set(exercise.id, failed);
        if (failed === 1) this.logger.error({ err: error, exerciseId: exercise.id }, 'scheduled release failed; retrying on every tick');
      }
    }
  }
}
