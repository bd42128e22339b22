import type { QueryEngine } from '../../query/query-engine.js';
import type { Visibility } from '../../query/protocol.js';
import { trackedEventNames } from './apply-event.js';
import type { IamEvent } from './iam-event.js';

/**
 * Read the successful IAM changes a team can see, oldest first, through the same visibility
 * filtered view as the CloudTrail browser and SQL queries, so nothing past the horizon is read.
 * Failed calls changed nothing and are left out.
 */
export async function readIamEvents(engine: QueryEngine, scenarioId: string, visibility: Visibility): Promise<{ events: IamEvent[]; truncated: boolean }> {
  // The names come from the handler table, never from a request, so quoting them here is safe.
  const names = trackedEventNames()
    .map((name) => `'${name.replaceAll("'", "''")}'`)
    .join(', ');
  const sql = `SELECT eventid, CAST(eventtime AS VARCHAR), eventname, eventsource,
      coalesce(useridentity.username, useridentity.sessioncontext.sessionissuer.username, useridentity.arn, useridentity.invokedby, 'unknown'),
      CASE WHEN useridentity.type = 'IAMUser' THEN useridentity.username END,
      sourceipaddress, requestparameters, responseelements
    FROM cloudtrail_logs
    WHERE eventsource = 'iam.amazonaws.com' AND errorcode IS NULL AND eventname IN (${names})
    ORDER BY eventtime, eventid`;
  const result = await engine.query(scenarioId, visibility, sql);
  const events = result.rows.map((row): IamEvent => ({
    eventId: String(row[0]),
    eventTime: String(row[1]),
    eventName: String(row[2]),
    eventSource: String(row[3]),
    actor: String(row[4]),
    callerUserName: typeof row[5] === 'string' ? row[5] : null,
    sourceIpAddress: typeof row[6] === 'string' ? row[6] : null,
    requestParameters: parseJson(row[7]),
    responseElements: parseJson(row[8]),
  }));
  return { events, truncated: result.truncated };
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}
