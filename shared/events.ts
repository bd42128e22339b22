import type { AckCallback } from './ack.js';
import type {
  CloudTrailHistogram,
  CloudTrailPage,
  ExerciseState,
  ExerciseSummary,
  PhaseReleased,
  NamedQueryView,
  ProgressUpdate,
  QueryCancelResult,
  QueryHistoryEntry,
  QueryResult,
  ScoreboardUpdate,
  SessionView,
  SubmissionResult,
} from './model.js';
import type {
  CloudTrailGetPayload,
  CloudTrailHistogramPayload,
  CloudTrailListPayload,
  ExerciseCreatePayload,
  ExerciseRefPayload,
  ObjectiveSubmitPayload,
  QueryCancelPayload,
  QueryRunPayload,
  TeamRefPayload,
} from './schemas.js';
import type { AuditPage, BoardState, ClockChanged, InjectAnswerView, InjectView, InviteResult, InviteView, ScoreAdjustmentView, StoreFailure, TeamNoteView } from './orchestration.js';
import type {
  AuditListPayload,
  ClockActionPayload,
  ExerciseExtendPayload,
  ExerciseUpdatePayload,
  HintOpenPayload,
  InjectAnswerPayload,
  InjectAwardPayload,
  InjectSendPayload,
  InviteCreatePayload,
  InviteRevokePayload,
  PhaseAdvancePayload,
  PlayerMovePayload,
  PlayerRemovePayload,
  ScoreAdjustPayload,
  ScoreboardFreezePayload,
  TeamCreatePayload,
  TeamNotePayload,
  TeamRemovePayload,
  TeamRenamePayload,
} from './orchestration-schemas.js';
import type { HintView } from './orchestration.js';
import type { IamGraph, IamGraphPayload } from './iam-graph.js';
import type { ContainmentResult, ContainmentRunPayload, RedCatalog, RedControl, RedControlPayload, RedDecisionPayload, RedMovePayload, RedMoveView, RedState } from './red-blue.js';

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
  'phase:advance': (payload: PhaseAdvancePayload, ack: AckCallback<ExerciseState>) => void;
  'exercise:pause': (payload: ClockActionPayload, ack: AckCallback<ExerciseState>) => void;
  'exercise:resume': (payload: ClockActionPayload, ack: AckCallback<ExerciseState>) => void;
  'exercise:end': (payload: ClockActionPayload, ack: AckCallback<ExerciseState>) => void;
  'exercise:extend': (payload: ExerciseExtendPayload, ack: AckCallback<ExerciseState>) => void;
  'exercise:update': (payload: ExerciseUpdatePayload, ack: AckCallback<ExerciseSummary>) => void;
  'team:create': (payload: TeamCreatePayload, ack: AckCallback<ExerciseSummary>) => void;
  'team:rename': (payload: TeamRenamePayload, ack: AckCallback<ExerciseSummary>) => void;
  'team:remove': (payload: TeamRemovePayload, ack: AckCallback<ExerciseSummary>) => void;
  'player:move': (payload: PlayerMovePayload, ack: AckCallback<ExerciseSummary>) => void;
  'player:remove': (payload: PlayerRemovePayload, ack: AckCallback<ExerciseSummary>) => void;
  'inject:send': (payload: InjectSendPayload, ack: AckCallback<InjectView>) => void;
  'inject:award': (payload: InjectAwardPayload, ack: AckCallback<InjectAnswerView>) => void;
  'audit:list': (payload: AuditListPayload, ack: AckCallback<AuditPage>) => void;
  'invite:create': (payload: InviteCreatePayload, ack: AckCallback<InviteResult>) => void;
  'invite:list': (payload: ExerciseRefPayload, ack: AckCallback<InviteView[]>) => void;
  'invite:revoke': (payload: InviteRevokePayload, ack: AckCallback<InviteView[]>) => void;
  'score:adjust': (payload: ScoreAdjustPayload, ack: AckCallback<ScoreAdjustmentView>) => void;
  /** Freeze (or unfreeze) the scoreboard teams and observers see; facilitators keep the live one. */
  'scoreboard:freeze': (payload: ScoreboardFreezePayload, ack: AckCallback<ScoreboardUpdate>) => void;
  'team:note': (payload: TeamNotePayload, ack: AckCallback<TeamNoteView>) => void;
  'team:notes': (payload: ExerciseRefPayload, ack: AckCallback<TeamNoteView[]>) => void;
  /** Every team's progress now; later changes arrive as `progress:updated` once the exercise is watched. */
  'team:progress': (payload: ExerciseRefPayload, ack: AckCallback<ProgressUpdate>) => void;
  /** A team's query history, newest first, for the read-only team view. */
  'team:queries': (payload: TeamRefPayload, ack: AckCallback<QueryHistoryEntry[]>) => void;

  // Participant only.
  'exercise:get': (ack: AckCallback<ExerciseState>) => void;
  'cloudtrail:list': (payload: CloudTrailListPayload, ack: AckCallback<CloudTrailPage>) => void;
  'cloudtrail:get': (payload: CloudTrailGetPayload, ack: AckCallback<Record<string, unknown>>) => void;
  'cloudtrail:histogram': (payload: CloudTrailHistogramPayload, ack: AckCallback<CloudTrailHistogram>) => void;
  'query:run': (payload: QueryRunPayload, ack: AckCallback<QueryResult>) => void;
  'query:cancel': (payload: QueryCancelPayload, ack: AckCallback<QueryCancelResult>) => void;
  'query:presets': (ack: AckCallback<NamedQueryView[]>) => void;
  'query:history': (ack: AckCallback<QueryHistoryEntry[]>) => void;
  'objective:submit': (payload: ObjectiveSubmitPayload, ack: AckCallback<SubmissionResult>) => void;
  'hint:open': (payload: HintOpenPayload, ack: AckCallback<HintView>) => void;
  'inject:answer': (payload: InjectAnswerPayload, ack: AckCallback<InjectAnswerView>) => void;

  /**
   * The IAM graph as the caller's exercise has released it. Participants send only the ack, and
   * a facilitator sends `{ exerciseId }` first.
   */
  'iam:graph': (...args: [ack: AckCallback<IamGraph>] | [payload: IamGraphPayload, ack: AckCallback<IamGraph>]) => void;

  /** Run one AWS CLI command against the team's copy of the account. */
  'containment:run': (payload: ContainmentRunPayload, ack: AckCallback<ContainmentResult>) => void;
  /** The team's containment commands, newest first. */
  'containment:history': (ack: AckCallback<ContainmentResult[]>) => void;

  // Facilitator: the red cell's controls.
  'red:watch': (payload: ExerciseRefPayload, ack: AckCallback<RedState>) => void;
  'red:decide': (payload: RedDecisionPayload, ack: AckCallback<RedMoveView>) => void;
  'red:control': (payload: RedControlPayload, ack: AckCallback<RedControl>) => void;

  // Red cell only.
  'red:catalog': (ack: AckCallback<RedCatalog>) => void;
  'red:state': (ack: AckCallback<RedState>) => void;
  'red:move': (payload: RedMovePayload, ack: AckCallback<RedMoveView>) => void;

  // Observer only.
  'board:get': (ack: AckCallback<BoardState>) => void;
}

/** Broadcasts, named `resource:verb` in the past tense. */
export interface ServerToClientEvents {
  'exercise:updated': (state: ExerciseState) => void;
  'phase:released': (release: PhaseReleased) => void;
  'score:updated': (update: ScoreboardUpdate) => void;
  /** Sent to everyone in the exercise at once when the clock is started, paused, resumed, extended or ended. */
  'clock:updated': (update: ClockChanged) => void;
  /** Sent to the teams an inject is addressed to, and to the facilitators. */
  'inject:sent': (inject: InjectView) => void;
  /** Sent to observers whenever the board changes. */
  'board:updated': (board: BoardState) => void;
  /** Sent to facilitators when the store could not save a change. */
  'store:failed': (failure: StoreFailure) => void;
  /** A member of the team ran a query; sent to that team only. */
  'query:recorded': (entry: QueryHistoryEntry) => void;
  /** Sent to every client when the server is shutting down; the client reconnects once it is back. */
  'server:restarting': (notice: { message: string }) => void;
  /** Every team's progress, sent to the exercise's facilitators at most once a second while teams work. */
  'progress:updated': (update: ProgressUpdate) => void;
  /** The red cell's moves and controls changed; sent to the red cell and the exercise's facilitators. */
  'red:updated': (state: RedState) => void;
  /** A member of the team ran a containment command; sent to that team only. */
  'containment:recorded': (result: ContainmentResult) => void;
}

export type ClientToServerEventName = keyof ClientToServerEvents;
