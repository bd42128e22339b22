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

const userIdentity = (u: string) => `struct_pack(
  type := ${str(u, '$.type')},
  principalid := ${str(u, '$.principalId')},
  arn := ${str(u, '$.arn')},
  accountid := ${str(u, '$.accountId')},
  invokedby := ${str(u, '$.invokedBy')},
  accesskeyid := ${str(u, '$.accessKeyId')},
  username := ${str(u, '$.userName')},
  onbehalfof := struct_pack(
    userid := ${str(u, '$.onBehalfOf.userId')},
    identitystorearn := ${str(u, '$.onBehalfOf.identityStoreArn')}),
  sessioncontext := struct_pack(
    attributes := struct_pack(
      mfaauthenticated := ${str(u, '$.sessionContext.attributes.mfaAuthenticated')},
      creationdate := ${str(u, '$.sessionContext.attributes.creationDate')}),
    sessionissuer := struct_pack(
      type := ${str(u, '$.sessionContext.sessionIssuer.type')},
      principalid := ${str(u, '$.sessionContext.sessionIssuer.principalId')},
      arn := ${str(u, '$.sessionContext.sessionIssuer.arn')},
      accountid := ${str(u, '$.sessionContext.sessionIssuer.accountId')},
      username := ${str(u, '$.sessionContext.sessionIssuer.userName')}),
    ec2roledelivery := ${str(u, '$.sessionContext.ec2RoleDelivery')},
    webidfederationdata := struct_pack(
      federatedprovider := ${str(u, '$.sessionContext.webIdFederationData.federatedProvider')},
      attributes := CAST(json_extract(${u}, '$.sessionContext.webIdFederationData.attributes') AS MAP(VARCHAR, VARCHAR)))))`;

const resources = (r: string) => `CASE WHEN ${r} IS NULL THEN NULL ELSE list_transform(
  CAST(${r} AS JSON[]),
  x -> struct_pack(arn := ${str('x', '$.ARN')}, accountid := ${str('x', '$.accountId')}, type := ${str('x', '$.type')})) END`;

/** Load newline-delimited CloudTrail records from `path` into `hidden.cloudtrail`. */
export function loadCloudTrailSql(path: string): string {
  const s = (field: string) => str('j', `$.${field}`);
  const sub = (field: string) => `json_extract(j, '$.${field}')`;
  return `
CREATE SCHEMA IF NOT EXISTS ${HiddenSchema};
CREATE TABLE ${HiddenSchema}.cloudtrail AS
SELECT
  ${s('eventVersion')} AS eventversion,
  ${userIdentity(sub('userIdentity'))} AS useridentity,
  ${s('eventTime')} AS eventtime,
  ${s('eventSource')} AS eventsource,
  ${s('eventName')} AS eventname,
  ${s('awsRegion')} AS awsregion,
  ${s('sourceIPAddress')} AS sourceipaddress,
  ${s('userAgent')} AS useragent,
  ${s('errorCode')} AS errorcode,
  ${s('errorMessage')} AS errormessage,
  ${text(sub('requestParameters'))} AS requestparameters,
  ${text(sub('responseElements'))} AS responseelements,
  ${text(sub('additionalEventData'))} AS additionaleventdata,
  ${s('requestID')} AS requestid,
  ${s('eventID')} AS eventid,
  ${s('readOnly')} AS readonly,
  ${resources(sub('resources'))} AS resources,
  ${s('eventType')} AS eventtype,
  ${s('apiVersion')} AS apiversion,
  ${s('recipientAccountId')} AS recipientaccountid,
  ${text(sub('serviceEventDetails'))} AS serviceeventdetails,
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
  ${text(sub('edgeDeviceDetails'))} AS edgedevicedetails,
  struct_pack(
    tlsversion := ${s('tlsDetails.tlsVersion')},
    ciphersuite := ${s('tlsDetails.cipherSuite')},
    clienthostheader := ${s('tlsDetails.clientProvidedHostHeader')}) AS tlsdetails,
  ${s('awsRegion')} AS region,
  strftime(ts, '%Y') AS year,
  strftime(ts, '%m') AS month,
  strftime(ts, '%d') AS day,
  ts AS _ts,
  CAST(j AS VARCHAR) AS _raw
FROM (
  SELECT json AS j, CAST(json_extract_string(json, '$.eventTime') AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS ts
  FROM read_json_objects(${quote(path)}, format = 'newline_delimited')
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
