import type { CloudTrailFilter } from '../../shared/model.js';
import type { CloudTrailCriteria } from '../../shared/schemas.js';

/** A WHERE clause over `cloudtrail_logs` and the values of its named parameters. */
export interface WhereClause {
  sql: string;
  params: Record<string, string>;
}

/** The user column of the browser: the IAM user, else the role behind a session, else the calling service or identity type. */
export const UserNameSql = 'coalesce(useridentity.username, useridentity.sessioncontext.sessionissuer.username, useridentity.invokedby, useridentity.type)';

/** The event time as a timestamp; eventtime is ISO 8601 text with a `Z` suffix. */
export const EventTimeSql = 'CAST(eventtime AS TIMESTAMPTZ)';

const QuickFilterSources: Record<Exclude<CloudTrailFilter, 'suspicious' | 'all'>, string> = {
  iam: 'iam.amazonaws.com',
  s3: 's3.amazonaws.com',
  ec2: 'ec2.amazonaws.com',
};

/**
 * Events a responder checks first in a key compromise: failed calls (often reconnaissance),
 * changes to identities and to the logging and detection services, and calls that reveal or
 * extend an attacker's reach. A starting point for triage, not a verdict.
 */
const SuspiciousSql = `(errorcode IS NOT NULL
  OR (CAST(readonly AS VARCHAR) = 'false' AND eventsource IN ('iam.amazonaws.com', 'cloudtrail.amazonaws.com', 'guardduty.amazonaws.com', 'config.amazonaws.com', 'organizations.amazonaws.com'))
  OR eventname IN ('GetCallerIdentity', 'ConsoleLogin', 'RunInstances', 'PutBucketPolicy', 'PutBucketAcl', 'PutBucketPublicAccessBlock', 'DeleteBucketPublicAccessBlock'))`;

/** Text attributes and the column each one is compared with. */
const TextColumns = {
  eventName: 'eventname',
  userName: UserNameSql,
  accessKeyId: 'useridentity.accesskeyid',
  sourceIPAddress: 'sourceipaddress',
  eventSource: 'eventsource',
  errorCode: 'errorcode',
} as const;

/** Split off a trailing `*`, which makes the value a prefix. So `*` alone matches every event where the field is present. */
function splitPrefix(value: string): { text: string; prefix: boolean } {
  return value.endsWith('*') ? { text: value.slice(0, -1), prefix: true } : { text: value, prefix: false };
}

/**
 * Build the WHERE clause of a CloudTrail selection. Every condition is ANDed and every value is
 * bound as a parameter. Text matches are exact and case-sensitive, except that a trailing `*`
 * turns a value into a prefix (`185.220.101.*`). `resourceName` matches an entry of `resources`
 * by its full ARN or by the name after the ARN's last `:` or `/`. With a `*`, it matches the start
 * of either. With `withTime` false, the time range is left out, as the histogram needs.
 */
export function buildWhere(criteria: CloudTrailCriteria, withTime = true): WhereClause {
  const conditions: string[] = [];
  const params: Record<string, string> = {};

  if (criteria.filter === 'suspicious') {
    conditions.push(SuspiciousSql);
  } else if (criteria.filter !== 'all') {
    params.quickSource = QuickFilterSources[criteria.filter];
    conditions.push('eventsource = $quickSource');
  }

  const attributes = criteria.attributes;
  for (const [key, column] of Object.entries(TextColumns) as [keyof typeof TextColumns, string][]) {
    const value = attributes[key];
    if (value === undefined) continue;
    const { text, prefix } = splitPrefix(value);
    params[key] = text;
    conditions.push(prefix ? `starts_with(${column}, $${key})` : `${column} = $${key}`);
  }

  if (attributes.resourceName !== undefined) {
    const { text, prefix } = splitPrefix(attributes.resourceName);
    params.resourceName = text;
    // The name is what follows the ARN's last ':' or '/', such as a bucket name or an instance id.
    const name = "regexp_extract(r.arn, '[^:/]*$')";
    const test = prefix ? `starts_with(r.arn, $resourceName) OR starts_with(${name}, $resourceName)` : `r.arn = $resourceName OR ${name} = $resourceName`;
    conditions.push(`len(list_filter(resources, lambda r: ${test})) > 0`);
  }

  if (attributes.readOnly !== undefined) {
    params.readOnly = String(attributes.readOnly);
    conditions.push('CAST(readonly AS VARCHAR) = $readOnly');
  }

  if (withTime && criteria.start !== undefined) {
    params.start = criteria.start;
    conditions.push(`${EventTimeSql} >= CAST($start AS TIMESTAMPTZ)`);
  }
  if (withTime && criteria.end !== undefined) {
    params.end = criteria.end;
    conditions.push(`${EventTimeSql} <= CAST($end AS TIMESTAMPTZ)`);
  }

  return { sql: conditions.length > 0 ? `WHERE ${conditions.join('\n  AND ')}` : '', params };
}
