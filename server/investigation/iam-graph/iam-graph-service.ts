import { ErrorCode } from '../../../shared/errors.js';
import type { IamGraph } from '../../../shared/iam-graph.js';
import { AppError } from '../../exercise/errors.js';
import type { ExerciseService } from '../../exercise/exercise-service.js';
import type { AppLogger } from '../../logger.js';
import type { Visibility } from '../../query/protocol.js';
import type { QueryEngine } from '../../query/query-engine.js';
import { WorkerRequestError } from '../../query/scenario-worker.js';
import type { Scenario } from '../../scenario/load.js';
import type { ScenarioCatalog } from '../../scenario/catalog.js';
import { readIamSnapshotFile } from '../../scenario/iam-snapshot-file.js';
import { buildIamGraphAsync } from './build-graph.js';
import { readIamEvents } from './read-iam-events.js';
import { parseIamSnapshot, type IamSnapshot } from './snapshot.js';

/** Graphs kept in memory. Each is small (tens of nodes) and depends only on the scenario content and horizon. */
const CachedGraphsMax = 32;

/**
 * Builds a team's IAM graph: the scenario's snapshot plus the IAM changes in the CloudTrail the
 * exercise has released. Teams of one exercise see the same horizon, so graphs are cached by
 * scenario content and horizon, and a request in the same phase reads nothing again.
 */
export class IamGraphService {
  private readonly snapshots = new Map<string, Promise<IamSnapshot>>();
  private readonly graphs = new Map<string, Promise<IamGraph>>();

  constructor(
    private readonly exercises: ExerciseService,
    private readonly scenarios: ScenarioCatalog,
    private readonly engine: QueryEngine,
    private readonly logger: AppLogger,
  ) {}

  /**
   * Build or reuse the graph of the exercise as its teams may see it now. With `teamId`, the graph
   * also includes the changes made in that team's copy of the account during the exercise. Throws
   * INVALID_STATE before the start.
   */
  async graph(exerciseId: string, teamId?: string): Promise<IamGraph> {
    const { scenarioId, visibility } = await this.exercises.visibility(exerciseId, teamId);
    const scenario = await this.scenarios.get(scenarioId);
    const live = visibility.liveScope === undefined || teamId === undefined ? '' : `|${visibility.liveScope}|${this.exercises.liveVersion(exerciseId, teamId)}`;
    const key = `${scenario.contentHash}|${visibility.horizon}${live}`;
    let pending = this.graphs.get(key);
    if (!pending) {
      pending = this.build(scenario, visibility);
      this.remember(key, pending);
    }
    return pending;
  }

  private async build(scenario: Scenario, visibility: Visibility): Promise<IamGraph> {
    const snapshot = await this.snapshot(scenario);
    const scenarioId = scenario.manifest.id;
    const horizon = visibility.horizon;
    const { events, truncated } = await readIamEvents(this.engine, scenarioId, visibility).catch((error: unknown) => {
      if (!(error instanceof WorkerRequestError)) throw error;
      this.logger.warn({ scenarioId, code: error.code, err: error }, 'reading IAM events failed');
      throw new AppError(ErrorCode.QueryFailed, 'Reading the IAM events from CloudTrail failed. Try again in a moment.');
    });
    if (truncated) this.logger.warn({ scenarioId, events: events.length }, 'IAM graph truncated: more IAM events than one query returns');
    const { account, window } = scenario.manifest;
    return buildIamGraphAsync(snapshot, events, { scenarioId, accountId: account.id, windowStart: window.start, horizon, truncated });
  }

  /** Read the pack's snapshot once per pack content. A pack without one starts from an empty account. */
  private snapshot(scenario: Scenario): Promise<IamSnapshot> {
    let pending = this.snapshots.get(scenario.contentHash);
    if (!pending) {
      pending = this.readSnapshot(scenario);
      this.snapshots.set(scenario.contentHash, pending);
      pending.catch(() => this.snapshots.delete(scenario.contentHash));
    }
    return pending;
  }

  private async readSnapshot(scenario: Scenario): Promise<IamSnapshot> {
    try {
      const raw = await readIamSnapshotFile(scenario);
      return parseIamSnapshot(raw ?? { SnapshotTime: scenario.manifest.window.start });
    } catch (error) {
      this.logger.error({ scenarioId: scenario.manifest.id, file: scenario.manifest.data.iam, err: error }, 'IAM snapshot could not be read');
      throw new AppError(ErrorCode.Internal, 'The IAM snapshot of this scenario could not be read. Ask the facilitator to check the pack with "cloud-ir-lab scenario validate".');
    }
  }


  /** Keep a graph and drop the oldest once there are too many. A failed build is not kept. */
  private remember(key: string, pending: Promise<IamGraph>): void {
    this.graphs.set(key, pending);
    pending.catch(() => this.graphs.delete(key));
    while (this.graphs.size > CachedGraphsMax) {
      const oldest = this.graphs.keys().next().value;
      if (oldest === undefined) break;
      this.graphs.delete(oldest);
    }
  }
}
