import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DuckDBInstance } from '@duckdb/node-api';
import type { QueryDatabase } from '../../server/query/query-database.js';
import type { QueryResult } from '../../shared/model.js';
import { createQueryDatabase, openVisible } from '../../server/query/query-database.js';
import type { Visibility } from '../../server/query/protocol.js';
import { runQuery } from '../../server/query/run-query.js';

/** Three CloudTrail records around a horizon, and two findings of which one is released. */
export const SampleVisibility: Visibility = { horizon: '2026-05-08T02:20:00Z', releasedFindingIds: ['finding-released'] };

const records = [
  {
    eventVersion: '1.09',
    eventTime: '2026-05-08T02:17:00Z',
    eventSource: 'iam.amazonaws.com',
    eventName: 'CreateAccessKey',
    awsRegion: 'us-east-1',
    eventID: 'event-1',
    sourceIPAddress: '185.220.101.45',
    userIdentity: { type: 'IAMUser', userName: 'dev-deploy', accessKeyId: 'AKIAEXAMPLE1', sessionContext: { attributes: { mfaAuthenticated: 'false' } } },
    requestParameters: { userName: 'dev-deploy' },
    responseElements: { accessKey: { accessKeyId: 'AKIABACKDOOR', status: 'Active' } },
    resources: [{ ARN: 'arn:aws:iam::123456789012:user/dev-deploy', accountId: '123456789012', type: 'AWS::IAM::User' }],
    readOnly: false,
  },
  {
    eventVersion: '1.09',
    eventTime: '2026-05-08T02:18:30Z',
    eventSource: 's3.amazonaws.com',
    eventName: 'GetObject',
    awsRegion: 'us-east-1',
    eventID: 'event-2',
    sourceIPAddress: '185.220.101.45',
    userIdentity: { type: 'IAMUser', userName: 'dev-deploy' },
    requestParameters: { bucketName: 'apexcorp-customer-data', key: 'exports/a.csv' },
    resources: [
      { ARN: 'arn:aws:s3:::apexcorp-customer-data/exports/a.csv', type: 'AWS::S3::Object' },
      { ARN: 'arn:aws:s3:::apexcorp-customer-data', accountId: '123456789012', type: 'AWS::S3::Bucket' },
    ],
    readOnly: true,
  },
  {
    eventVersion: '1.09',
    eventTime: '2026-05-08T03:00:00Z',
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'StopLogging',
    awsRegion: 'us-east-1',
    eventID: 'event-later',
    sourceIPAddress: '185.220.101.45',
    userIdentity: { type: 'IAMUser', userName: 'dev-deploy' },
  },
];

const findings = [
  { Id: 'finding-released', Type: 'UnauthorizedAccess:S3/TorIPCaller', Severity: 8, Title: 'Tor caller', UpdatedAt: '2026-05-08T02:17:00Z' },
  { Id: 'finding-later', Type: 'Stealth:IAMUser/CloudTrailLoggingDisabled', Severity: 2, Title: 'Logging stopped', UpdatedAt: '2026-05-08T03:00:00Z' },
];

/** A locked query database over the sample records, as the worker builds it. */
export class SampleDatabase {
  private constructor(
    readonly database: QueryDatabase,
    readonly dir: string,
  ) {}

  get instance(): DuckDBInstance {
    return this.database.instance;
  }

  static async create(): Promise<SampleDatabase> {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-query-'));
    const eventsPath = path.join(dir, 'events.ndjson');
    const findingsPath = path.join(dir, 'findings.json');
    await writeFile(eventsPath, records.map((record) => JSON.stringify(record)).join('\n') + '\n');
    await writeFile(findingsPath, JSON.stringify(findings));
    const database = await createQueryDatabase({ eventsPath, findingsPath, memoryLimit: '256MB', threads: 1 });
    return new SampleDatabase(database, dir);
  }

  /** Run participant SQL through the gate with the sample visibility. */
  async query(sql: string, maxRows = 1000, visibility: Visibility = SampleVisibility): Promise<QueryResult> {
    const connection = await openVisible(this.database, visibility);
    try {
      return await runQuery(connection, sql, maxRows);
    } finally {
      connection.closeSync();
    }
  }

  /** Run a query and return the first cell of its first row. */
  async scalar(sql: string): Promise<unknown> {
    return (await this.query(sql)).rows[0]?.[0];
  }

  /** Run a query and return its error message, or an empty string when it succeeds. */
  async error(sql: string): Promise<string> {
    return this.query(sql).then(
      () => '',
      (error: unknown) => (error as Error).message,
    );
  }

  async close(): Promise<void> {
    this.instance.closeSync();
    await rm(this.dir, { recursive: true, force: true });
  }
}
