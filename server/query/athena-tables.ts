/**
 * SQL that loads CloudTrail records and GuardDuty findings into hidden tables, and the views
 * named and shaped like the Athena tables responders query. Column names and nesting follow
 * the CloudTrail table in the AWS Athena documentation ("Querying AWS CloudTrail logs"); the
 * JSON documents of requestParameters and similar fields stay strings, as Athena keeps them.
 */

/**
 * Database and schema of the full data. The database is a file in the scenario cache, attached
 * read-only, so DuckDB keeps it compressed and loads pages into memory as queries need them.
 */
export const HiddenDatabase = 'store';
export const HiddenSchema = `${HiddenDatabase}.hidden`;

/** Bumped when the tables below change, so a database file built by older code is rebuilt. */
export const TableFormatVersion = 2;

function quote(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

const str = (json: string, path: string) => `json_extract_string(${json}, ${quote(path)})`;

/**
 * Types of the CloudTrail record fields as read_json parses them. Keys match the JSON keys of a
 * record, which are case-sensitive; nested documents that Athena keeps as strings are read as JSON.
 */
const RecordColumns: Record<string, string> = {
  eventVersion: 'VARCHAR',
  userIdentity: `STRUCT("type" VARCHAR, principalId VARCHAR, arn VARCHAR, accountId VARCHAR, invokedBy VARCHAR, accessKeyId VARCHAR,
    userName VARCHAR, onBehalfOf STRUCT(userId VARCHAR, identityStoreArn VARCHAR),
    sessionContext STRUCT(attributes STRUCT(mfaAuthenticated VARCHAR, creationDate VARCHAR),
      sessionIssuer STRUCT("type" VARCHAR, principalId VARCHAR, arn VARCHAR, accountId VARCHAR, userName VARCHAR),
      ec2RoleDelivery VARCHAR, webIdFederationData STRUCT(federatedProvider VARCHAR, attributes MAP(VARCHAR, VARCHAR))))`,
  eventTime: 'VARCHAR',
  eventSource: 'VARCHAR',
  eventName: 'VARCHAR',
  awsRegion: 'VARCHAR',
  sourceIPAddress: 'VARCHAR',
  userAgent: 'VARCHAR',
  errorCode: 'VARCHAR',
  errorMessage: 'VARCHAR',
  requestParameters: 'JSON',
  responseElements: 'JSON',
  additionalEventData: 'JSON',
  requestID: 'VARCHAR',
  eventID: 'VARCHAR',
  readOnly: 'VARCHAR',
  resources: 'STRUCT(ARN VARCHAR, accountId VARCHAR, "type" VARCHAR)[]',
  eventType: 'VARCHAR',
  apiVersion: 'VARCHAR',
  recipientAccountId: 'VARCHAR',
  serviceEventDetails: 'JSON',
  sharedEventID: 'VARCHAR',
  vpcEndpointId: 'VARCHAR',
  vpcEndpointAccountId: 'VARCHAR',
  eventCategory: 'VARCHAR',
  addendum: 'STRUCT(reason VARCHAR, updatedFields VARCHAR, originalRequestID VARCHAR, originalEventID VARCHAR)',
  sessionCredentialFromConsole: 'VARCHAR',
  edgeDeviceDetails: 'JSON',
  tlsDetails: 'STRUCT(tlsVersion VARCHAR, cipherSuite VARCHAR, clientProvidedHostHeader VARCHAR)',
};

/** The Athena column types of the nested fields, lowercase; a struct cast matches fields by name. */
const UserIdentityType = `STRUCT("type" VARCHAR, principalid VARCHAR, arn VARCHAR, accountid VARCHAR, invokedby VARCHAR, accesskeyid VARCHAR,
  username VARCHAR, onbehalfof STRUCT(userid VARCHAR, identitystorearn VARCHAR),
  sessioncontext STRUCT(attributes STRUCT(mfaauthenticated VARCHAR, creationdate VARCHAR),
    sessionissuer STRUCT("type" VARCHAR, principalid VARCHAR, arn VARCHAR, accountid VARCHAR, username VARCHAR),
    ec2roledelivery VARCHAR, webidfederationdata STRUCT(federatedprovider VARCHAR, attributes MAP(VARCHAR, VARCHAR))))`;

/**
 * Load newline-delimited CloudTrail records from `path` into the hidden cloudtrail table. read_json
 * parses each record once into typed columns into a staging table that keeps the file's order, so
 * a staging `rowid` is the record's 0-based line. The final table keeps that line as `_line`, so
 * the worker can return the original record without storing it.
 */
export function loadCloudTrailSql(path: string, schema: string = HiddenSchema): string {
  const columns = Object.entries(RecordColumns)
    .map(([key, type]) => `${quote(key)}: ${quote(type.replace(/\s+/g, ' '))}`)
    .join(', ');
  return `
CREATE SCHEMA IF NOT EXISTS ${schema};
CREATE TEMP TABLE cloudtrail_staging AS
${cloudTrailSelectSql(`read_json(${quote(path)}, format = 'newline_delimited', columns = {${columns}})`)};
-- Rows of one event name sit together, so a filter on eventname (the most common filter in
-- incident response queries) reads only the row groups that contain that name.
CREATE TABLE ${schema}.cloudtrail AS
SELECT *, rowid AS _line FROM cloudtrail_staging ORDER BY eventname, _ts;
DROP TABLE cloudtrail_staging;`;
}

/** Build the SELECT of the Athena columns and `_ts` from the CloudTrail records that `source` yields, with their JSON keys as column names. */
function cloudTrailSelectSql(source: string): string {
  const text = (field: string) => `CAST("${field}" AS VARCHAR)`;
  return `
SELECT
  eventVersion AS eventversion,
  CAST(userIdentity AS ${UserIdentityType.replace(/\s+/g, ' ')}) AS useridentity,
  eventTime AS eventtime,
  eventSource AS eventsource,
  eventName AS eventname,
  awsRegion AS awsregion,
  sourceIPAddress AS sourceipaddress,
  userAgent AS useragent,
  errorCode AS errorcode,
  errorMessage AS errormessage,
  ${text('requestParameters')} AS requestparameters,
  ${text('responseElements')} AS responseelements,
  ${text('additionalEventData')} AS additionaleventdata,
  requestID AS requestid,
  eventID AS eventid,
  readOnly AS readonly,
  CAST(resources AS STRUCT(arn VARCHAR, accountid VARCHAR, "type" VARCHAR)[]) AS resources,
  eventType AS eventtype,
  apiVersion AS apiversion,
  recipientAccountId AS recipientaccountid,
  ${text('serviceEventDetails')} AS serviceeventdetails,
  sharedEventID AS sharedeventid,
  vpcEndpointId AS vpcendpointid,
  vpcEndpointAccountId AS vpcendpointaccountid,
  eventCategory AS eventcategory,
  CAST(addendum AS STRUCT(reason VARCHAR, updatedfields VARCHAR, originalrequestid VARCHAR, originaleventid VARCHAR)) AS addendum,
  sessionCredentialFromConsole AS sessioncredentialfromconsole,
  ${text('edgeDeviceDetails')} AS edgedevicedetails,
  CAST(tlsDetails AS STRUCT(tlsversion VARCHAR, ciphersuite VARCHAR, clientprovidedhostheader VARCHAR)) AS tlsdetails,
  awsRegion AS region,
  strftime(_ts, '%Y') AS year,
  strftime(_ts, '%m') AS month,
  strftime(_ts, '%d') AS day,
  _ts
FROM (
  SELECT *, CAST(eventTime AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS _ts
  FROM ${source}
)`;
}

/**
 * Events recorded during the exercise (the red cell's moves and the teams' own commands), kept in
 * the worker's memory next to the read-only scenario data. `_scope` names the team copy of the
 * account an event belongs to, and `_raw` keeps the record as delivered.
 */
export const LiveTable = 'live_events';

export function createLiveTableSql(): string {
  return `CREATE TABLE ${LiveTable} AS SELECT *, CAST(NULL AS VARCHAR) AS _scope, CAST(NULL AS VARCHAR) AS _raw FROM ${HiddenSchema}.cloudtrail LIMIT 0;`;
}

/** JSON structure for json_transform that types a record's fields as the file load does. */
export function liveRecordStructure(): string {
  return JSON.stringify(Object.fromEntries(Object.entries(RecordColumns).map(([key, type]) => [key, type.replace(/\s+/g, ' ')])));
}

/**
 * Insert one record, given as JSON text in `$raw`, typed by the structure in `$structure`, into
 * `$scope`, unless the scope has an event with its id already: a record sent twice (around a worker
 * restart) is stored once.
 */
export function insertLiveSql(): string {
  return `INSERT INTO ${LiveTable} BY NAME
SELECT *, NULL AS _line, $scope AS _scope, $raw AS _raw FROM (${cloudTrailSelectSql('(SELECT unnest(json_transform(CAST($raw AS JSON), $structure)))')})
WHERE NOT EXISTS (SELECT 1 FROM ${LiveTable} WHERE _scope = $scope AND eventid = json_extract_string($raw, '$.eventID'))`;
}

/** Load a JSON array of GuardDuty findings (GetFindings shape) from `path` into the hidden findings table. */
export function loadFindingsSql(path: string, schema: string = HiddenSchema): string {
  return `
CREATE TABLE ${schema}.findings AS
${findingSelectSql('f')}
FROM (SELECT unnest(CAST(json AS JSON[])) AS f FROM read_json_objects(${quote(path)}, format = 'unstructured'));`;
}

/** Build the SELECT of the Athena columns of a GuardDuty finding stored as JSON in column `f`. */
function findingSelectSql(f: string): string {
  return `SELECT
  ${str(f, '$.SchemaVersion')} AS schemaversion,
  ${str(f, '$.AccountId')} AS accountid,
  ${str(f, '$.Region')} AS region,
  ${str(f, '$.Partition')} AS partition,
  ${str(f, '$.Id')} AS id,
  ${str(f, '$.Arn')} AS arn,
  ${str(f, '$.Type')} AS type,
  CAST(json_extract(${f}, '$.Resource') AS VARCHAR) AS resource,
  CAST(json_extract(${f}, '$.Service') AS VARCHAR) AS service,
  ${str(f, '$.Severity')} AS severity,
  ${str(f, '$.CreatedAt')} AS createdat,
  ${str(f, '$.UpdatedAt')} AS updatedat,
  ${str(f, '$.Title')} AS title,
  ${str(f, '$.Description')} AS description`;
}

/** Findings GuardDuty raised during the exercise, by team copy, added once each has reached the team. */
export const LiveFindingsTable = 'live_findings';

export function createLiveFindingsTableSql(): string {
  return `CREATE TABLE ${LiveFindingsTable} AS SELECT *, CAST(NULL AS VARCHAR) AS _scope FROM ${HiddenSchema}.findings LIMIT 0;`;
}

/** Insert one finding, given as JSON text in `$raw`, into `$scope`, unless the scope has it already. */
export function insertLiveFindingSql(): string {
  return `INSERT INTO ${LiveFindingsTable} BY NAME
SELECT *, $scope AS _scope FROM (${findingSelectSql('f')} FROM (SELECT CAST($raw AS JSON) AS f))
WHERE NOT EXISTS (SELECT 1 FROM ${LiveFindingsTable} WHERE _scope = $scope AND id = json_extract_string($raw, '$.Id'))`;
}

/**
 * Temporary views, private to one connection, that show only what `visibility` allows. With
 * `allEvents` the horizon is at or after the last event, so the time filter is left out.
 */
export function visibleViewsSql(horizon: Date, releasedFindingIds: string[], allEvents = false, liveScope?: string): string {
  const stamp = horizon.toISOString().replace('T', ' ').replace('Z', '');
  const ids = releasedFindingIds.length > 0 ? releasedFindingIds.map(quote).join(', ') : 'NULL';
  const where = allEvents ? '' : `WHERE _ts <= TIMESTAMP ${quote(stamp)}`;
  // Live events are delivered to the worker only once a team may see them, so they need no time filter.
  const live = liveScope === undefined ? '' : `\n  UNION ALL SELECT * EXCLUDE (_ts, _line, _scope, _raw) FROM ${LiveTable} WHERE _scope = ${quote(liveScope)}`;
  const liveFindings = liveScope === undefined ? '' : `\n  UNION ALL SELECT * EXCLUDE (_scope) FROM ${LiveFindingsTable} WHERE _scope = ${quote(liveScope)}`;
  const liveLines = liveScope === undefined ? '' : `\n  UNION ALL SELECT eventid, _line, _raw FROM ${LiveTable} WHERE _scope = ${quote(liveScope)}`;
  return `
CREATE TEMP VIEW cloudtrail_logs AS
  SELECT * EXCLUDE (_ts, _line) FROM ${HiddenSchema}.cloudtrail ${where}${live};
CREATE TEMP VIEW guardduty_findings AS
  SELECT * FROM ${HiddenSchema}.findings WHERE id IN (${ids})${liveFindings};
CREATE TEMP VIEW visible_lines AS
  SELECT eventid, _line, CAST(NULL AS VARCHAR) AS _raw FROM ${HiddenSchema}.cloudtrail ${where}${liveLines};`;
}

/** Table names participants may reference. */
export const PublicTables = ['cloudtrail_logs', 'guardduty_findings'] as const;
