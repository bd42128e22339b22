import type { TeamProgress } from '../../../shared/model.js';

/** Orders of the progress table: highest score first, or most recent activity first. */
export type ProgressSort = 'score' | 'activity';

/** Sorts teams for the progress table; ties and teams without activity fall back to the team name. */
export function sortProgress(teams: readonly TeamProgress[], sort: ProgressSort): TeamProgress[] {
  const activity = (team: TeamProgress) => (team.lastActivityAt ? Date.parse(team.lastActivityAt) : 0);
  return [...teams].sort((a, b) => {
    const difference = sort === 'score' ? b.score - a.score : activity(b) - activity(a);
    return difference || a.teamName.localeCompare(b.teamName);
  });
}

/** Formats an ISO 8601 time as the time since `now` (epoch ms): "just now", "42 s ago", "5 min ago", "2 h ago". */
export function formatAgo(time: string | null, now: number): string {
  if (!time) {
    return 'never';
  }
  const seconds = Math.floor((now - Date.parse(time)) / 1000);
  if (Number.isNaN(seconds)) {
    return time;
  }
  if (seconds < 5) {
    return 'just now';
  }
  if (seconds < 60) {
    return `${seconds} s ago`;
  }
  if (seconds < 3600) {
    return `${Math.floor(seconds / 60)} min ago`;
  }
  return `${Math.floor(seconds / 3600)} h ago`;
}
