import type { ErrorLog } from './error-log.js';
import { FanoutTracker } from './fanout-tracker.js';
import { AckLedger } from './ledger.js';
import type { Population } from './population.js';
import { onPhaseReleased, onRemoteTimelineEntry, onScoreUpdated, type PhaseReleased } from './protocol.js';
import { LatencyRecorder } from './stats.js';

/** State the drivers share: the clients, the latency recorders and the record of acknowledgements. */
export interface BenchContext {
  population: Population;
  errors: ErrorLog;
  ledger: AckLedger;
  /** `releaseFirst` has one sample per release: its first delivery, before most of the fan-out. */
  recorders: { release: LatencyRecorder; releaseFirst: LatencyRecorder; score: LatencyRecorder; yjs: LatencyRecorder };
  trackers: { release: FanoutTracker; score: FanoutTracker; yjs: FanoutTracker };
  /** Exercises whose first phase has been released, so their members may browse and submit. */
  started: Set<string>;
  /** The first `phase:released` payload of each phase index, replayed through the bare server. */
  releasePayloads: Map<number, PhaseReleased>;
}

export function releaseKey(exerciseId: string, phaseIndex: number): string {
  return `${exerciseId}:${phaseIndex}`;
}

export function editKey(teamId: string, sequence: number): string {
  return `${teamId}:${sequence}`;
}

/** Creates the context and attaches the listeners that time every delivery to every participant. */
export function createContext(population: Population, errors: ErrorLog): BenchContext {
  const ledger = new AckLedger();
  const recorders = { release: new LatencyRecorder(), releaseFirst: new LatencyRecorder(), score: new LatencyRecorder(), yjs: new LatencyRecorder() };
  const trackers = {
    release: new FanoutTracker(recorders.release, (_key, _at, latencyMs) => recorders.releaseFirst.record(latencyMs)),
    score: new FanoutTracker(recorders.score),
    yjs: new FanoutTracker(recorders.yjs, (key, at) => ledger.editAcked(key.slice(0, key.indexOf(':')), key, at)),
  };
  const context: BenchContext = { population, errors, ledger, recorders, trackers, started: new Set(), releasePayloads: new Map() };

  for (const participant of population.participants) {
    onPhaseReleased(participant.socket, (release) => {
      if (!context.releasePayloads.has(release.phase.index)) context.releasePayloads.set(release.phase.index, release);
      trackers.release.delivered(releaseKey(release.exerciseId, release.phase.index));
    });
    onScoreUpdated(participant.socket, (update) => trackers.score.delivered(update.exerciseId));
    onRemoteTimelineEntry(participant.team.doc, (id) => trackers.yjs.delivered(id));
  }
  return context;
}
