import type { CloudTrailRecord } from '../../manifest.js';
import type { CloudTrailEvent, IamUserPrincipal } from '../cloudtrail.js';
import { buildRecord, iamUserIdentity } from '../cloudtrail.js';
import { Random } from '../prng.js';
import { ACCOUNT_ID, ATTACKER, ATTACKER_CLI_USER_AGENT, PRIMARY_REGION } from './story.js';

/**
 * Collects the scripted records of the scenario under unique labels. Each record draws its ids
 * from a generator seeded by its own label, so adding or removing a record leaves every other
 * record unchanged.
 */
export class RecordLog {
  readonly byLabel = new Map<string, CloudTrailRecord>();

  add(label: string, make: (rng: Random) => CloudTrailEvent): CloudTrailRecord {
    if (this.byLabel.has(label)) {
      throw new Error(`duplicate attack record label "${label}"`);
    }
    const rng = Random.fromLabel(`apexcorp-prod/${label}`);
    const record = buildRecord(make(rng), rng);
    this.byLabel.set(label, record);
    return record;
  }
}

export interface AttackerCall {
  eventSource: string;
  eventName: string;
  region?: string;
  requestParameters: Record<string, unknown> | null;
  responseElements?: Record<string, unknown> | null;
  readOnly: boolean;
  error?: { code: string; message: string };
  requestId?: string;
  tlsHost?: string;
}

/** Builds a call the attacker made with the CLI from the Tor exit node. */
export function attackerCall(user: IamUserPrincipal, accessKeyId: string, time: number, call: AttackerCall): CloudTrailEvent {
  const event: CloudTrailEvent = {
    accountId: ACCOUNT_ID,
    time,
    identity: iamUserIdentity(user, accessKeyId),
    eventSource: call.eventSource,
    eventName: call.eventName,
    region: call.region ?? PRIMARY_REGION,
    sourceIp: ATTACKER.ip,
    userAgent: ATTACKER_CLI_USER_AGENT,
    requestParameters: call.requestParameters,
    responseElements: call.responseElements ?? null,
    readOnly: call.readOnly,
    tlsVersion: 'TLSv1.2',
  };
  if (call.error) {
    event.error = call.error;
  }
  if (call.requestId !== undefined) {
    event.requestId = call.requestId;
  }
  if (call.tlsHost !== undefined) {
    event.tlsHost = call.tlsHost;
  }
  return event;
}

