import { StatementType, type DuckDBConnection, type DuckDBPreparedStatement } from '@duckdb/node-api';
import { athenaColumnNames } from './athena-column-names.js';
import { athenaMessage, positionAt, translateDuckDbError } from './athena-errors.js';
import { rewriteAthenaLiterals, RewriteError } from './athena-rewrite.js';
import { PublicTables } from './athena-tables.js';

/**
 * The gate every participant query passes before it runs. DuckDB's own sandbox settings already
 * block files, network, extensions and configuration. This gate adds what they cannot express:
 * exactly one read statement (SELECT, WITH, VALUES, EXPLAIN, DESCRIBE, SHOW TABLES or COLUMNS), and no
 * table other than the public views, so the hidden tables that hold unreleased events stay out of
 * reach even though they live in the same database.
 */

export class QueryRejectedError extends Error {}

/** Table functions that produce rows from values and read no table or file. */
const AllowedTableFunctions = new Set(['unnest', 'range', 'generate_series', 'json_each', 'json_tree']);

const ReadOnlyMessage = 'Only read queries (SELECT, WITH, VALUES, EXPLAIN, DESCRIBE, SHOW TABLES or SHOW COLUMNS) can run here. Statements that change data, settings or files are not available.';

export interface GatedQuery {
  /** Kind of work: the query with Athena notation converted, or a listing of the tables. */
  kind: 'query' | 'show-tables';
  sql: string;
  /** The bound statement, ready to run; absent for the table listing. The caller destroys it. */
  prepared?: DuckDBPreparedStatement;
  /** Translate a DuckDB error raised while running `sql` into an Athena-style message. */
  explainError(raw: string): string;
  /** Result column names as Athena would give them, or absent to keep DuckDB's. */
  columnNames?: string[];
}

/** Check one participant query and return what to run, or throw a QueryRejectedError. */
export async function checkQuery(connection: DuckDBConnection, sql: string): Promise<GatedQuery> {
  if (/^\s*SHOW\s+TABLES\s*;?\s*$/i.test(sql)) return { kind: 'show-tables', sql, explainError: (raw) => raw };
  // Athena's SHOW COLUMNS is DuckDB's DESCRIBE; the table name is then checked like any other.
  const showColumns = sql.match(/^\s*SHOW\s+COLUMNS\s+(?:FROM|IN)\s+("?[A-Za-z_][\w.]*"?)\s*;?\s*$/i);
  if (showColumns) return checkQuery(connection, `DESCRIBE ${showColumns[1]}`);

  const extracted = await connection.extractStatements(sql).catch((error: unknown) => {
    throw new QueryRejectedError(translateDuckDbError(errorText(error), sql).message);
  });
  if (extracted.count !== 1) {
    throw new QueryRejectedError(
      athenaMessage('NOT_SUPPORTED', `Only one statement can run at a time, but this query contains ${extracted.count}. Remove the extra statements and the semicolons between them.`),
    );
  }

  // EXPLAIN is checked as the statement it explains. EXPLAIN ANALYZE is refused because its
  // row counts would include rows of the hidden tables that the views filter out.
  const explain = sql.match(/^\s*EXPLAIN\s+/i);
  if (explain && /^\s*ANALY[SZ]E\b/i.test(sql.slice(explain[0].length))) {
    throw new QueryRejectedError(athenaMessage('NOT_SUPPORTED', 'EXPLAIN ANALYZE is not available here. Use EXPLAIN without ANALYZE.'));
  }
  const prefix = explain ? explain[0] : '';
  const body = sql.slice(prefix.length);
  const prefixBytes = Buffer.byteLength(prefix, 'utf8');

  const reader = await connection.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR) AS tree', [body]);
  const tree = JSON.parse(String(reader.getRowsJson()[0]?.[0])) as { error: boolean; error_message?: string; statements?: unknown[] };
  if (tree.error) throw new QueryRejectedError(athenaMessage('NOT_SUPPORTED', ReadOnlyMessage));

  const at = (offset: unknown) => (typeof offset === 'number' && offset < 2 ** 52 ? positionAt(sql, prefixBytes + offset) : undefined);
  const cteNames = new Set<string>();
  collectCteNames(tree.statements, cteNames);
  checkReferences(tree.statements, cteNames, at);

  let rewritten;
  try {
    rewritten = rewriteAthenaLiterals(body, tree.statements);
  } catch (error) {
    if (error instanceof RewriteError) throw new QueryRejectedError(athenaMessage('INVALID_FUNCTION_ARGUMENT', error.message, at(error.offset)));
    throw error;
  }
  const executed = prefix + rewritten.sql;
  const toOriginal = (offset: number) => (offset < prefixBytes ? offset : prefixBytes + rewritten.toOriginalOffset(offset - prefixBytes));
  const explainError = (raw: string) => translateDuckDbError(raw, sql, executed, toOriginal).message;

  // Binding through prepare confirms the statement type after DuckDB's own analysis and reports
  // unknown columns and functions before any row is read.
  const prepared = await connection.prepare(executed).catch((error: unknown) => {
    throw new QueryRejectedError(explainError(errorText(error)));
  });
  if (prepared.statementType !== StatementType.SELECT && prepared.statementType !== StatementType.EXPLAIN) {
    prepared.destroySync();
    throw new QueryRejectedError(athenaMessage('NOT_SUPPORTED', ReadOnlyMessage));
  }
  const columnNames = explain ? null : athenaColumnNames(tree.statements);
  return { kind: 'query', sql: executed, prepared, explainError, ...(columnNames ? { columnNames } : {}) };
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

type Locate = (offset: unknown) => ReturnType<typeof positionAt> | undefined;

function checkReferences(node: unknown, cteNames: Set<string>, at: Locate): void {
  if (Array.isArray(node)) {
    for (const child of node) checkReferences(child, cteNames, at);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;

  if (record.type === 'BASE_TABLE') {
    const name = String(record.table_name ?? '').toLowerCase();
    const qualified = Boolean(record.schema_name) || Boolean(record.catalog_name);
    const known = (PublicTables as readonly string[]).includes(name) || cteNames.has(name);
    if (qualified || !known) {
      const shown = [record.catalog_name, record.schema_name, record.table_name].filter(Boolean).join('.');
      throw new QueryRejectedError(
        athenaMessage('TABLE_NOT_FOUND', `Table '${shown}' does not exist. The tables you can query are ${PublicTables.join(' and ')}.`, at(record.query_location)),
      );
    }
  }
  if (record.type === 'TABLE_FUNCTION') {
    const fn = record.function as { function_name?: string } | undefined;
    const name = String(fn?.function_name ?? '').toLowerCase();
    if (!AllowedTableFunctions.has(name)) {
      throw new QueryRejectedError(
        athenaMessage('FUNCTION_NOT_FOUND', `Table function '${name}' is not available here. Query ${PublicTables.join(' or ')} instead.`, at(record.query_location)),
      );
    }
  }
  // SHOW and DESCRIBE of a table or query carry that query; SHOW of anything else (all tables,
  // databases, settings) would list the hidden schema.
  if (record.type === 'SHOW_REF' && !record.query) throw new QueryRejectedError(athenaMessage('NOT_SUPPORTED', ReadOnlyMessage));
  for (const value of Object.values(record)) checkReferences(value, cteNames, at);
}

/** Return the text of an error thrown by DuckDB, without the prefix the extractor adds. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error ?? 'Unknown error');
  return text.replace(/^Failed to extract statements: /, '').slice(0, 4000);
}
