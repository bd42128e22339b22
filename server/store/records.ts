import type { ExerciseStatus } from '../../shared/model.js';

/** What the exercise store persists. Times are epoch milliseconds. */

export interface ExerciseRecord {
  id: string;
  name: string;
  scenarioId: string;
  joinCode: string;
  createdAt: number;
  status: ExerciseStatus;
  /** Wall-clock time the clock started; null before the start. */
  startedAt: number | null;
  /** Index of the current phase; -1 before the start. */
  phaseIndex: number;
  /** Exercise time (elapsed ms) at which each released phase was released, by phase index. */
  phaseReleasedAtMs: number[];
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
}

export interface StoreData {
  exercises: ExerciseRecord[];
  teams: TeamRecord[];
  players: PlayerRecord[];
  submissions: SubmissionRecord[];
}

export function emptyStoreData(): StoreData {
  return { exercises: [], teams: [], players: [], submissions: [] };
}
