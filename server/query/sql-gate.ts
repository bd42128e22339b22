import { StatementType, type DuckDBConnection } from '@duckdb/node-api';
import { PublicTables } from './athena-tables.js';

/**
 * Decide whether participant SQL may run. DuckDB's own sandbox settings already block files,
 * network, extensions and configuration; this gate adds what they cannot express: exactly one
 * read-only statement, and no table other than the public views (so the hidden tables that hold
 * unreleased events stay out of reach even though they live in the same database).
 */

export class QueryRejectedError extends Error {}

/** Table functions that produce rows from values and read no table or file. */
const AllowedTableFunctions = new Set(['unnest', 'range', 'generate_series', 'json_each', 'json_tree']);


export async function checkQuery(connection: DuckDBConnection, sql: string): Promise<void> {
  const extracted = await connection.extractStatements(sql).catch((error: unknown) => {
    throw new QueryRejectedError(cleanMessage(error));
  });
  if (extracted.count !== 1) {
    throw new QueryRejectedError(
      `Only one statement can run at a time, but this query contains ${extracted.count}. Remove the extra statements and the semicolons between them.`,
    );
  }

  const reader = await connection.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR) AS tree', [sql]);
  const tree = JSON.parse(String(reader.getRowsJson()[0]?.[0])) as { error: boolean; error_message?: string; statements?: unknown[] };
  if (tree.error) {
    throw new QueryRejectedError(
      /not a SELECT/i.test(tree.error_message ?? '') || !/syntax|parser/i.test(tree.error_message ?? '')
        ? 'Only read queries (SELECT, WITH or VALUES) can run here.'
        : cleanMessage(tree.error_message),
    );
  }

  const cteNames = new Set<string>();
  collectCteNames(tree.statements, cteNames);
  checkTableReferences(tree.statements, cteNames);

  // Binding through prepare also confirms the statement type after DuckDB's own analysis.
  const prepared = await extracted.prepare(0).catch((error: unknown) => {
    throw new QueryRejectedError(cleanMessage(error));
  });
  if (prepared.statementType !== StatementType.SELECT) {
    throw new QueryRejectedError('Only read queries (SELECT, WITH or VALUES) can run here.');
  }
}

function collectCteNames(node: unknown, names: Set<string>): void {
  if (Array.isArray(node)) {
    for (const child of node) collectCteNames(child, names);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  const cteMap = record.cte_map as { map?: { key: string }[] } | undefined;
  for (const entry of cteMap?.map ?? []) names.add(entry.key.toLowerCase());
  for (const value of Object.values(record)) collectCteNames(value, names);
}

function checkTableReferences(node: unknown, cteNames: Set<string>): void {
  if (Array.isArray(node)) {
    for (const child of node) checkTableReferences(child, cteNames);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;

  if (record.type === 'BASE_TABLE') {
    const name = String(record.table_name ?? '').toLowerCase();
    const qualified = Boolean(record.schema_name) || Boolean(record.catalog_name);
    const known = (PublicTables as readonly string[]).includes(name) || cteNames.has(name);
    if (qualified || !known) {
      throw new QueryRejectedError(
        `Table "${String(record.table_name)}" does not exist. The tables you can query are ${PublicTables.join(' and ')}.`,
      );
    }
  }
  if (record.type === 'TABLE_FUNCTION') {
    const fn = record.function as { function_name?: string } | undefined;
    const name = String(fn?.function_name ?? '').toLowerCase();
    if (!AllowedTableFunctions.has(name)) {
      throw new QueryRejectedError(`Table function "${name}" is not available here. Query ${PublicTables.join(' or ')} instead.`);
    }
  }
  for (const value of Object.values(record)) checkTableReferences(value, cteNames);
}

/** DuckDB's message without internal detail, keeping the kind of error and the position marker. */
export function cleanMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error ?? 'Unknown error');
  return text
    .replace(/^Failed to extract statements: /, '')
    .replace(/\n{2,}/g, '\n')
    .trim()
    .slice(0, 2000);
}
