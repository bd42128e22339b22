import { ErrorCode } from '../../shared/errors.js';
import type { CloudTrailFilter, CloudTrailPage, QueryResult } from '../../shared/model.js';
import { AppError } from '../exercise/errors.js';
import type { ExerciseService } from '../exercise/exercise-service.js';
import type { AppLogger } from '../logger.js';
import type { QueryEngine } from '../query/query-engine.js';
import { WorkerRequestError } from '../query/scenario-worker.js';

/** The read paths of a team: CloudTrail browsing and SQL, limited to what the exercise has released. */
export class InvestigationService {
  constructor(
    private readonly exercises: ExerciseService,
    private readonly engine: QueryEngine,
    private readonly logger: AppLogger,
  ) {}

  async listEvents(exerciseId: string, filter: CloudTrailFilter, offset: number, limit: number): Promise<CloudTrailPage> {
    const { scenarioId, visibility } = await this.exercises.visibility(exerciseId);
    return this.engine.listEvents(scenarioId, visibility, filter, offset, limit).catch(toAppError);
  }

  async getEvent(exerciseId: string, eventId: string): Promise<Record<string, unknown>> {
    const { scenarioId, visibility } = await this.exercises.visibility(exerciseId);
    const event = await this.engine.getEvent(scenarioId, visibility, eventId).catch(toAppError);
    if (!event) throw new AppError(ErrorCode.NotFound, `No visible CloudTrail event has the id "${eventId}".`, 'eventId');
    return event;
  }

  async query(exerciseId: string, teamId: string, sql: string): Promise<QueryResult> {
    const { scenarioId, visibility } = await this.exercises.visibility(exerciseId);
    try {
      const result = await this.engine.query(scenarioId, visibility, sql);
      this.logger.info({ exerciseId, teamId, rows: result.rowCount, elapsedMs: result.elapsedMs }, 'query ran');
      return result;
    } catch (error) {
      if (error instanceof WorkerRequestError) this.logger.info({ exerciseId, teamId, code: error.code }, 'query failed');
      return toAppError(error);
    }
  }
}

function toAppError(error: unknown): never {
  if (!(error instanceof WorkerRequestError)) throw error;
  switch (error.code) {
    case 'rejected':
      throw new AppError(ErrorCode.QueryRejected, error.message, 'sql');
    case 'timeout':
      throw new AppError(ErrorCode.QueryTimeout, error.message, 'sql');
    default:
      throw new AppError(ErrorCode.QueryFailed, error.message, 'sql');
  }
}
