import type { RedMoveStatus, RedMoveView } from '../../../shared/red-blue.js';
import { plural } from '../app/format.js';

export const moveStatusLabels: Record<RedMoveStatus, string> = {
  'awaiting-approval': 'Awaiting approval',
  applied: 'Applied',
  rejected: 'Rejected',
};

/** A team as the move views name it. */
export interface TeamName {
  id: string;
  name: string;
}

/** Replaces the move with the same id, or adds it, and returns the list newest first. */
export function upsertMove(moves: readonly RedMoveView[], move: RedMoveView): RedMoveView[] {
  return newestFirst([move, ...moves.filter((known) => known.id !== move.id)]);
}

/** Sorts moves by request time, newest first. ISO 8601 times in UTC sort correctly as text. */
export function newestFirst(moves: readonly RedMoveView[]): RedMoveView[] {
  return [...moves].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
}

/** Returns the team's name, or its id when the team is unknown (for example removed since). */
export function teamLabel(teamId: string | null, teams: readonly TeamName[]): string {
  if (teamId === null) {
    return 'All teams';
  }
  return teams.find((team) => team.id === teamId)?.name ?? teamId;
}

/** Counts the moves that are applied, so a view can tell when the account changed. */
export function appliedCount(moves: readonly RedMoveView[]): number {
  return moves.filter((move) => move.status === 'applied').length;
}

/**
 * Summarises what a move did across the teams' copies of the account, such as "Applied to 2 teams:
 * 4 of 4 calls succeeded." or "Applied to 2 teams: 2 of 2 calls failed (LimitExceeded).", so a
 * failed attack is visible without reading each call.
 */
export function describeOutcome(move: RedMoveView): string {
  if (move.status === 'awaiting-approval') {
    return "Waiting for the facilitator's approval.";
  }
  if (move.status === 'rejected') {
    return 'Rejected by the facilitator; no call was made.';
  }
  const calls = move.results.flatMap((result) => result.calls);
  const teams = plural(move.results.length, 'team');
  if (calls.length === 0) {
    return `Applied to ${teams}: no call was made.`;
  }
  const failed = calls.filter((call) => call.errorCode !== null);
  if (failed.length === 0) {
    return `Applied to ${teams}: ${callCount(calls.length, calls.length)} succeeded.`;
  }
  const codes = [...new Set(failed.map((call) => call.errorCode))].join(', ');
  return `Applied to ${teams}: ${callCount(failed.length, calls.length)} failed (${codes}).`;
}

function callCount(count: number, total: number): string {
  return `${count} of ${plural(total, 'call')}`;
}
