import { randomUUID } from 'node:crypto';
import { ErrorCode } from '../../shared/errors.js';
import { Limits } from '../../shared/limits.js';
import type { CloudTrailHistogram, CloudTrailPage, QueryHistoryEntry, QueryResult } from '../../shared/model.js';
import type { CloudTrailCriteria } from '../../shared/schemas.js';
import { AppError } from '../exercise/errors.js';
import type { ExerciseService } from '../exercise/exercise-service.js';
import type { AppLogger } from '../logger.js';
import type { QueryEngine } from '../query/query-engine.js';
import { WorkerRequestError } from '../query/scenario-worker.js';
import { QueryAdmission } from './query-admission.js';
import type { QueryHistory } from './query-history.js';

export interface InvestigationLimits {
  /** Characters of SQL a query may have. */
  maxSqlLength: number;
  teamConcurrency: number;
  ratePerMinute: number;
}

const DefaultLimits: InvestigationLimits = { maxSqlLength: Limits.sqlMaxLength, teamConcurrency: 2, ratePerMinute: 30 };

/** The participant who runs a query. */
export interface QueryCaller {
  exerciseId: string;
  teamId: string;
  playerId: string;
  displayName: string;
}

/** The read paths of a team: CloudTrail browsing and SQL, limited to what the exercise has released. */
export class InvestigationService {
  private readonly admission: QueryAdmission;
  /** Running queries by player id, then by query id, so a participant can cancel their own. */
  private readonly running = new Map<string, Map<string, AbortController>>();

  constructor(
    private readonly exercises: ExerciseService,
    private readonly engine: QueryEngine,
    private readonly logger: AppLogger,
    private readonly history: QueryHistory,
    private readonly limits: InvestigationLimits = DefaultLimits,
  ) {
    this.admission = new QueryAdmission(limits);
  }

  async listEvents(exerciseId: string, teamId: string | undefined, criteria: CloudTrailCriteria, offset: number, limit: number): Promise<CloudTrailPage> {
    const { scenarioId, visibility } = await this.exercises.visibility(exerciseId, teamId);
    return this.engine.listEvents(scenarioId, visibility, criteria, offset, limit).catch(toAppError);
  }

  /** Count the team's visible events that match `criteria` per time bucket, over the released span. */
  async eventHistogram(exerciseId: string, teamId: string | undefined, criteria: CloudTrailCriteria): Promise<CloudTrailHistogram> {
    const { scenarioId, visibility } = await this.exercises.visibility(exerciseId, teamId);
    return this.engine.histogram(scenarioId, visibility, criteria).catch(toAppError);
  }

  async getEvent(exerciseId: string, teamId: string | undefined, eventId: string): Promise<Record<string, unknown>> {
    const { scenarioId, visibility } = await this.exercises.visibility(exerciseId, teamId);
    const event = await this.engine.getEvent(scenarioId, visibility, eventId).catch(toAppError);
    if (!event) throw new AppError(ErrorCode.NotFound, `No visible CloudTrail event has the id "${eventId}".`, 'eventId');
    return event;
  }

  /**
   * Run a participant's SQL with the team's visibility and the query limits, and record it in the
   * team's history; `record` receives the history entry whether the query succeeded or failed.
   */
  async query(caller: QueryCaller, sql: string, queryId?: string, record?: (entry: QueryHistoryEntry) => void): Promise<QueryResult> {
    if (sql.length > this.limits.maxSqlLength) {
      throw new AppError(
        ErrorCode.QueryRejected,
        `The query is ${sql.length} characters long; the maximum is ${this.limits.maxSqlLength}. Shorten it or split it into smaller queries.`,
        'sql',
      );
    }
    const { scenarioId, visibility } = await this.exercises.visibility(caller.exerciseId, caller.teamId);
    const release = this.admission.admit(caller.teamId, caller.playerId);
    const id = queryId ?? randomUUID();
    const controller = new AbortController();
    const mine = this.running.get(caller.playerId) ?? new Map<string, AbortController>();
    mine.set(id, controller);
    this.running.set(caller.playerId, mine);

    const entry: QueryHistoryEntry = { id, sql, playerId: caller.playerId, displayName: caller.displayName, ranAt: '', ok: false, rowCount: null, elapsedMs: null, errorCode: null };
    try {
      const result = await this.engine.query(scenarioId, visibility, sql, controller.signal);
      Object.assign(entry, { ok: true, rowCount: result.rowCount, elapsedMs: result.elapsedMs });
      this.logger.info({ exerciseId: caller.exerciseId, teamId: caller.teamId, rows: result.rowCount, elapsedMs: result.elapsedMs }, 'query ran');
      return result;
    } catch (error) {
      if (error instanceof WorkerRequestError) this.logger.info({ exerciseId: caller.exerciseId, teamId: caller.teamId, code: error.code }, 'query failed');
      const appError = asAppError(error);
      entry.errorCode = appError instanceof AppError ? appError.code : ErrorCode.Internal;
      throw appError;
    } finally {
      release();
      mine.delete(id);
      if (mine.size === 0) this.running.delete(caller.playerId);
      entry.ranAt = new Date().toISOString();
      void this.history.add(caller.exerciseId, caller.teamId, entry);
      record?.(entry);
    }
  }

  /** Cancel the caller's running query `queryId`, or all of them; returns how many were cancelled. */
  cancel(playerId: string, queryId?: string): number {
    const mine = this.running.get(playerId);
    if (!mine) return 0;
    const targets = queryId === undefined ? [...mine.values()] : [mine.get(queryId)].filter((controller) => controller !== undefined);
    for (const controller of targets) controller.abort();
    return targets.length;
  }

  /** The team's recent queries, newest first. */
  teamHistory(exerciseId: string, teamId: string): Promise<QueryHistoryEntry[]> {
    return this.history.list(exerciseId, teamId);
  }

  /** Read every query the team ran in the exercise, newest first, for its after-action report. */
  allTeamQueries(exerciseId: string, teamId: string): Promise<QueryHistoryEntry[]> {
    return this.history.all(exerciseId, teamId);
  }
}

function asAppError(error: unknown): unknown {
  try {
    return toAppError(error);
  } catch (converted) {
    return converted;
  }
}

function toAppError(error: unknown): never {
  if (!(error instanceof WorkerRequestError)) throw error;
  switch (error.code) {
    case 'rejected':
      throw new AppError(ErrorCode.QueryRejected, error.message, 'sql');
    case 'timeout':
      throw new AppError(ErrorCode.QueryTimeout, error.message, 'sql');
    case 'cancelled':
      throw new AppError(ErrorCode.QueryCancelled, error.message, 'sql');
    default:
      throw new AppError(ErrorCode.QueryFailed, error.message, 'sql');
  }
}
