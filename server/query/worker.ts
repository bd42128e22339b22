import type { DuckDBConnection } from '@duckdb/node-api';
import type { WorkerInit, WorkerMessage, WorkerReply, WorkerRequest, WorkerResultData } from './protocol.js';
import { histogram, listEvents } from './cloudtrail-browse.js';
import { ConnectionPool } from './connection-pool.js';
import { HiddenSchema } from './athena-tables.js';
import { createQueryDatabase, type QueryDatabase } from './query-database.js';
import { RecordFile } from './record-file.js';
import { QueryFailedError, runQuery } from './run-query.js';
import { errorText, QueryRejectedError } from './sql-gate.js';

/**
 * Query worker: a child process that owns one scenario's DuckDB database. It runs apart from
 * the server so that a crash or a runaway query in DuckDB cannot take an exercise down.
 */

let pool: ConnectionPool | undefined;
let records: RecordFile | undefined;
const running = new Map<number, DuckDBConnection>();

function reply(message: WorkerReply): void {
  process.send?.(message);
}

async function init(options: WorkerInit): Promise<void> {
  const started = performance.now();
  // The line index is built while DuckDB loads, on the main thread; DuckDB loads on a pool thread.
  const [database, recordFile] = await Promise.all([createQueryDatabase(options), RecordFile.open(options.eventsPath)]);
  if (recordFile.count !== database.eventCount) {
    throw new Error(`The events file has ${recordFile.count} records but ${database.eventCount} were loaded.`);
  }
  await checkLineNumbers(database, recordFile);
  pool = new ConnectionPool(database);
  records = recordFile;
  reply({ kind: 'ready', eventCount: database.eventCount, loadMs: Math.round(performance.now() - started) });
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
  const reader = await connection.runAndReadAll('SELECT _line FROM visible_lines WHERE eventid = $id LIMIT 1', { id: eventId });
  const line = reader.getRowsJson()[0]?.[0];
  return line === undefined || line === null || !records ? null : records.read(Number(line));
}

async function handle(request: WorkerRequest): Promise<void> {
  let connection: DuckDBConnection | undefined;
  let reusable = false;
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
