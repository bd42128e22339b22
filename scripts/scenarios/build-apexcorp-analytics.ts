/**
 * Writes the scripted data of the apexcorp-analytics scenario pack:
 *   scenarios/apexcorp-analytics/cloudtrail/attack.json   CloudTrail delivery format, one record per line
 *   scenarios/apexcorp-analytics/guardduty/findings.json  GetFindings findings, a JSON array
 *
 * The output depends on nothing but this code, so two runs write identical bytes.
 * Run from the repository root: npx tsx scripts/scenarios/build-apexcorp-analytics.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatCloudTrailFile, formatFindingsFile } from '../../server/scenario/pack/files.js';
import { buildAnalyticsAttack } from '../../server/scenario/records/analytics/attack.js';
import { buildAnalyticsFindings } from '../../server/scenario/records/analytics/findings.js';
import { BACKDOOR_FUNCTION, CHAINED_KEY_ID, STOLEN_KEY_ID, WEB_INSTANCE } from '../../server/scenario/records/analytics/story.js';

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const packDirectory = join(repositoryRoot, 'scenarios', 'apexcorp-analytics');

function writeText(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`wrote ${relative(repositoryRoot, path)}`);
}

const attack = buildAnalyticsAttack();
const findings = buildAnalyticsFindings(attack);
writeText(join(packDirectory, 'cloudtrail', 'attack.json'), formatCloudTrailFile(attack.records));
writeText(join(packDirectory, 'guardduty', 'findings.json'), formatFindingsFile(findings));

console.log(`records: ${attack.records.length}, findings: ${findings.length}`);
console.log(`instance: ${WEB_INSTANCE.instanceId}, stolen key: ${STOLEN_KEY_ID}, chained key: ${CHAINED_KEY_ID}, function: ${BACKDOOR_FUNCTION}`);
for (const label of ['attack/get-caller-identity', 'attack/assume-deploy-role', 'attack/get-secret-0', 'attack/create-function', 'attack/create-function-url']) {
  console.log(`${label}: ${attack.byLabel.get(label)?.eventID ?? 'missing'}`);
}
for (const finding of findings) console.log(`finding: ${String(finding.Id)} ${String(finding.Type)} count ${String((finding.Service as { Count: number }).Count)}`);
