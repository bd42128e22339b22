/** Views of server state as clients receive them. None of them carries an answer key. */
import type { HintView, InjectView } from './orchestration.js';

/** An observer sees the scoreboard and the big-screen view of one exercise, never a team's work. */
export type Role = 'facilitator' | 'participant' | 'observer' | 'red';

export type ExerciseStatus = 'ready' | 'running' | 'paused' | 'ended';

export interface SessionView {
  role: Role;
  /**
   * Set for participants and observers, and for facilitators invited to one exercise. A
   * facilitator without it signed in with the server's token and may manage every exercise.
   */
  exerciseId?: string;
  teamId?: string;
  playerId?: string;
  displayName?: string;
}

export interface TeamView {
  id: string;
  name: string;
  members: { id: string; displayName: string }[];
}

export interface ScoreboardEntry {
  teamId: string;
  teamName: string;
  score: number;
  rank: number;
  /** Objectives the team has solved. */
  solved?: number;
}

/** The scores of every team at one moment: epoch ms and score by team id. */
export interface ScorePoint {
  at: number;
  scores: Record<string, number>;
}

export interface ClockView {
  status: ExerciseStatus;
  /** Milliseconds of exercise time elapsed when `serverNow` was taken; pauses excluded. */
  elapsedMs: number;
  /** Server wall-clock time in epoch milliseconds, so clients can extrapolate a running clock. */
  serverNow: number;
  /** Scenario time (ISO 8601, UTC) that matches `elapsedMs`; null before the start. */
  scenarioTime: string | null;
  /** Planned length of the exercise in milliseconds, including every extension. */
  durationMs: number;
  /** Milliseconds of exercise time left when `serverNow` was taken; the exercise ends at 0. */
  remainingMs: number;
  /** Exercise time (elapsed ms) at which the next phase is released by itself; null when it waits for the facilitator. */
  nextReleaseAtMs: number | null;
}

export interface PhaseView {
  index: number;
  id: string;
  title: string;
}

export interface ObjectiveView {
  id: string;
  title: string;
  description: string;
  points: number;
  answerHint: string;
  /** The objective's hints in the order they may be opened; the text is present once opened. */
  hints: HintView[];
  /** Set once the team has solved it. */
  solved: boolean;
  pointsAwarded: number;
  wrongAttempts: number;
  /** Points taken off the team score for each wrong answer; 0 when wrong answers cost nothing. */
  wrongAnswerPenalty?: number;
  /** Teammate whose answer solved it, and the time (ISO 8601, UTC); absent while unsolved. */
  /**
   * Who solved the objective and when: `at` is wall-clock time, `elapsedMs` exercise time and
   * `scenarioTime` the scenario clock at the answer; the last two are absent for older answers.
   */
  solvedBy?: { displayName: string; at: string; elapsedMs?: number; scenarioTime?: string };
}

export interface EnvironmentRow {
  resource: string;
  detail: string;
}

export interface BriefView {
  scenarioTitle: string;
  summary: string;
  environment: EnvironmentRow[];
  workflow: string[];
  /** The reference notes (Markdown bodies) released to participants so far, by phase. */
  reference?: ReferenceNoteView[];
}

export interface ReferenceNoteView {
  title: string;
  body: string;
}

export interface ExerciseSummary {
  id: string;
  name: string;
  scenarioId: string;
  joinCode: string;
  status: ExerciseStatus;
  teams: TeamView[];
  /** Members a team may have at most; null for no limit. */
  teamSizeMax: number | null;
}

/** A GuardDuty finding in the format GetFindings returns, as released to teams. */
export type Finding = Record<string, unknown> & {
  Id: string;
  Type: string;
  Severity: number;
  Title: string;
  UpdatedAt: string;
};

export interface ExerciseState {
  exercise: ExerciseSummary;
  brief: BriefView;
  clock: ClockView;
  /** Phases released so far, in order; the last is the current one. */
  phases: PhaseView[];
  phaseCount: number;
  findings: Finding[];
  objectives: ObjectiveView[];
  scoreboard: ScoreboardEntry[];
  /** Injects sent to the team (or, for facilitators, to anyone), oldest first, with the team's own answers. */
  injects: InjectView[];
  /** True while the public scoreboard is frozen; teams then see it as it stood at the freeze. */
  scoreboardFrozen?: boolean;
}

/** Quick filters of the CloudTrail browser; `suspicious` is defined in server/query/cloudtrail-where.ts. */
export type CloudTrailFilter = 'all' | 'iam' | 's3' | 'ec2' | 'suspicious';

/** One row of the CloudTrail event browser. */
export interface CloudTrailRow {
  eventId: string;
  eventTime: string;
  eventSource: string;
  eventName: string;
  awsRegion: string;
  userName: string | null;
  sourceIpAddress: string | null;
  errorCode: string | null;
}

export interface CloudTrailPage {
  rows: CloudTrailRow[];
  total: number;
  offset: number;
}

/** Number of matching events that happened in `[start, start + bucket length)`. */
export interface CloudTrailBucket {
  /** ISO 8601 time of the bucket's start. */
  start: string;
  count: number;
}

/**
 * Events over time for the CloudTrail browser's histogram. The span runs from the first to the
 * last released event, whatever the filters match, so that bars keep their place as filters change.
 */
export interface CloudTrailHistogram {
  /** ISO 8601 start of the first bucket, or null when no event is released yet. */
  start: string | null;
  /** ISO 8601 end of the last bucket (exclusive), or null when no event is released yet. */
  end: string | null;
  bucketSeconds: number;
  buckets: CloudTrailBucket[];
  /** Matching events in all buckets together. */
  total: number;
}

export interface QueryColumn {
  name: string;
  type: string;
}

export interface QueryResult {
  columns: QueryColumn[];
  rows: unknown[][];
  rowCount: number;
  truncated: boolean;
  elapsedMs: number;
}

/** A named query of the scenario, offered as a preset in the query tab. */
export interface NamedQueryView {
  id: string;
  name: string;
  description: string;
  sql: string;
}

/** One query a team member ran, as the whole team sees it in the shared history. */
export interface QueryHistoryEntry {
  id: string;
  sql: string;
  playerId: string;
  displayName: string;
  /** ISO 8601 wall-clock time the query finished. */
  ranAt: string;
  ok: boolean;
  rowCount: number | null;
  elapsedMs: number | null;
  /** Error code when the query failed (QUERY_FAILED, QUERY_TIMEOUT, ...). */
  errorCode: string | null;
}

export interface QueryCancelResult {
  /** Number of running queries that were cancelled. */
  cancelled: number;
}

export interface SubmissionResult {
  objectiveId: string;
  correct: boolean;
  pointsAwarded: number;
  teamScore: number;
  message: string;
}

export interface PhaseReleased {
  exerciseId: string;
  phase: PhaseView;
  findings: Finding[];
  clock: ClockView;
}

export interface ScoreboardUpdate {
  exerciseId: string;
  scoreboard: ScoreboardEntry[];
  /** True when the board is frozen for participants and observers; facilitators still get live scores. */
  frozen?: boolean;
}

export interface JoinInfo {
  exerciseName: string;
  teams: { id: string; name: string; memberCount: number }[];
}

export interface JoinResult {
  playerToken: string;
  exerciseId: string;
  teamId: string;
  playerId: string;
}

/** Answer of `GET /api/public-url`: the address participants open, or null to use the browser's own. */
export interface PublicUrlView {
  publicUrl: string | null;
}

/** A team member in the facilitator's progress view. */
export interface MemberProgress {
  playerId: string;
  displayName: string;
  /** True while the member has the app open (at least one Socket.IO connection). */
  online: boolean;
  /** ISO 8601 time of the member's latest request, edit of the team document or answer; null if none is known. */
  lastActiveAt: string | null;
}

/** One team's progress as the facilitator sees it; built from the store and the team document. */
export interface TeamProgress {
  teamId: string;
  teamName: string;
  /** Live score and rank, also while the public scoreboard is frozen. */
  score: number;
  rank: number;
  members: MemberProgress[];
  objectives: {
    /** Objectives solved by the team. */
    solved: number;
    /** Objectives the team has sent at least one answer for, solved or not. */
    attempted: number;
    /** Objectives released to the team so far. */
    released: number;
    /** Points the objectives earned: answers, bonuses, penalties and hint costs. */
    points: number;
  };
  hintsOpened: number;
  timelineEntries: number;
  /** Words in the IR report, all sections together. */
  reportWords: number;
  /** Report sections with any text, out of `reportSectionCount`. */
  reportSectionsFilled: number;
  reportSectionCount: number;
  checklist: { done: number; total: number };
  /** Characters in the team notepad. */
  notepadLength: number;
  /** Queries the team has run since the server started. */
  queriesRun: number;
  /** ISO 8601 time of the team's latest activity; null before any. */
  lastActivityAt: string | null;
}

/** Every team's progress in one exercise, sent to its facilitators only. */
export interface ProgressUpdate {
  exerciseId: string;
  /** ISO 8601 server time the view was built. */
  at: string;
  teams: TeamProgress[];
}
