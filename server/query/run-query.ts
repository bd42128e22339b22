import type { DuckDBConnection, DuckDBType } from '@duckdb/node-api';
import type { QueryResult } from '../../shared/model.js';
import { PublicTables } from './athena-tables.js';
import { checkQuery, errorText, QueryRejectedError } from './sql-gate.js';

/** A query that passed the gate but failed while running; the message is already in Athena's form. */
export class QueryFailedError extends Error {}

const IntegerTypes = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;

/**
 * Gate and run one participant query on a connection whose views already apply the team's
 * visibility. Returns at most `maxRows` rows, with the total count when there are more.
 */
export async function runQuery(connection: DuckDBConnection, sql: string, maxRows: number): Promise<QueryResult> {
  const started = performance.now();
  const gated = await checkQuery(connection, sql);
  if (gated.kind === 'show-tables') {
    return {
      columns: [{ name: 'tab_name', type: 'VARCHAR' }],
      rows: PublicTables.map((name) => [name]),
      rowCount: PublicTables.length,
      truncated: false,
      elapsedMs: elapsedSince(started),
    };
  }

  try {
    const reader = gated.prepared ? await gated.prepared.streamAndReadUntil(maxRows + 1) : await connection.streamAndReadUntil(gated.sql, maxRows + 1);
    const truncated = reader.currentRowCount > maxRows;
    const types = reader.columnTypes();
    const rows = reader.getRowsJson().slice(0, maxRows).map((row) => row.map((cell, index) => jsonCell(cell, types[index])));
    let rowCount = rows.length;
    if (truncated) {
      const total = await connection.runAndReadAll(`SELECT count(*) FROM (${gated.sql})`);
      rowCount = Number(total.getRowsJson()[0]?.[0] ?? rows.length);
    }
    const duckDbNames = reader.columnNames();
    const names = gated.columnNames?.length === duckDbNames.length ? gated.columnNames : duckDbNames;
    return {
      columns: names.map((name, index) => ({ name, type: String(types[index]) })),
      rows,
      rowCount,
      truncated,
      elapsedMs: elapsedSince(started),
    };
  } catch (error) {
    if (error instanceof QueryRejectedError) throw error;
    const text = errorText(error);
    // An interrupt keeps DuckDB's text, so the caller can tell a cancel or timeout from a failure.
    if (/interrupt/i.test(text)) throw error;
    throw new QueryFailedError(gated.explainError(text));
  } finally {
    gated.prepared?.destroySync();
  }
}

/** Integers arrive as strings from getRowsJson; send them as numbers when no precision is lost. */
function jsonCell(cell: unknown, type: DuckDBType | undefined): unknown {
  if (typeof cell !== 'string' || !type || !IntegerTypes.test(String(type))) return cell;
  const value = Number(cell);
  return Number.isSafeInteger(value) ? value : cell;
}

function elapsedSince(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
