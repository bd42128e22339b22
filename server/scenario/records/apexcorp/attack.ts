import type { CloudTrailRecord } from '../../manifest.js';
import { compareRecords } from '../cloudtrail.js';
import type { LaunchedInstance } from './compute.js';
import { addCompute } from './compute.js';
import { addDecoys } from './decoys.js';
import { addExfiltration } from './exfiltration.js';
import { addDiscovery, addEscalationAndPersistence } from './intrusion.js';
import { RecordLog } from './record-log.js';
import type { StoryCast } from './story.js';
import { addLogTampering } from './tampering.js';

/** The scripted CloudTrail records of the ApexCorp scenario: the attack on 2026-05-08 and the decoys the day before. */

export type { LaunchedInstance } from './compute.js';

export interface AttackData {
  /** Records sorted by eventTime, then eventID. */
  records: CloudTrailRecord[];
  /** The record built under each label. */
  byLabel: ReadonlyMap<string, CloudTrailRecord>;
  instances: LaunchedInstance[];
}

/** Builds every scripted record of the scenario, sorted by eventTime then eventID. */
export function buildAttackData(story: StoryCast): AttackData {
  const log = new RecordLog();
  addDecoys(log, story);
  addDiscovery(log, story);
  addEscalationAndPersistence(log, story);
  addExfiltration(log, story);
  const instances = addCompute(log, story);
  addLogTampering(log, story);

  const records = [...log.byLabel.values()].sort(compareRecords);
  return { records, byLabel: log.byLabel, instances };
}
