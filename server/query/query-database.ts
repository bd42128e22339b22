import { rename, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { athenaFunctionsSql } from './athena-functions.js';
import { createLiveFindingsTableSql, createLiveTableSql, HiddenDatabase, HiddenSchema, loadCloudTrailSql, loadFindingsSql, TableFormatVersion, visibleViewsSql } from './athena-tables.js';
import type { Visibility, WorkerInit } from './protocol.js';

export interface QueryDatabase {
  instance: DuckDBInstance;
  eventCount: number;
  /** Time of the last CloudTrail event (epoch milliseconds), or null when there are none. */
  lastEventTime: number | null;
}

/**
 * Open the DuckDB database of one scenario: build (once) or reuse the compressed database file of
 * its CloudTrail and GuardDuty data next to the events file, attach it read-only, add the Athena
 * functions, then lock the sandbox. After this no file, network or extension can be reached and no
 * setting can change, on any connection.
 */
export async function createQueryDatabase(options: WorkerInit): Promise<QueryDatabase> {
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(options.threads),
    memory_limit: options.memoryLimit,
    // Without a temp directory nothing spills to ./.tmp under the working directory.
    temp_directory: '',
  });
  const connection = await instance.connect();
  try {
    const storePath = storeFileFor(options.eventsPath);
    if (!(await exists(storePath))) await buildStore(options, storePath);
    await connection.run(`ATTACH ${quote(storePath)} AS ${HiddenDatabase} (READ_ONLY)`);
    // Athena semantics: UTC times, integer division of integers, and Athena's function names.
    await connection.run("SET GLOBAL TimeZone = 'UTC'");
    await connection.run('SET GLOBAL integer_division = true');
    await connection.run(athenaFunctionsSql());
    await connection.run(createLiveTableSql());
    await connection.run(createLiveFindingsTableSql());
    await connection.run('SET GLOBAL enable_external_access = false');
    await connection.run('SET GLOBAL autoload_known_extensions = false');
    await connection.run('SET GLOBAL autoinstall_known_extensions = false');
    await connection.run('SET GLOBAL allow_community_extensions = false');
    await connection.run('SET GLOBAL lock_configuration = true');
    const summary = await connection.runAndReadAll(`SELECT count(*), epoch_ms(max(_ts)) FROM ${HiddenSchema}.cloudtrail`);
    const [count, last] = summary.getRowsJson()[0] ?? [];
    return { instance, eventCount: Number(count ?? 0), lastEventTime: last === null || last === undefined ? null : Number(last) };
  } finally {
    connection.closeSync();
  }
}

/** Return the database file of an events file: same folder and name, so the content hash names both. */
export function storeFileFor(eventsPath: string): string {
  return `${eventsPath.replace(/\.cloudtrail\.ndjson$|\.ndjson$/, '')}.athena-v${TableFormatVersion}.duckdb`;
}

/** DuckDB threads of the one-time build, which may use every core, unlike the queries after it. */
const BuildThreads = Math.max(1, availableParallelism());

/**
 * Load the data files into a new database file, written under a temporary name and renamed when
 * complete, so a crash mid-build never leaves a file that looks finished. DuckDB writes compressed
 * row groups to the file as it goes, which bounds the memory a large load needs.
 */
async function buildStore(options: WorkerInit, storePath: string): Promise<void> {
  const temporary = `${storePath}.${process.pid}.tmp`;
  const spill = `${temporary}.spill`;
  await rm(temporary, { force: true });
  await rm(`${temporary}.wal`, { force: true });
  // A separate instance may spill the sort of a large load to disk. The query instance never
  // writes temporary files.
  const builder = await DuckDBInstance.create(':memory:', { threads: String(Math.max(options.threads, BuildThreads)), memory_limit: options.memoryLimit, temp_directory: spill });
  const connection = await builder.connect();
  try {
    await connection.run(`ATTACH ${quote(temporary)} AS build`);
    await connection.run(loadCloudTrailSql(options.eventsPath, 'build.hidden'));
    await connection.run(loadFindingsSql(options.findingsPath, 'build.hidden'));
    await connection.run('CHECKPOINT build');
    await connection.run('DETACH build');
  } finally {
    connection.closeSync();
    builder.closeSync();
    await rm(spill, { recursive: true, force: true });
  }
  await rename(temporary, storePath);
}

function quote(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Open a connection whose temporary views show only what `visibility` allows. */
export async function openVisible(database: QueryDatabase, visibility: Visibility): Promise<DuckDBConnection> {
  const connection = await database.instance.connect();
  const horizon = new Date(visibility.horizon);
  const allEvents = database.lastEventTime !== null && horizon.getTime() >= database.lastEventTime;
  await connection.run(visibleViewsSql(horizon, visibility.releasedFindingIds, allEvents, visibility.liveScope));
  return connection;
}
