import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CallContext, CloudTrailRecord, Credentials } from '../../../server/account/api-call.js';
import { seedAccount } from '../../../server/account/index.js';
import type { AccountState } from '../../../server/account/state.js';

/** The apexcorp-prod pack read from scenarios/, and helpers to build calls against it. */
const PACK = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'scenarios', 'apexcorp-prod');

export const ACCOUNT_ID = '123456789012';
export const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];
/** dev-deploy's pipeline key, which the attacker uses first. */
export const PIPELINE_KEY = 'AKIABZPUZDIKLNSTKRFZ';
/** The key the attacker creates for dev-deploy during the story. */
export const ATTACKER_KEY = 'AKIABZPUZDIKDNQIULWG';
export const ALICE_KEY = 'AKIABZPUZDIKETXZYITD';

const readJson = (path: string): unknown => JSON.parse(readFileSync(join(PACK, path), 'utf8'));

export function packRecords(): CloudTrailRecord[] {
  return (readJson('cloudtrail/attack.json') as { Records: CloudTrailRecord[] }).Records;
}

export function packFindings(): { Id: string; Type: string; Service?: unknown; Region?: string; Resource?: unknown }[] {
  return readJson('guardduty/findings.json') as { Id: string; Type: string }[];
}

/** Seed the account at the start of the scenario window. */
export function seedPack(): AccountState {
  return seedAccount({ accountId: ACCOUNT_ID, primaryRegion: 'us-east-1', regions: REGIONS, snapshot: readJson('iam/snapshot.json'), records: packRecords(), findings: packFindings() });
}

/** Build a call context at a fixed scenario time, signed with an access key. */
export function keyContext(accessKeyId: string, idSeed = 'test-call'): CallContext {
  return { credentials: { kind: 'accessKey', accessKeyId }, sourceIpAddress: '198.51.100.7', userAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0 exe/x86_64', at: '2026-05-08T04:00:00.250Z', idSeed };
}

/** Build a call context of a session of the incident responders' role. */
export function responderContext(idSeed = 'responder-call'): CallContext {
  const credentials: Credentials = { kind: 'roleSession', roleName: 'IncidentResponder', sessionName: 'blue-team-1', accessKeyId: 'ASIAEXAMPLERESPONDER' };
  return { credentials, sourceIpAddress: '203.0.113.50', userAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0 exe/x86_64', at: '2026-05-08T04:00:00Z', idSeed };
}
