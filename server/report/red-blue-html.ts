import { escapeHtml, table } from './html-text.js';
import type { RedCellSummary, TeamRedBlue } from './red-blue.js';
import { containmentTable, redCellTable, teamMovesSummary, teamMovesTable } from './red-blue-cells.js';

/** Render one team's red moves and containment commands as HTML elements, or nothing when the exercise had no red activity. */
export function redBlueHtml(redBlue: TeamRedBlue | undefined): string[] {
  if (!redBlue?.active) return [];
  const parts = ['<h2>Red cell moves</h2>', `<p>${escapeHtml(teamMovesSummary(redBlue))}</p>`];
  if (redBlue.moves.length > 0) {
    const moves = teamMovesTable(redBlue.moves);
    parts.push(table(moves.headers, moves.rows));
  }
  parts.push('<h2>Containment commands</h2>');
  if (redBlue.commands.length === 0) {
    parts.push('<p>The team ran no containment commands.</p>');
  } else {
    const commands = containmentTable(redBlue.commands);
    parts.push(table(commands.headers, commands.rows));
  }
  return parts;
}

/** Render the red cell's points and moves for the exercise-wide report, or nothing when it made no move. */
export function redCellHtml(summary: RedCellSummary | undefined): string[] {
  if (!summary || summary.moves.length === 0) return [];
  const moves = redCellTable(summary);
  const count = `${summary.moves.length} ${summary.moves.length === 1 ? 'move' : 'moves'}`;
  return ['<h2>Red cell</h2>', `<p>The red cell earned <strong>${summary.points}</strong> points with ${count}.</p>`, table(moves.headers, moves.rows)];
}
