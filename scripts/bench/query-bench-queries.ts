/**
 * Typical incident response queries over CloudTrail in Athena SQL, as the benchmark runs them:
 * filters on nested fields, group by event name and IP, LIKE on request parameters, JSON
 * extraction, time bucketing and UNNEST of resources.
 */
export interface BenchQuery {
  name: string;
  sql: string;
}

export const BenchQueries: BenchQuery[] = [
  {
    name: 'events by user',
    sql: "SELECT eventname, count(*) AS calls FROM cloudtrail_logs WHERE useridentity.username = 'dev-deploy' GROUP BY eventname ORDER BY calls DESC",
  },
  {
    name: 'top source IPs',
    sql: 'SELECT sourceipaddress, count(*) AS calls FROM cloudtrail_logs GROUP BY sourceipaddress ORDER BY calls DESC LIMIT 20',
  },
  {
    name: 'top event names',
    sql: 'SELECT eventsource, eventname, count(*) AS calls FROM cloudtrail_logs GROUP BY 1, 2 ORDER BY calls DESC LIMIT 25',
  },
  {
    name: 'attacker IP timeline',
    sql: "SELECT eventtime, eventsource, eventname, useridentity.accesskeyid, errorcode FROM cloudtrail_logs WHERE sourceipaddress = '185.220.101.45' ORDER BY eventtime",
  },
  {
    name: 'access denied by identity',
    sql: "SELECT useridentity.arn, eventname, count(*) AS denied FROM cloudtrail_logs WHERE errorcode IN ('AccessDenied', 'Client.UnauthorizedOperation') GROUP BY 1, 2 ORDER BY denied DESC LIMIT 50",
  },
  {
    name: 'like on request parameters',
    sql: "SELECT eventtime, eventname, requestparameters FROM cloudtrail_logs WHERE requestparameters LIKE '%AdministratorAccess%' ORDER BY eventtime LIMIT 100",
  },
  {
    name: 'S3 bucket from JSON',
    sql: "SELECT json_extract_scalar(requestparameters, '$.bucketName') AS bucket, sourceipaddress, count(*) AS reads FROM cloudtrail_logs WHERE eventname = 'GetObject' GROUP BY 1, 2 ORDER BY reads DESC LIMIT 20",
  },
  {
    name: 'new access keys from JSON',
    sql: "SELECT eventtime, useridentity.username, json_extract_scalar(responseelements, '$.accessKey.accessKeyId') AS key_id FROM cloudtrail_logs WHERE eventname = 'CreateAccessKey' ORDER BY eventtime",
  },
  {
    name: 'instance types from JSON',
    sql: "SELECT awsregion, json_extract_scalar(requestparameters, '$.instanceType') AS instance_type, count(*) AS launches FROM cloudtrail_logs WHERE eventname = 'RunInstances' GROUP BY 1, 2 ORDER BY launches DESC",
  },
  {
    name: 'hourly buckets',
    sql: "SELECT date_trunc('hour', from_iso8601_timestamp(eventtime)) AS hour, count(*) AS calls FROM cloudtrail_logs GROUP BY 1 ORDER BY 1",
  },
  {
    name: 'time window with date_parse',
    sql: "SELECT eventname, count(*) AS calls FROM cloudtrail_logs WHERE date_parse(eventtime, '%Y-%m-%dT%H:%i:%sZ') BETWEEN TIMESTAMP '2026-05-08 01:50:00' AND TIMESTAMP '2026-05-08 03:00:00' GROUP BY 1 ORDER BY calls DESC LIMIT 30",
  },
  {
    name: 'unnest resources',
    sql: "SELECT r.type, count(*) AS uses FROM cloudtrail_logs CROSS JOIN UNNEST(resources) AS t(r) GROUP BY r.type ORDER BY uses DESC",
  },
  {
    name: 'unnest bucket ARNs',
    sql: "SELECT r.arn, count(*) AS uses FROM cloudtrail_logs CROSS JOIN UNNEST(resources) AS t(r) WHERE r.type = 'AWS::S3::Bucket' GROUP BY 1 ORDER BY uses DESC LIMIT 20",
  },
  {
    name: 'console logins by outcome',
    sql: "SELECT sourceipaddress, json_extract_scalar(responseelements, '$.ConsoleLogin') AS outcome, count(*) AS logins FROM cloudtrail_logs WHERE eventname = 'ConsoleLogin' GROUP BY 1, 2 ORDER BY logins DESC LIMIT 50",
  },
  {
    name: 'assumed role sessions',
    sql: "SELECT useridentity.sessioncontext.sessionissuer.username AS role, count(DISTINCT useridentity.principalid) AS sessions, count(*) AS calls FROM cloudtrail_logs WHERE useridentity.type = 'AssumedRole' GROUP BY 1 ORDER BY calls DESC LIMIT 30",
  },
  {
    name: 'distinct IPs per user',
    sql: 'SELECT useridentity.username, approx_distinct(sourceipaddress) AS addresses, count(*) AS calls FROM cloudtrail_logs WHERE useridentity.username IS NOT NULL GROUP BY 1 ORDER BY addresses DESC LIMIT 20',
  },
  {
    name: 'logging tampering',
    sql: "SELECT eventtime, eventname, useridentity.username, errorcode FROM cloudtrail_logs WHERE eventsource = 'cloudtrail.amazonaws.com' AND eventname IN ('StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors') ORDER BY eventtime",
  },
  {
    name: 'read-only share per service',
    sql: "SELECT eventsource, count_if(readonly = 'true') AS reads, count_if(readonly = 'false') AS writes FROM cloudtrail_logs GROUP BY 1 ORDER BY writes DESC LIMIT 30",
  },
];

/**
 * A runaway query another team could send: a self-join that produces billions of rows. It runs
 * until the statement timeout interrupts it.
 */
export const HostileSql = 'SELECT count(*) FROM cloudtrail_logs a, cloudtrail_logs b WHERE a.eventname <> b.eventname';
