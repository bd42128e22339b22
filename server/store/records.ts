import type { ExerciseStatus } from '../../shared/model.js';

/** Records that the exercise store persists. Times are epoch milliseconds. */

export interface ExerciseRecord {
  id: string;
  name: string;
  scenarioId: string;
  joinCode: string;
  createdAt: number;
  status: ExerciseStatus;
  /** Wall-clock time the clock started; null before the start. */
  startedAt: number | null;
  /** Wall-clock time the exercise ended; null until then. */
  endedAt: number | null;
  /** Exercise time (ms) banked before `runningSince`: every running stretch before the latest pause. */
  clockElapsedMs: number;
  /** Wall-clock time the clock last started running; null while it is stopped (ready, paused, ended). */
  runningSince: number | null;
  /** Planned length of the exercise in ms, including extensions; the exercise ends when the clock reaches it. */
  durationMs: number;
  /** Members a team may have at most; null for no limit. */
  teamSizeMax: number | null;
  /** Index of the current phase; -1 before the start. */
  phaseIndex: number;
  /** Exercise time (elapsed ms) at which each released phase was released, by phase index. */
  phaseReleasedAtMs: number[];
  /** Wall-clock time the public scoreboard was frozen; null while it is live. Absent in older files. */
  scoreboardFrozenAt?: number | null;
  /** Approval mode and pause of the red cell; absent means auto mode, not paused. */
  redControl?: { mode: 'auto' | 'approve'; paused: boolean };
  /** Last sequence number given to a red move or containment command applied to the account copies. */
  liveSeq?: number;
}

export interface TeamRecord {
  id: string;
  exerciseId: string;
  name: string;
}

export interface PlayerRecord {
  id: string;
  exerciseId: string;
  teamId: string;
  displayName: string;
  /** sha256 of the player's sign-in token; the token itself is never stored. */
  tokenHash: string;
  joinedAt: number;
}

export interface SubmissionRecord {
  id: string;
  exerciseId: string;
  teamId: string;
  playerId: string;
  objectiveId: string;
  correct: boolean;
  /** Points added to the team score: positive for a solve, negative for a penalty. */
  points: number;
  at: number;
  idempotencyKey: string | null;
  /** Digest of the normalised answer, to count identical answers sent together once. Absent in older files. */
  answerDigest?: string;
  /** Bonus points included in `points`. */
  bonus?: number;
  /** Exercise time (ms, pauses excluded) of the answer. Absent in older files. */
  elapsedMs?: number;
  /** Scenario time (ISO 8601, UTC) the exercise clock showed at the answer. Absent in older files. */
  scenarioTime?: string;
}

export interface InjectRecord {
  id: string;
  exerciseId: string;
  /** Addressed team; null for every team. */
  teamId: string | null;
  message: string;
  question: string | null;
  maxPoints: number;
  /** Scenario phase and inject id that produced it; null for one the facilitator wrote. */
  phaseId: string | null;
  scenarioInjectId: string | null;
  sentAt: number;
  sentAtElapsedMs: number;
}

export interface InjectAnswerRecord {
  id: string;
  exerciseId: string;
  injectId: string;
  teamId: string;
  playerId: string;
  answer: string;
  answeredAt: number;
  /** Points awarded by a facilitator; null until scored. */
  awardedPoints: number | null;
}

export interface HintOpenRecord {
  id: string;
  exerciseId: string;
  teamId: string;
  playerId: string;
  objectiveId: string;
  hintId: string;
  /** Points added to the team score: minus the hint's cost. */
  points: number;
  at: number;
}

/** Points a facilitator added (positive) or took away (negative) from a team, with the reason. */
export interface ScoreAdjustmentRecord {
  id: string;
  exerciseId: string;
  teamId: string;
  points: number;
  reason: string;
  by: string | null;
  at: number;
}

/** A facilitator's note on a team, for the after-action report. */
export interface FacilitatorNoteRecord {
  id: string;
  exerciseId: string;
  teamId: string;
  text: string;
  by: string | null;
  at: number;
}

/** A sign-in link for a second facilitator or an observer of one exercise. */
export interface InviteRecord {
  id: string;
  exerciseId: string;
  role: 'facilitator' | 'observer' | 'red';
  label: string;
  /** sha256 of the invite's token; the token itself is never stored. */
  tokenHash: string;
  createdAt: number;
}

export interface AuditRecord {
  id: string;
  exerciseId: string;
  at: number;
  elapsedMs: number;
  actor: { role: 'facilitator' | 'participant' | 'observer' | 'red' | 'system'; id: string | null; name: string | null };
  action: string;
  detail: Record<string, unknown>;
}

/** The acknowledged result of a request sent with an idempotency key, replayed when the key comes again. */
export interface IdempotencyRecord {
  /** The scope (actor, request and, where one applies, exercise) and the client's key, joined by "/". */
  key: string;
  /** Exercise the request changed, whose file keeps the key. Absent in older files, which keep such keys in `server.json`. */
  exerciseId?: string;
  result: unknown;
  at: number;
}

/** Result of a red move in one team's copy of the account, and the team's response to it. */
export interface RedMoveTeamRecord {
  teamId: string;
  calls: { action: string; errorCode: string | null; eventId: string | null }[];
  findings: { id: string; type: string; dueAt: string }[];
  /** Wall-clock times (epoch ms) the team detected and contained the move; null until then. */
  detectedAt: number | null;
  containedAt: number | null;
  /** Points the red cell earned in this copy: staying undetected, reaching data. */
  redPoints: number;
  /** True once the move has been scored as undetected for this team. */
  undetectedScored: boolean;
}

/** A move of the red cell, from its request to its result in every team copy. */
export interface RedMoveRecord {
  id: string;
  exerciseId: string;
  techniqueId: string;
  /** The parameters as the red console sent them; parsed again when the move is replayed. */
  params: Record<string, string>;
  /** Team the move is aimed at; null for every team. */
  teamId: string | null;
  status: 'awaiting-approval' | 'applied' | 'rejected';
  requestedAt: number;
  requestedBy: string;
  decidedBy: string | null;
  /** Order among the applied moves and commands of the exercise; null until applied. */
  seq: number | null;
  appliedAt: number | null;
  /** Exercise time and phase at the application, for replay and scoring. */
  appliedElapsedMs: number | null;
  phaseIndex: number | null;
  scenarioTime: string | null;
  results: RedMoveTeamRecord[];
}

/** A containment command a team member ran against the team's copy of the account. */
export interface ContainmentRecord {
  id: string;
  exerciseId: string;
  teamId: string;
  playerId: string;
  displayName: string;
  command: string;
  /** The parsed call, so a replay does not depend on the parser of the day. */
  call: { service: string; action: string; params: Record<string, unknown>; region: string };
  seq: number;
  at: number;
  phaseIndex: number;
  scenarioTime: string;
  ok: boolean;
  errorCode: string | null;
  output: string;
  eventId: string | null;
  points: number;
  reason: string | null;
}

export interface StoreData {
  exercises: ExerciseRecord[];
  teams: TeamRecord[];
  players: PlayerRecord[];
  submissions: SubmissionRecord[];
  injects: InjectRecord[];
  injectAnswers: InjectAnswerRecord[];
  hintOpens: HintOpenRecord[];
  invites: InviteRecord[];
  audit: AuditRecord[];
  idempotency: IdempotencyRecord[];
  scoreAdjustments: ScoreAdjustmentRecord[];
  facilitatorNotes: FacilitatorNoteRecord[];
  redMoves: RedMoveRecord[];
  containment: ContainmentRecord[];
}

export function emptyStoreData(): StoreData {
  return { exercises: [], teams: [], players: [], submissions: [], injects: [], injectAnswers: [], hintOpens: [], invites: [], audit: [], idempotency: [], scoreAdjustments: [], facilitatorNotes: [], redMoves: [], containment: [] };
}

/** Default planned length when a stored exercise predates the field: the manifest's default. */
const DefaultDurationMs = 120 * 60_000;

/**
 * Fill fields that files written by older versions lack, so they load as current records. An
 * exercise stored as running by a version without pauses has run since its start.
 */
export function upgradeStoreData(raw: Partial<StoreData> | null | undefined): StoreData {
  const data = { ...emptyStoreData(), ...raw };
  data.exercises = data.exercises.map((exercise) => {
    const legacy = exercise as Partial<ExerciseRecord> & Pick<ExerciseRecord, 'id' | 'status' | 'startedAt'>;
    let runningSince = legacy.runningSince;
    if (runningSince === undefined) runningSince = legacy.status === 'running' ? legacy.startedAt : null;
    return {
      ...exercise,
      endedAt: legacy.endedAt ?? null,
      clockElapsedMs: legacy.clockElapsedMs ?? 0,
      runningSince,
      durationMs: legacy.durationMs ?? DefaultDurationMs,
      teamSizeMax: legacy.teamSizeMax ?? null,
    };
  });
  return data;
}
