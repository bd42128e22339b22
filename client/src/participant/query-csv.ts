import type { QueryColumn, QueryResult } from '../../../shared/model.js';
import { formatCell } from '../app/format.js';

/**
 * Column header as a user reads it. DuckDB names an unaliased `count(*)` "count_star()", which
 * is shown as the expression the user wrote.
 */
export function columnLabel(column: QueryColumn): string {
  return column.name === 'count_star()' ? 'count(*)' : column.name;
}

/** Quotes one CSV field as RFC 4180 requires: fields with a comma, quote or line break go in quotes. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes a query result as CSV with a header row; NULL becomes an empty field. */
export function resultToCsv(result: QueryResult): string {
  const header = result.columns.map((column) => csvField(columnLabel(column))).join(',');
  const lines = result.rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : csvField(formatCell(cell)))).join(','));
  return [header, ...lines].join('\r\n') + '\r\n';
}
