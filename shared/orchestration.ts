/** Views of running an exercise: hints, injects, the observer board, the audit log and invitations. */
import type { ClockView, ExerciseStatus, PhaseView, ScoreboardEntry, ScorePoint } from './model.js';

export interface HintView {
  id: string;
  /** Points deducted from the team when it opens the hint. */
  cost: number;
  opened: boolean;
  /** Present only once the team has opened the hint. */
  text?: string;
}

export interface InjectAnswerView {
  id: string;
  teamId: string;
  playerId: string;
  displayName: string;
  answer: string;
  /** Wall-clock time of the latest answer, epoch milliseconds. */
  answeredAt: number;
  /** Points the facilitator awarded; null until the answer is scored. */
  awardedPoints: number | null;
}

export interface InjectView {
  id: string;
  /** The team the inject was sent to; null when it went to every team. */
  teamId: string | null;
  message: string;
  /** The question teams answer in free text; null for a message only. */
  question: string | null;
  maxPoints: number;
  /** Scenario phase that carried the inject; null for one the facilitator wrote. */
  phaseId: string | null;
  sentAt: number;
  /** Exercise time (elapsed ms) when the inject was sent. */
  sentAtElapsedMs: number;
  /** A participant receives its own team's answer only; facilitators receive every team's. */
  answers: InjectAnswerView[];
}

/** The read-only big-screen view that observers receive: no team members, answers or findings. */
export interface BoardState {
  exerciseId: string;
  name: string;
  status: ExerciseStatus;
  clock: ClockView;
  phases: PhaseView[];
  phaseCount: number;
  scoreboard: ScoreboardEntry[];
  /** Score over time for the chart, oldest first; cut at the freeze while the board is frozen. */
  scoreSeries?: ScorePoint[];
  scoreboardFrozen?: boolean;
}

export interface ClockChanged {
  exerciseId: string;
  clock: ClockView;
}

export interface AuditEntry {
  id: string;
  /** Wall-clock time, epoch milliseconds. */
  at: number;
  /** Exercise time (elapsed ms) when the action happened. */
  elapsedMs: number;
  actor: { role: 'facilitator' | 'participant' | 'observer' | 'red' | 'system'; id: string | null; name: string | null };
  /** The request or rule behind the entry, for example `phase:advance` or `phase:auto-release`. */
  action: string;
  /** Ids and settings of the action; never a sign-in token. */
  detail: Record<string, unknown>;
}

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
}

/** An invitation as facilitators list it; the token itself is never shown again. */
export interface InviteView {
  id: string;
  role: 'facilitator' | 'observer' | 'red';
  label: string;
  createdAt: number;
}

export interface InviteResult {
  /** The invitee's sign-in token. It is shown once and stored only as a hash. */
  token: string;
  role: 'facilitator' | 'observer' | 'red';
  exerciseId: string;
  inviteId: string;
}

/** Sent to the facilitators when the store could not save a change. */
export interface StoreFailure {
  at: number;
  message: string;
}

/** A facilitator's change to a team's score. */
export interface ScoreAdjustmentView {
  id: string;
  teamId: string;
  points: number;
  reason: string;
  by: string | null;
  at: number;
}

/** A facilitator's note on a team, shown only to facilitators and in the after-action report. */
export interface TeamNoteView {
  id: string;
  teamId: string;
  text: string;
  by: string | null;
  at: number;
}
