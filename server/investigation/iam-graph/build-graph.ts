import type { IamChange, IamGraph } from '../../../shared/iam-graph.js';
import { adminPrincipals } from './access-check.js';
import { applyIamEvent } from './apply-event.js';
import { diffStates, touchedNodeIds } from './diff-state.js';
import type { IamEvent } from './iam-event.js';
import { renderModel } from './render-model.js';
import { modelFromSnapshot, type IamSnapshot } from './snapshot.js';

export interface BuildOptions {
  scenarioId: string;
  accountId: string;
  /** Start of the scenario window, used when the snapshot has no SnapshotTime. */
  windowStart: string;
  horizon: string;
  truncated?: boolean;
}

/**
 * Build the graph at the snapshot and replay `events` over it in the order given. An event the
 * graph does not track, or one whose request lacks the fields its change needs, is skipped and
 * left out of the change list.
 */
export function buildIamGraph(snapshot: IamSnapshot, events: Iterable<IamEvent>, options: BuildOptions): IamGraph {
  const model = modelFromSnapshot(snapshot, options.accountId);
  model.adminAtSnapshot = adminPrincipals(model);
  const initial = renderModel(model);

  let state = initial;
  const changes: IamChange[] = [];
  for (const event of events) {
    const effect = applyIamEvent(model, event);
    if (!effect) continue;
    const next = renderModel(model);
    const operations = diffStates(state, next);
    const nodeIds = new Set([...effect.subjects, ...touchedNodeIds(operations)]);
    changes.push({
      eventId: event.eventId,
      eventTime: event.eventTime,
      eventName: event.eventName,
      eventSource: event.eventSource,
      actor: event.actor,
      sourceIpAddress: event.sourceIpAddress,
      summary: effect.summary,
      nodeIds: [...nodeIds],
      operations,
    });
    state = next;
  }

  return {
    scenarioId: options.scenarioId,
    snapshotTime: snapshot.SnapshotTime ?? options.windowStart,
    horizon: options.horizon,
    initial,
    changes,
    current: state,
    truncated: options.truncated ?? false,
  };
}
