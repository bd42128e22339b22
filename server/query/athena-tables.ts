/**
 * SQL that loads CloudTrail records and GuardDuty findings into hidden tables, and the views
 * named and shaped like the Athena tables responders query. Column names and nesting follow
 * the CloudTrail table in the AWS Athena documentation ("Querying AWS CloudTrail logs"); the
 * JSON documents of requestParameters and similar fields stay strings, as Athena keeps them.
 */

export const HiddenSchema = 'hidden';

function quote(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

const str = (json: string, path: string) => `json_extract_string(${json}, ${quote(path)})`;

/** Rebuild a JSON sub-document as text (NULL stays NULL), as Athena's CloudTrail SerDe does. */
const text = (column: string) => `CASE WHEN ${column} IS NULL OR json_type(${column}) = 'NULL' THEN NULL ELSE CAST(${column} AS VARCHAR) END`;

/**
 * Paths read from each record as strings. One json_extract_string call with the list of paths
 * parses the record once. A separate call per column parses it again for every column, and
 * with 25,000 records that needed more than 1 GB in DuckDB 1.5.
 */
const ScalarPaths = [
  'eventVersion', 'eventTime', 'eventSource', 'eventName', 'awsRegion', 'sourceIPAddress', 'userAgent', 'errorCode',
  'errorMessage', 'requestID', 'eventID', 'readOnly', 'eventType', 'apiVersion', 'recipientAccountId', 'sharedEventID',
  'vpcEndpointId', 'vpcEndpointAccountId', 'eventCategory', 'sessionCredentialFromConsole',
  'addendum.reason', 'addendum.updatedFields', 'addendum.originalRequestID', 'addendum.originalEventID',
  'tlsDetails.tlsVersion', 'tlsDetails.cipherSuite', 'tlsDetails.clientProvidedHostHeader',
  'userIdentity.type', 'userIdentity.principalId', 'userIdentity.arn', 'userIdentity.accountId', 'userIdentity.invokedBy',
  'userIdentity.accessKeyId', 'userIdentity.userName', 'userIdentity.onBehalfOf.userId', 'userIdentity.onBehalfOf.identityStoreArn',
  'userIdentity.sessionContext.attributes.mfaAuthenticated', 'userIdentity.sessionContext.attributes.creationDate',
  'userIdentity.sessionContext.sessionIssuer.type', 'userIdentity.sessionContext.sessionIssuer.principalId',
  'userIdentity.sessionContext.sessionIssuer.arn', 'userIdentity.sessionContext.sessionIssuer.accountId',
  'userIdentity.sessionContext.sessionIssuer.userName', 'userIdentity.sessionContext.ec2RoleDelivery',
  'userIdentity.sessionContext.webIdFederationData.federatedProvider',
] as const;

/** Sub-documents read from each record as JSON, with one json_extract call for the same reason. */
const DocumentPaths = [
  'requestParameters', 'responseElements', 'additionalEventData', 'resources', 'serviceEventDetails', 'edgeDeviceDetails',
  'userIdentity.sessionContext.webIdFederationData.attributes',
] as const;

const pathList = (paths: readonly string[]) => `[${paths.map((path) => quote(`$.${path}`)).join(', ')}]`;
/** The string at `path`, from the list extracted in the inner query (DuckDB lists are 1-based). */
const s = (path: (typeof ScalarPaths)[number]) => `v[${ScalarPaths.indexOf(path) + 1}]`;
const doc = (path: (typeof DocumentPaths)[number]) => `d[${DocumentPaths.indexOf(path) + 1}]`;

const userIdentity = () => `struct_pack(
  type := ${s('userIdentity.type')},
  principalid := ${s('userIdentity.principalId')},
  arn := ${s('userIdentity.arn')},
  accountid := ${s('userIdentity.accountId')},
  invokedby := ${s('userIdentity.invokedBy')},
  accesskeyid := ${s('userIdentity.accessKeyId')},
  username := ${s('userIdentity.userName')},
  onbehalfof := struct_pack(
    userid := ${s('userIdentity.onBehalfOf.userId')},
    identitystorearn := ${s('userIdentity.onBehalfOf.identityStoreArn')}),
  sessioncontext := struct_pack(
    attributes := struct_pack(
      mfaauthenticated := ${s('userIdentity.sessionContext.attributes.mfaAuthenticated')},
      creationdate := ${s('userIdentity.sessionContext.attributes.creationDate')}),
    sessionissuer := struct_pack(
      type := ${s('userIdentity.sessionContext.sessionIssuer.type')},
      principalid := ${s('userIdentity.sessionContext.sessionIssuer.principalId')},
      arn := ${s('userIdentity.sessionContext.sessionIssuer.arn')},
      accountid := ${s('userIdentity.sessionContext.sessionIssuer.accountId')},
      username := ${s('userIdentity.sessionContext.sessionIssuer.userName')}),
    ec2roledelivery := ${s('userIdentity.sessionContext.ec2RoleDelivery')},
    webidfederationdata := struct_pack(
      federatedprovider := ${s('userIdentity.sessionContext.webIdFederationData.federatedProvider')},
      attributes := CAST(${doc('userIdentity.sessionContext.webIdFederationData.attributes')} AS MAP(VARCHAR, VARCHAR)))))`;

const resources = (r: string) => `CASE WHEN ${r} IS NULL OR json_type(${r}) <> 'ARRAY' THEN NULL ELSE list_transform(
  CAST(${r} AS JSON[]),
  x -> struct_pack(arn := ${str('x', '$.ARN')}, accountid := ${str('x', '$.accountId')}, type := ${str('x', '$.type')})) END`;

/** Load newline-delimited CloudTrail records from `path` into `hidden.cloudtrail`. */
export function loadCloudTrailSql(path: string): string {
  return `
CREATE SCHEMA IF NOT EXISTS ${HiddenSchema};
CREATE TABLE ${HiddenSchema}.cloudtrail AS
SELECT
  ${s('eventVersion')} AS eventversion,
  ${userIdentity()} AS useridentity,
  ${s('eventTime')} AS eventtime,
  ${s('eventSource')} AS eventsource,
  ${s('eventName')} AS eventname,
  ${s('awsRegion')} AS awsregion,
  ${s('sourceIPAddress')} AS sourceipaddress,
  ${s('userAgent')} AS useragent,
  ${s('errorCode')} AS errorcode,
  ${s('errorMessage')} AS errormessage,
  ${text(doc('requestParameters'))} AS requestparameters,
  ${text(doc('responseElements'))} AS responseelements,
  ${text(doc('additionalEventData'))} AS additionaleventdata,
  ${s('requestID')} AS requestid,
  ${s('eventID')} AS eventid,
  ${s('readOnly')} AS readonly,
  ${resources(doc('resources'))} AS resources,
  ${s('eventType')} AS eventtype,
  ${s('apiVersion')} AS apiversion,
  ${s('recipientAccountId')} AS recipientaccountid,
  ${text(doc('serviceEventDetails'))} AS serviceeventdetails,
  ${s('sharedEventID')} AS sharedeventid,
  ${s('vpcEndpointId')} AS vpcendpointid,
  ${s('vpcEndpointAccountId')} AS vpcendpointaccountid,
  ${s('eventCategory')} AS eventcategory,
  struct_pack(
    reason := ${s('addendum.reason')},
    updatedfields := ${s('addendum.updatedFields')},
    originalrequestid := ${s('addendum.originalRequestID')},
    originaleventid := ${s('addendum.originalEventID')}) AS addendum,
  ${s('sessionCredentialFromConsole')} AS sessioncredentialfromconsole,
  ${text(doc('edgeDeviceDetails'))} AS edgedevicedetails,
  struct_pack(
    tlsversion := ${s('tlsDetails.tlsVersion')},
    ciphersuite := ${s('tlsDetails.cipherSuite')},
    clienthostheader := ${s('tlsDetails.clientProvidedHostHeader')}) AS tlsdetails,
  ${s('awsRegion')} AS region,
  strftime(ts, '%Y') AS year,
  strftime(ts, '%m') AS month,
  strftime(ts, '%d') AS day,
  ts AS _ts,
  _raw
FROM (
  SELECT v, d, _raw, CAST(v[${ScalarPaths.indexOf('eventTime') + 1}] AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS ts
  FROM (
    SELECT json_extract_string(json, ${pathList(ScalarPaths)}) AS v, json_extract(json, ${pathList(DocumentPaths)}) AS d, CAST(json AS VARCHAR) AS _raw
    FROM read_json_objects(${quote(path)}, format = 'newline_delimited')
  )
)
ORDER BY _ts, eventid;`;
}

/** Load a JSON array of GuardDuty findings (GetFindings shape) from `path` into `hidden.findings`. */
export function loadFindingsSql(path: string): string {
  return `
CREATE TABLE ${HiddenSchema}.findings AS
SELECT
  ${str('f', '$.SchemaVersion')} AS schemaversion,
  ${str('f', '$.AccountId')} AS accountid,
  ${str('f', '$.Region')} AS region,
  ${str('f', '$.Partition')} AS partition,
  ${str('f', '$.Id')} AS id,
  ${str('f', '$.Arn')} AS arn,
  ${str('f', '$.Type')} AS type,
  CAST(json_extract(f, '$.Resource') AS VARCHAR) AS resource,
  CAST(json_extract(f, '$.Service') AS VARCHAR) AS service,
  ${str('f', '$.Severity')} AS severity,
  ${str('f', '$.CreatedAt')} AS createdat,
  ${str('f', '$.UpdatedAt')} AS updatedat,
  ${str('f', '$.Title')} AS title,
  ${str('f', '$.Description')} AS description
FROM (SELECT unnest(CAST(json AS JSON[])) AS f FROM read_json_objects(${quote(path)}, format = 'unstructured'));`;
}

/** Temporary views, private to one connection, that show only what `visibility` allows. */
export function visibleViewsSql(horizon: Date, releasedFindingIds: string[]): string {
  const stamp = horizon.toISOString().replace('T', ' ').replace('Z', '');
  const ids = releasedFindingIds.length > 0 ? releasedFindingIds.map(quote).join(', ') : 'NULL';
  return `
CREATE TEMP VIEW cloudtrail_logs AS
  SELECT * EXCLUDE (_ts, _raw) FROM ${HiddenSchema}.cloudtrail WHERE _ts <= TIMESTAMP ${quote(stamp)};
CREATE TEMP VIEW guardduty_findings AS
  SELECT * FROM ${HiddenSchema}.findings WHERE id IN (${ids});
CREATE TEMP VIEW visible_raw AS
  SELECT eventid, _ts, _raw FROM ${HiddenSchema}.cloudtrail WHERE _ts <= TIMESTAMP ${quote(stamp)};`;
}

/** Table names participants may reference. */
export const PublicTables = ['cloudtrail_logs', 'guardduty_findings'] as const;
