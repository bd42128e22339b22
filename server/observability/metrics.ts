import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Live values the gauges read when Prometheus scrapes, so nothing has to keep them in step. */
export interface MetricSources {
  socketClients(): number;
  exercisesByStatus(): Record<string, number>;
  loadedDocuments(): number;
}

/**
 * The server's Prometheus metrics, on a registry of its own so that several app instances (as in
 * tests) never share or double-register metrics.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly queryDuration = new Histogram({
    name: 'cloud_ir_lab_query_duration_seconds',
    help: 'Time to answer a query-engine request, by kind (query, list, get) and outcome.',
    labelNames: ['kind', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly queryErrors = new Counter({
    name: 'cloud_ir_lab_query_errors_total',
    help: 'Query-engine requests that failed, by outcome (rejected, failed, timeout, crashed).',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly storeWriteDuration = new Histogram({
    name: 'cloud_ir_lab_store_write_duration_seconds',
    help: 'Time to apply and persist one exercise-store write.',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  readonly storeWriteFailures = new Counter({
    name: 'cloud_ir_lab_store_write_failures_total',
    help: 'Exercise-store writes that failed and were rolled back.',
    registers: [this.registry],
  });

  constructor(sources: MetricSources) {
    collectDefaultMetrics({ register: this.registry, prefix: 'cloud_ir_lab_' });

    new Gauge({
      name: 'cloud_ir_lab_connected_clients',
      help: 'Socket.IO clients connected now.',
      registers: [this.registry],
      collect() {
        this.set(sources.socketClients());
      },
    });

    new Gauge({
      name: 'cloud_ir_lab_exercises',
      help: 'Exercises in the store, by status.',
      labelNames: ['status'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [status, count] of Object.entries(sources.exercisesByStatus())) this.set({ status }, count);
      },
    });

    new Gauge({
      name: 'cloud_ir_lab_collab_documents_loaded',
      help: 'Team Yjs documents held in memory now.',
      registers: [this.registry],
      collect() {
        this.set(sources.loadedDocuments());
      },
    });
  }

  /** Time `run`, recording its outcome under `kind`; `outcomeOf` names the outcome of an error. */
  async timeQuery<T>(kind: string, run: () => Promise<T>, outcomeOf: (error: unknown) => string): Promise<T> {
    const stop = this.queryDuration.startTimer({ kind });
    try {
      const result = await run();
      stop({ outcome: 'ok' });
      return result;
    } catch (error) {
      const outcome = outcomeOf(error);
      stop({ outcome });
      this.queryErrors.inc({ kind, outcome });
      throw error;
    }
  }
}
