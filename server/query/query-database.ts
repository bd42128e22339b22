import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { athenaFunctionsSql } from './athena-functions.js';
import { HiddenSchema, loadCloudTrailSql, loadFindingsSql, visibleViewsSql } from './athena-tables.js';
import type { Visibility, WorkerInit } from './protocol.js';

export interface QueryDatabase {
  instance: DuckDBInstance;
  eventCount: number;
}

/**
 * Create the in-memory DuckDB database of one scenario: load its CloudTrail and GuardDuty files
 * into the hidden tables, add the Athena functions, then lock the sandbox. After this no file,
 * network or extension can be reached and no setting can change, on any connection.
 */
export async function createQueryDatabase(options: WorkerInit): Promise<QueryDatabase> {
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(options.threads),
    memory_limit: options.memoryLimit,
    // An in-memory database would otherwise spill to ./.tmp under the working directory.
    temp_directory: '',
  });
  const connection = await instance.connect();
  try {
    await connection.run(loadCloudTrailSql(options.eventsPath));
    await connection.run(loadFindingsSql(options.findingsPath));
    // Athena semantics: UTC times, integer division of integers, and Athena's function names.
    await connection.run("SET GLOBAL TimeZone = 'UTC'");
    await connection.run('SET GLOBAL integer_division = true');
    await connection.run(athenaFunctionsSql());
    await connection.run('SET GLOBAL enable_external_access = false');
    await connection.run('SET GLOBAL autoload_known_extensions = false');
    await connection.run('SET GLOBAL autoinstall_known_extensions = false');
    await connection.run('SET GLOBAL allow_community_extensions = false');
    await connection.run('SET GLOBAL lock_configuration = true');
    const count = await connection.runAndReadAll(`SELECT count(*) FROM ${HiddenSchema}.cloudtrail`);
    return { instance, eventCount: Number(count.getRowsJson()[0]?.[0] ?? 0) };
  } finally {
    connection.closeSync();
  }
}

/** Open a connection whose temporary views show only what `visibility` allows. */
export async function openVisible(instance: DuckDBInstance, visibility: Visibility): Promise<DuckDBConnection> {
  const connection = await instance.connect();
  await connection.run(visibleViewsSql(new Date(visibility.horizon), visibility.releasedFindingIds));
  return connection;
}
