import { seedAccount, type AccountState, type CloudTrailRecord } from '../account/index.js';
import { attackerDefaults } from '../redcell/index.js';
import { readIamSnapshotFile } from '../scenario/iam-snapshot-file.js';
import { loadScenario, type Scenario } from '../scenario/load.js';

/**
 * Starting point of every team copy of an exercise's account: the account at the start of the
 * scenario window, and the scripted CloudTrail records that each phase release replays into it.
 */
export interface ScenarioBasis {
  seed: AccountState;
  /** Scripted records in time order, cut by phase: index p contains those after horizon p-1 up to horizon p. */
  phaseRecords: CloudTrailRecord[][];
  /** Access keys the account's own workloads use from its private addresses; containment must not break them. */
  legitimateKeys: string[];
  records: CloudTrailRecord[];
  /** Addresses the scenario's own findings call Tor exit nodes; GuardDuty flags calls from them. */
  torAddresses: string[];
  /** The attacker's address and client, where a red move leaves them empty. */
  attacker: { sourceIpAddress: string; userAgent: string };
  accountId: string;
  primaryRegion: string;
  regions: string[];
}

const PrivateAddress = /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/;

/** Read the pack's data once and derive the basis. The scenario's own files are trusted only after the manifest validated. */
export async function loadScenarioBasis(scenario: Scenario): Promise<ScenarioBasis> {
  const { events } = await loadScenario(scenario.dir);
  const manifest = scenario.manifest;
  const records = [...events].sort((a, b) => Date.parse(a.eventTime) - Date.parse(b.eventTime)) as CloudTrailRecord[];
  const seed = seedAccount({
    accountId: manifest.account.id,
    primaryRegion: manifest.primaryRegion,
    regions: manifest.regions,
    snapshot: await readIamSnapshotFile(scenario),
    records,
    findings: scenario.findings,
  });

  const phaseRecords: CloudTrailRecord[][] = [];
  let from = 0;
  for (const phase of manifest.phases) {
    const horizon = Date.parse(phase.horizon);
    let to = from;
    while (to < records.length && Date.parse(records[to]!.eventTime) <= horizon) to++;
    phaseRecords.push(records.slice(from, to));
    from = to;
  }
  return { seed, phaseRecords, legitimateKeys: legitimateKeys(records), records, attacker: attackerOf(records, scenario), torAddresses: torAddresses(scenario), accountId: manifest.account.id, primaryRegion: manifest.primaryRegion, regions: manifest.regions };
}

/** IAM users' long-term keys that sign calls from the account's private addresses, such as the CI runners'. */
function legitimateKeys(records: CloudTrailRecord[]): string[] {
  const keys = new Set<string>();
  for (const record of records) {
    const identity = record.userIdentity as { type?: string; accessKeyId?: string } | undefined;
    const address = typeof record.sourceIPAddress === 'string' ? record.sourceIPAddress : '';
    if (identity?.type === 'IAMUser' && identity.accessKeyId?.startsWith('AKIA') && PrivateAddress.test(address)) keys.add(identity.accessKeyId);
  }
  return [...keys].sort();
}

/**
 * Find the attacker as the scenario's findings name it: the records from the remote addresses of the
 * findings tell the address and client, so busy background traffic from an office cannot win.
 */
function attackerOf(records: CloudTrailRecord[], scenario: Scenario): { sourceIpAddress: string; userAgent: string } {
  const remote = new Set(scenario.findings.flatMap(remoteAddresses));
  const fromFindings = records.filter((record) => typeof record.sourceIPAddress === 'string' && remote.has(record.sourceIPAddress));
  return attackerDefaults(fromFindings.length > 0 ? fromFindings : records);
}

function remoteAddresses(finding: Scenario['findings'][number]): string[] {
  const action = (finding.Service as { Action?: Record<string, { RemoteIpDetails?: { IpAddressV4?: string } }> } | undefined)?.Action;
  return Object.values(action ?? {}).flatMap((detail) => (detail?.RemoteIpDetails?.IpAddressV4 ? [detail.RemoteIpDetails.IpAddressV4] : []));
}

function torAddresses(scenario: Scenario): string[] {
  return [...new Set(scenario.findings.filter((finding) => finding.Type.includes('TorIPCaller')).flatMap(remoteAddresses))];
}
