import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openVisible } from '../../server/query/query-database.js';
import { AthenaTableColumns, type ColumnSchema } from '../../shared/athena-schema.js';
import { SampleDatabase, SampleVisibility } from './query-sandbox-support.js';

/**
 * Describes a view or a struct expression in DuckDB the way the shared schema writes it: a struct
 * becomes `STRUCT` with its fields, described again through `unnest(expression)`.
 */
async function describeColumns(connection: DuckDBConnection, source: string, path = ''): Promise<ColumnSchema[]> {
  const select = path ? `SELECT unnest(${path}) FROM ${source}` : `SELECT * FROM ${source}`;
  const rows = (await connection.runAndReadAll(`DESCRIBE ${select}`)).getRowsJson();
  const columns: ColumnSchema[] = [];
  for (const [name, type] of rows as [string, string][]) {
    if (type.startsWith('STRUCT(') && type.endsWith(')')) {
      const fieldPath = path ? `${path}.${name}` : name;
      columns.push({ name, type: 'STRUCT', fields: await describeColumns(connection, source, fieldPath) });
    } else {
      columns.push({ name, type });
    }
  }
  return columns;
}

describe('athena schema', () => {
  let db: SampleDatabase;
  let connection: DuckDBConnection;

  beforeAll(async () => {
    db = await SampleDatabase.create();
    connection = await openVisible(db.database, SampleVisibility);
  });

  afterAll(async () => {
    connection?.closeSync();
    await db?.close();
  });

  it('matches the cloudtrail_logs view', async () => {
    expect(await describeColumns(connection, 'cloudtrail_logs')).toEqual(AthenaTableColumns.cloudtrail_logs);
  });

  it('matches the guardduty_findings view', async () => {
    expect(await describeColumns(connection, 'guardduty_findings')).toEqual(AthenaTableColumns.guardduty_findings);
  });

  it('lists nested identity fields', () => {
    const identity = AthenaTableColumns.cloudtrail_logs.find((column) => column.name === 'useridentity');
    expect(identity?.fields?.map((field) => field.name)).toContain('arn');
  });
});
