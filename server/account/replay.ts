import type { CloudTrailRecord } from './api-call.js';
import { actionDefinition } from './actions/index.js';
import { applyAction } from './execute.js';
import { rolePrincipal, userPrincipal, type Principal } from './principal.js';
import { byEventTime, objectField, stringField } from './record-fields.js';
import { callsOfRecord } from './replay-calls.js';
import type { AccountState } from './state.js';

/**
 * Apply the successful, state-changing scripted records to the model in eventTime order, each
 * at most once per state, and return how many applied. A record that no longer applies, such
 * as a change to a key a team already deleted, is skipped and leaves the model unchanged.
 */
export function replayRecords(state: AccountState, records: CloudTrailRecord[]): number {
  const replayed = new Set(state.replayedEventIds ?? []);
  let applied = 0;
  for (const record of byEventTime(records)) {
    if (record.errorCode || record.readOnly === true || replayed.has(record.eventID)) continue;
    if (applyRecord(state, record)) {
      applied += 1;
      replayed.add(record.eventID);
    }
  }
  state.replayedEventIds = [...replayed];
  return applied;
}

function applyRecord(state: AccountState, record: CloudTrailRecord): boolean {
  if (record.eventName === 'CreateSecurityGroup') return createSecurityGroup(state, record);
  // Read-only calls such as AssumeRole change nothing the model tracks.
  const calls = callsOfRecord(record).filter((entry) => actionDefinition(entry.call.service, entry.call.action)?.readOnly === false);
  if (calls.length === 0) return false;
  const principal = principalOf(state, record);
  let changed = false;
  calls.forEach((entry, index) => {
    // Each handler checks its inputs before it changes the model, so a rejected call leaves no partial change.
    // A scripted record with a shape the handlers do not expect is skipped like one that no longer applies.
    try {
      applyAction(state, entry.call, principal, record.eventTime, `${record.eventID}#${index}`, entry.preset);
      changed = true;
    } catch {
      // The record does not apply to this copy of the account.
    }
  });
  return changed;
}

/** Add the group of a CreateSecurityGroup record: the account does not handle that call, but later records use the group. */
function createSecurityGroup(state: AccountState, record: CloudTrailRecord): boolean {
  const groupId = stringField(objectField(record, 'responseElements'), 'groupId');
  if (!groupId || Object.hasOwn(state.securityGroups, groupId)) return false;
  const groupName = stringField(objectField(record, 'requestParameters'), 'groupName') ?? groupId;
  state.securityGroups[groupId] = { groupId, groupName, region: stringField(record, 'awsRegion') ?? 'us-east-1', ingress: [] };
  return true;
}

function principalOf(state: AccountState, record: CloudTrailRecord): Principal {
  const identity = objectField(record, 'userIdentity');
  const accessKeyId = stringField(identity, 'accessKeyId') ?? '';
  if (identity?.type === 'AssumedRole') {
    const issuer = objectField(objectField(identity, 'sessionContext'), 'sessionIssuer');
    const arn = stringField(identity, 'arn') ?? '';
    return rolePrincipal(state, stringField(issuer, 'userName') ?? '', arn.slice(arn.lastIndexOf('/') + 1), accessKeyId);
  }
  return userPrincipal(state, stringField(identity, 'userName') ?? '', accessKeyId);
}
