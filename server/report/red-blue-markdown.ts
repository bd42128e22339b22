import { escapeMarkdown, table } from './markdown-text.js';
import type { RedCellSummary, TeamRedBlue } from './red-blue.js';
import { containmentTable, redCellTable, teamMovesSummary, teamMovesTable, type TextTable } from './red-blue-cells.js';

function escapedTable(source: TextTable): string {
  return table(source.headers.map(escapeMarkdown), source.rows.map((row) => row.map(escapeMarkdown)));
}

/** Render one team's red moves and containment commands as Markdown sections, or none when the exercise had no red activity. */
export function redBlueMarkdown(redBlue: TeamRedBlue | undefined): string[] {
  if (!redBlue?.active) return [];
  const sections = ['## Red cell moves', teamMovesSummary(redBlue)];
  if (redBlue.moves.length > 0) sections.push(escapedTable(teamMovesTable(redBlue.moves)));
  sections.push('## Containment commands', redBlue.commands.length === 0 ? 'The team ran no containment commands.' : escapedTable(containmentTable(redBlue.commands)));
  return sections;
}

/** Render the red cell's points and moves for the exercise-wide report, or nothing when it made no move. */
export function redCellMarkdown(summary: RedCellSummary | undefined): string[] {
  if (!summary || summary.moves.length === 0) return [];
  return ['## Red cell', `The red cell earned **${summary.points}** points with ${summary.moves.length} ${summary.moves.length === 1 ? 'move' : 'moves'}.`, escapedTable(redCellTable(summary))];
}
