import type { AckCallback } from './ack.js';
import type {
  CloudTrailPage,
  ExerciseState,
  ExerciseSummary,
  PhaseReleased,
  NamedQueryView,
  QueryCancelResult,
  QueryHistoryEntry,
  QueryResult,
  ScoreboardUpdate,
  SessionView,
  SubmissionResult,
} from './model.js';
import type {
  CloudTrailGetPayload,
  CloudTrailListPayload,
  ExerciseCreatePayload,
  ExerciseRefPayload,
  ObjectiveSubmitPayload,
  QueryCancelPayload,
  QueryRunPayload,
} from './schemas.js';

export interface ScenarioListing {
  id: string;
  title: string;
  summary: string;
}

/**
 * Requests, named `resource:verb` in the imperative. Payloads are typed here for the
 * compiler only: the server parses every one with the schema of the same name.
 */
export interface ClientToServerEvents {
  'session:get': (ack: AckCallback<SessionView>) => void;

  // Facilitator only.
  'scenario:list': (ack: AckCallback<ScenarioListing[]>) => void;
  'exercise:create': (payload: ExerciseCreatePayload, ack: AckCallback<ExerciseSummary>) => void;
  'exercise:list': (ack: AckCallback<ExerciseSummary[]>) => void;
  'exercise:watch': (payload: ExerciseRefPayload, ack: AckCallback<ExerciseState>) => void;
  'exercise:start': (payload: ExerciseRefPayload, ack: AckCallback<ExerciseState>) => void;
  'phase:advance': (payload: ExerciseRefPayload, ack: AckCallback<ExerciseState>) => void;

  // Participant only.
  'exercise:get': (ack: AckCallback<ExerciseState>) => void;
  'cloudtrail:list': (payload: CloudTrailListPayload, ack: AckCallback<CloudTrailPage>) => void;
  'cloudtrail:get': (payload: CloudTrailGetPayload, ack: AckCallback<Record<string, unknown>>) => void;
  'query:run': (payload: QueryRunPayload, ack: AckCallback<QueryResult>) => void;
  'query:cancel': (payload: QueryCancelPayload, ack: AckCallback<QueryCancelResult>) => void;
  'query:presets': (ack: AckCallback<NamedQueryView[]>) => void;
  'query:history': (ack: AckCallback<QueryHistoryEntry[]>) => void;
  'objective:submit': (payload: ObjectiveSubmitPayload, ack: AckCallback<SubmissionResult>) => void;
}

/** Broadcasts, named `resource:verb` in the past tense. */
export interface ServerToClientEvents {
  'exercise:updated': (state: ExerciseState) => void;
  'phase:released': (release: PhaseReleased) => void;
  'score:updated': (update: ScoreboardUpdate) => void;
  /** A member of the team ran a query; sent to that team only. */
  'query:recorded': (entry: QueryHistoryEntry) => void;
}

export type ClientToServerEventName = keyof ClientToServerEvents;
