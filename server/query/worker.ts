import type { DuckDBConnection } from '@duckdb/node-api';
import type { WorkerInit, WorkerMessage, WorkerReply, WorkerRequest, WorkerResultData } from './protocol.js';
import { histogram, listEvents } from './cloudtrail-browse.js';
import { ConnectionPool } from './connection-pool.js';
import { HiddenSchema, insertLiveFindingSql, insertLiveSql, liveRecordStructure } from './athena-tables.js';
import { createQueryDatabase, type QueryDatabase } from './query-database.js';
import { RecordFile } from './record-file.js';
import { QueryFailedError, runQuery } from './run-query.js';
import { errorText, QueryRejectedError } from './sql-gate.js';

/**
 * Query worker: a child process that owns one scenario's DuckDB database. It runs apart from
 * the server so that a crash or a runaway query in DuckDB cannot take an exercise down.
 */

let pool: ConnectionPool | undefined;
let database: QueryDatabase | undefined;
let records: RecordFile | undefined;
const running = new Map<number, DuckDBConnection>();

function reply(message: WorkerReply): void {
  process.send?.(message);
}

async function init(options: WorkerInit): Promise<void> {
  const started = performance.now();
  // The line index is built while DuckDB loads, on the main thread; DuckDB loads on a pool thread.
  const [loaded, recordFile] = await Promise.all([createQueryDatabase(options), RecordFile.open(options.eventsPath)]);
  if (recordFile.count !== loaded.eventCount) {
    throw new Error(`The events file has ${recordFile.count} records but ${loaded.eventCount} were loaded.`);
  }
  await checkLineNumbers(loaded, recordFile);
  pool = new ConnectionPool(loaded);
  database = loaded;
  records = recordFile;
  reply({ kind: 'ready', eventCount: loaded.eventCount, loadMs: Math.round(performance.now() - started) });
}

/**
 * Compare a sample of rows with the records on their lines, so a database whose line numbers do
 * not match the events file stops the worker instead of showing the wrong record.
 */
async function checkLineNumbers(database: QueryDatabase, recordFile: RecordFile): Promise<void> {
  const connection = await database.instance.connect();
  try {
    const sample = await connection.runAndReadAll(`SELECT eventid, _line FROM ${HiddenSchema}.cloudtrail USING SAMPLE 32 ROWS`);
    for (const [eventId, line] of sample.getRowsJson()) {
      const record = await recordFile.read(Number(line));
      if (!record || (record.eventID ?? null) !== eventId) {
        throw new Error(`Line ${String(line)} of the events file does not contain event ${String(eventId)}. Delete the scenario cache and restart.`);
      }
    }
  } finally {
    connection.closeSync();
  }
}

async function getEvent(connection: DuckDBConnection, eventId: string): Promise<Record<string, unknown> | null> {
  const reader = await connection.runAndReadAll('SELECT _line, _raw FROM visible_lines WHERE eventid = $id LIMIT 1', { id: eventId });
  const [line, raw] = reader.getRowsJson()[0] ?? [];
  if (typeof raw === 'string') return JSON.parse(raw) as Record<string, unknown>;
  return line === undefined || line === null || !records ? null : records.read(Number(line));
}

const LiveStructure = liveRecordStructure();

/** Insert live records or findings in one transaction, so a query reads all of them or none. */
async function appendLive(scope: string, lines: string[], findings = false): Promise<{ appended: number }> {
  if (!database) throw new Error('The query worker has no database loaded.');
  const connection = await database.instance.connect();
  try {
    await connection.run('BEGIN TRANSACTION');
    for (const raw of lines) {
      if (findings) await connection.run(insertLiveFindingSql(), { scope, raw });
      else await connection.run(insertLiveSql(), { scope, raw, structure: LiveStructure });
    }
    await connection.run('COMMIT');
    return { appended: lines.length };
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    connection.closeSync();
  }
}

async function handle(request: WorkerRequest): Promise<void> {
  let connection: DuckDBConnection | undefined;
  let reusable = false;
  if (request.kind === 'append' || request.kind === 'append-findings') {
    try {
      const data = request.kind === 'append' ? await appendLive(request.scope, request.records) : await appendLive(request.scope, request.findings, true);
      reply({ kind: 'result', id: request.id, ok: true, data });
    } catch (error) {
      reply({ kind: 'result', id: request.id, ok: false, code: 'failed', message: errorText(error) });
    }
    return;
  }
  try {
    if (!pool) throw new Error('The query worker has no database loaded.');
    connection = await pool.acquire(request.visibility);
    running.set(request.id, connection);
    let data: WorkerResultData;
    if (request.kind === 'query') data = await runQuery(connection, request.sql, request.maxRows);
    else if (request.kind === 'list') data = await listEvents(connection, request.criteria, request.offset, request.limit);
    else if (request.kind === 'histogram') data = await histogram(connection, request.criteria);
    else data = await getEvent(connection, request.eventId);
    reply({ kind: 'result', id: request.id, ok: true, data });
    reusable = true;
  } catch (error) {
    const message = error instanceof QueryRejectedError || error instanceof QueryFailedError ? error.message : errorText(error);
    const interrupted = !(error instanceof QueryFailedError) && /interrupt/i.test(message);
    // A rejected or failed query leaves the connection as it was; an interrupted one is not reused.
    reusable = !interrupted;
    reply({
      kind: 'result',
      id: request.id,
      ok: false,
      code: error instanceof QueryRejectedError ? 'rejected' : interrupted ? 'interrupted' : 'failed',
      message,
    });
  } finally {
    running.delete(request.id);
    if (connection && pool && reusable) pool.release(request.visibility, connection);
    else connection?.closeSync();
  }
}

process.on('message', (message: WorkerMessage) => {
  if (message.kind === 'init') {
    init(message.init).catch((error: unknown) => reply({ kind: 'init-failed', message: errorText(error) }));
  } else if (message.kind === 'interrupt') {
    running.get(message.id)?.interrupt();
  } else {
    void handle(message);
  }
});

// The worker lives only as long as its server: a lost IPC channel means the server is gone.
process.on('disconnect', () => process.exit(0));
