import type { RedMoveStatus, RedMoveView } from '../../../shared/red-blue.js';

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
