/**
 * Writes the scripted data of the apexcorp-prod scenario pack:
 *   scenarios/apexcorp-prod/cloudtrail/attack.json   CloudTrail delivery format, one record per line
 *   scenarios/apexcorp-prod/guardduty/findings.json  GetFindings findings, a JSON array
 *   scenarios/apexcorp-prod/iam/snapshot.json        IAM state at the start of the window
 *
 * The output depends on nothing but this code, so two runs write identical bytes.
 * Run from the repository root: npx tsx scripts/scenarios/build-apexcorp.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatCloudTrailFile, formatFindingsFile } from '../../server/scenario/pack/files.js';
import { buildAttackData } from '../../server/scenario/records/apexcorp/attack.js';
import { buildIamSnapshot } from '../../server/scenario/records/apexcorp/iam-snapshot.js';
import { buildFindings } from '../../server/scenario/records/apexcorp/findings.js';
import { ATTACKER, buildStoryCast, KEY_PAIR_NAME } from '../../server/scenario/records/apexcorp/story.js';

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const packDirectory = join(repositoryRoot, 'scenarios', 'apexcorp-prod');

function writeText(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`wrote ${relative(repositoryRoot, path)}`);
}

const story = buildStoryCast();
const attack = buildAttackData(story);
const findings = buildFindings(story, attack);

writeText(join(packDirectory, 'cloudtrail', 'attack.json'), formatCloudTrailFile(attack.records));
writeText(join(packDirectory, 'guardduty', 'findings.json'), formatFindingsFile(findings));
writeText(join(packDirectory, 'iam', 'snapshot.json'), `${JSON.stringify(buildIamSnapshot(story), null, 2)}\n`);

const escalation = attack.byLabel.get('escalation/attach-admin-to-dev-deploy');
console.log(`records: ${attack.records.length}, findings: ${findings.length}`);
console.log(`attacker IP: ${ATTACKER.ip}`);
console.log(`dev-deploy key: ${story.pipelineKeyId}`);
console.log(`backdoor key: ${story.backdoorKeyId}`);
console.log(`${story.backdoorUser.userName} key: ${story.backdoorUserKeyId}`);
console.log(`AttachUserPolicy eventID: ${escalation?.eventID ?? 'missing'}`);
console.log(`key pair: ${KEY_PAIR_NAME}`);
for (const instance of attack.instances) {
  console.log(`instance: ${instance.region} ${instance.launch.instanceType} ${instance.launch.instanceId}`);
}
for (const finding of findings) {
  console.log(`finding: ${String(finding.Id)} ${String(finding.Type)} severity ${String(finding.Severity)} created ${String(finding.CreatedAt)}`);
}
