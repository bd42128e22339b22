import { Limits } from '../../shared/limits.js';
import type { CloudTrailHistogram, CloudTrailPage, QueryResult } from '../../shared/model.js';
import type { CloudTrailCriteria } from '../../shared/schemas.js';
import type { AppLogger } from '../logger.js';
import type { Visibility } from './protocol.js';
import { ScenarioWorker } from './scenario-worker.js';

export interface QueryEngineOptions {
  timeoutMs: number;
  memoryLimit: string;
  threads: number;
  /** Rows a query returns at most; defaults to Limits.queryRowsMax. */
  maxRows?: number;
}

/** Files of a scenario prepared for loading: newline-delimited CloudTrail and a findings array. */
export interface ScenarioDataFiles {
  eventsPath: string;
  findingsPath: string;
}

/**
 * Runs SQL and event look-ups over a scenario's data, as one team is allowed to see it.
 * Each scenario gets its own worker process, so no query can reach another scenario's data.
 */
export class QueryEngine {
  private readonly workers = new Map<string, ScenarioWorker>();
  private closed = false;

  constructor(
    private readonly options: QueryEngineOptions,
    private readonly logger: AppLogger,
  ) {}

  /** Start the scenario's worker (once) and wait until its data is loaded. */
  async prepare(scenarioId: string, files: ScenarioDataFiles): Promise<void> {
    if (this.closed) throw new Error('The query engine has been closed.');
    let worker = this.workers.get(scenarioId);
    if (!worker) {
      worker = new ScenarioWorker(
        { ...files, memoryLimit: this.options.memoryLimit, threads: this.options.threads },
        this.options.timeoutMs,
        this.logger.child({ scenarioId }),
      );
      this.workers.set(scenarioId, worker);
    }
    await worker.start();
  }

  /** Run one participant query; `signal` cancels it. */
  async query(scenarioId: string, visibility: Visibility, sql: string, signal?: AbortSignal): Promise<QueryResult> {
    const maxRows = this.options.maxRows ?? Limits.queryRowsMax;
    return (await this.worker(scenarioId).request({ kind: 'query', visibility, sql, maxRows }, signal)) as QueryResult;
  }

  /**
   * Make CloudTrail records made during an exercise visible to requests whose visibility names
   * `scope`. Records with an event id the scope already has are ignored.
   */
  async appendLive(scenarioId: string, scope: string, records: Record<string, unknown>[]): Promise<void> {
    await this.worker(scenarioId).appendLive(scope, records.map((record) => JSON.stringify(record)));
  }

  /** Make GuardDuty findings raised during an exercise visible to requests whose visibility names `scope`. */
  async appendLiveFindings(scenarioId: string, scope: string, findings: Record<string, unknown>[]): Promise<void> {
    await this.worker(scenarioId).appendLive(scope, findings.map((finding) => JSON.stringify(finding)), 'append-findings');
  }

  /** Process id of the scenario's worker, for measuring its memory. */
  workerPid(scenarioId: string): number | undefined {
    return this.workers.get(scenarioId)?.pid;
  }

  async listEvents(scenarioId: string, visibility: Visibility, criteria: CloudTrailCriteria, offset: number, limit: number): Promise<CloudTrailPage> {
    return (await this.worker(scenarioId).request({ kind: 'list', visibility, criteria, offset, limit })) as CloudTrailPage;
  }

  /** Count the visible events that match `criteria` per time bucket. */
  async histogram(scenarioId: string, visibility: Visibility, criteria: CloudTrailCriteria): Promise<CloudTrailHistogram> {
    return (await this.worker(scenarioId).request({ kind: 'histogram', visibility, criteria })) as CloudTrailHistogram;
  }

  async getEvent(scenarioId: string, visibility: Visibility, eventId: string): Promise<Record<string, unknown> | null> {
    return (await this.worker(scenarioId).request({ kind: 'get', visibility, eventId })) as Record<string, unknown> | null;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.workers.values()].map((worker) => worker.close()));
    this.workers.clear();
  }

  private worker(scenarioId: string): ScenarioWorker {
    const worker = this.workers.get(scenarioId);
    if (!worker) throw new Error(`Scenario ${scenarioId} has not been prepared for queries.`);
    return worker;
  }
}
