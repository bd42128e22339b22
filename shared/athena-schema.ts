/**
 * Columns of the tables participants query, for completion in the SQL editor. The server builds
 * these views in server/query/athena-tables.ts; a unit test describes the real DuckDB views and
 * fails when this list and the views disagree.
 */

/** A column as DuckDB describes it; a struct lists its fields so `useridentity.arn` can be completed. */
export interface ColumnSchema {
  name: string;
  /** DuckDB type name, for example VARCHAR; `STRUCT` when `fields` lists the members. */
  type: string;
  fields?: ColumnSchema[];
}

const text = (name: string): ColumnSchema => ({ name, type: 'VARCHAR' });
const struct = (name: string, fields: ColumnSchema[]): ColumnSchema => ({ name, type: 'STRUCT', fields });

const sessionIssuer = struct('sessionissuer', [text('type'), text('principalid'), text('arn'), text('accountid'), text('username')]);

const userIdentity = struct('useridentity', [
  text('type'),
  text('principalid'),
  text('arn'),
  text('accountid'),
  text('invokedby'),
  text('accesskeyid'),
  text('username'),
  struct('onbehalfof', [text('userid'), text('identitystorearn')]),
  struct('sessioncontext', [
    struct('attributes', [text('mfaauthenticated'), text('creationdate')]),
    sessionIssuer,
    text('ec2roledelivery'),
    struct('webidfederationdata', [text('federatedprovider'), { name: 'attributes', type: 'MAP(VARCHAR, VARCHAR)' }]),
  ]),
]);

/** Columns of `cloudtrail_logs` in view order, named as in the Athena CloudTrail table (all lowercase). */
export const CloudTrailColumns: readonly ColumnSchema[] = [
  text('eventversion'),
  userIdentity,
  text('eventtime'),
  text('eventsource'),
  text('eventname'),
  text('awsregion'),
  text('sourceipaddress'),
  text('useragent'),
  text('errorcode'),
  text('errormessage'),
  text('requestparameters'),
  text('responseelements'),
  text('additionaleventdata'),
  text('requestid'),
  text('eventid'),
  text('readonly'),
  { name: 'resources', type: 'STRUCT(arn VARCHAR, accountid VARCHAR, "type" VARCHAR)[]' },
  text('eventtype'),
  text('apiversion'),
  text('recipientaccountid'),
  text('serviceeventdetails'),
  text('sharedeventid'),
  text('vpcendpointid'),
  text('vpcendpointaccountid'),
  text('eventcategory'),
  struct('addendum', [text('reason'), text('updatedfields'), text('originalrequestid'), text('originaleventid')]),
  text('sessioncredentialfromconsole'),
  text('edgedevicedetails'),
  struct('tlsdetails', [text('tlsversion'), text('ciphersuite'), text('clientprovidedhostheader')]),
  text('region'),
  text('year'),
  text('month'),
  text('day'),
];

/** Columns of `guardduty_findings` in view order; `resource` and `service` are JSON documents as text. */
export const GuardDutyColumns: readonly ColumnSchema[] = [
  'schemaversion',
  'accountid',
  'region',
  'partition',
  'id',
  'arn',
  'type',
  'resource',
  'service',
  'severity',
  'createdat',
  'updatedat',
  'title',
  'description',
].map(text);

/** Every table participants may query, with its columns. */
export const AthenaTableColumns: Readonly<Record<'cloudtrail_logs' | 'guardduty_findings', readonly ColumnSchema[]>> = {
  cloudtrail_logs: CloudTrailColumns,
  guardduty_findings: GuardDutyColumns,
};
