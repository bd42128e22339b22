import { formatDuration } from './after-action.js';
import type { ContainmentEntry, RedCellSummary, ReportMoment, TeamMoveOutcome, TeamRedBlue } from './red-blue.js';

/**
 * The red against blue tables of the report as plain text cells, shared by the Markdown and HTML
 * renderers. Nothing here is escaped: each renderer escapes every cell for its own format.
 */

export interface TextTable {
  headers: string[];
  rows: string[][];
}

function exerciseTime(ms: number | null): string {
  return ms === null ? 'unknown' : formatDuration(ms);
}

/** Describe a moment as "wall clock (exercise time)", or as `missing` when it never came. */
export function describeMoment(value: ReportMoment | null, missing: string): string {
  return value === null ? missing : `${value.at} (exercise time ${exerciseTime(value.elapsedMs)})`;
}

function describeCalls(move: TeamMoveOutcome): string {
  if (move.calls.length === 0) return 'no calls';
  return move.calls.map((call) => `${call.action}: ${call.errorCode ?? 'ok'}`).join(', ');
}

function describeFindings(move: TeamMoveOutcome): string {
  if (move.findings.length === 0) return 'none';
  return move.findings.map((finding) => `${finding.type} due ${finding.dueAt}`).join(', ');
}

function describeParams(params: Record<string, string>): string {
  const pairs = Object.entries(params).map(([name, value]) => `${name}=${value}`);
  return pairs.length === 0 ? 'defaults' : pairs.join(', ');
}

/** Count in one sentence the moves that reached the team and how many it detected and contained. */
export function teamMovesSummary(redBlue: TeamRedBlue): string {
  const count = redBlue.moves.length;
  if (count === 0) return 'No red cell move reached this team.';
  const detected = redBlue.moves.filter((move) => move.detected !== null).length;
  const contained = redBlue.moves.filter((move) => move.contained !== null).length;
  return `${count} red cell ${count === 1 ? 'move' : 'moves'} reached this team: ${detected} detected, ${contained} contained.`;
}

/** Tabulate the moves that reached one team, one row each. */
export function teamMovesTable(moves: TeamMoveOutcome[]): TextTable {
  return {
    headers: ['Scenario time (UTC)', 'Exercise time', 'Technique', 'ATT&CK', 'Parameters', 'Calls and error codes', 'Findings', 'Detected', 'Contained', 'Red points'],
    rows: moves.map((move) => [
      move.scenarioTime ?? 'unknown',
      exerciseTime(move.appliedElapsedMs),
      move.aimedAtTeam ? `${move.techniqueName} (aimed at this team)` : move.techniqueName,
      move.mitreId,
      describeParams(move.params),
      describeCalls(move),
      describeFindings(move),
      describeMoment(move.detected, 'not detected'),
      describeMoment(move.contained, 'not contained'),
      String(move.redPoints),
    ]),
  };
}

function signed(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

/** Tabulate the team's containment commands in the order they ran. */
export function containmentTable(commands: ContainmentEntry[]): TextTable {
  return {
    headers: ['Time (UTC)', 'Scenario time (UTC)', 'By', 'Command', 'Result', 'Points', 'Reason'],
    rows: commands.map((command) => [
      describeMoment(command.at, ''),
      command.scenarioTime,
      command.by,
      command.command,
      command.ok ? 'ok' : `error: ${command.errorCode ?? 'failed'}`,
      signed(command.points),
      command.reason ?? '',
    ]),
  };
}

/** Tabulate every move the red cell requested, across all teams. */
export function redCellTable(summary: RedCellSummary): TextTable {
  return {
    headers: ['Scenario time (UTC)', 'Exercise time', 'Technique', 'ATT&CK', 'Status', 'Requested by', 'Aimed at', 'Teams reached', 'Detected by', 'Contained by', 'Red points'],
    rows: summary.moves.map((move) => [
      move.scenarioTime ?? 'not applied',
      move.appliedElapsedMs === null ? 'not applied' : formatDuration(move.appliedElapsedMs),
      move.techniqueName,
      move.mitreId,
      move.status,
      move.requestedBy,
      move.targetTeam ?? 'every team',
      String(move.teamsReached),
      String(move.teamsDetected),
      String(move.teamsContained),
      String(move.redPoints),
    ]),
  };
}
