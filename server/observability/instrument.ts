import { AppError } from '../exercise/errors.js';
import type { QueryEngine } from '../query/query-engine.js';
import { WorkerRequestError } from '../query/scenario-worker.js';
import type { Store } from '../store/store.js';
import type { Metrics } from './metrics.js';

/**
 * Wrap a store so that every write is timed and every failed write counted. A change rejected by
 * an exercise rule (an AppError) is a refused request, not a storage failure, so it is not counted.
 */
export function instrumentStore(store: Store, metrics: Metrics): Store {
  return {
    read: () => store.read(),
    close: () => store.close(),
    onWriteFailed: (listener) => store.onWriteFailed(listener),
    async write(change, options) {
      const stop = metrics.storeWriteDuration.startTimer();
      try {
        return await store.write(change, options);
      } catch (error) {
        if (!(error instanceof AppError)) metrics.storeWriteFailures.inc();
        throw error;
      } finally {
        stop();
      }
    },
  };
}

const QueryMethods = { query: 'query', listEvents: 'list', histogram: 'histogram', getEvent: 'get' } as const;

/** Time the engine's request methods, labelled with their kind and outcome. */
export function instrumentQueryEngine(engine: QueryEngine, metrics: Metrics): void {
  for (const [method, kind] of Object.entries(QueryMethods) as [keyof typeof QueryMethods, string][]) {
    const original = (engine[method] as (...args: unknown[]) => Promise<unknown>).bind(engine);
    (engine as unknown as Record<string, unknown>)[method] = (...args: unknown[]) =>
      metrics.timeQuery(kind, () => original(...args), (error) => (error instanceof WorkerRequestError ? error.code : 'failed'));
  }
}
