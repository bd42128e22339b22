import type { QueryResult } from '../../shared/model.js';

/** Text of one cell: NULL stays visible, nested values print as JSON. */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return 'NULL';
  if (typeof cell === 'object') return JSON.stringify(cell);
  return String(cell);
}

/** Format an aligned text table with a header, a rule, and a line that counts the rows. */
export function formatTable(result: QueryResult): string {
  const header = result.columns.map((column) => column.name);
  const body = result.rows.map((row) => row.map((cell) => cellText(cell).replace(/\s*\n\s*/g, ' ')));
  const widths = header.map((name, index) => Math.max(name.length, ...body.map((row) => row[index]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index]!)).join(' | ').trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
  const shown = result.truncated ? `${result.rows.length} of ${result.rowCount} rows (truncated)` : `${result.rowCount} ${result.rowCount === 1 ? 'row' : 'rows'}`;
  return [line(header), rule, ...body.map(line), `(${shown}, ${result.elapsedMs} ms)`].join('\n') + '\n';
}

/** CSV as RFC 4180 describes it: a header row, CRLF line ends, fields quoted when they need it. */
export function formatCsv(result: QueryResult): string {
  const field = (value: unknown) => {
    const text = value === null || value === undefined ? '' : cellText(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [result.columns.map((column) => field(column.name)), ...result.rows.map((row) => row.map(field))];
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

/** Format the JSON document of the query command: columns, rows, rowCount, truncated and elapsedMs. */
export function formatJson(result: QueryResult): string {
  const { columns, rows, rowCount, truncated, elapsedMs } = result;
  return JSON.stringify({ columns, rows, rowCount, truncated, elapsedMs }) + '\n';
}
