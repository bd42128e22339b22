import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { Finding } from '../../../shared/model.js';
import { generateBackgroundChunks } from '../background/chunks.js';
import { ManifestFile } from '../load.js';
import { Manifest, type CloudTrailRecord } from '../manifest.js';
import { checkAnswersVisible } from './answer-rules.js';
import { addStringLeaves, checkFindings, checkRecords, type LocatedFinding, type LocatedRecord } from './data-rules.js';
import { lineAt, linesOfKey } from './json-locate.js';
import { checkManifestRules } from './manifest-rules.js';
import { sortProblems, type Problem } from './problem.js';
import { parseLocatedYaml, type LocatedYaml } from './yaml-locate.js';

export { formatProblem, type Problem } from './problem.js';

interface FileText {
  file: string;
  text: string;
}

async function readPackFile(dir: string, file: string, problems: Problem[]): Promise<FileText | undefined> {
  const resolved = path.resolve(dir, file);
  if (!resolved.startsWith(path.resolve(dir) + path.sep)) {
    problems.push({ file: ManifestFile, line: 1, field: 'data', message: `${file} is outside the pack folder` });
    return undefined;
  }
  try {
    return { file, text: await readFile(resolved, 'utf8') };
  } catch (error) {
    problems.push({ file, line: 1, field: '(file)', message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}); check the path under data in ${ManifestFile}` });
    return undefined;
  }
}

function parseJsonFile(source: FileText, problems: Problem[]): unknown {
  try {
    return JSON.parse(source.text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    problems.push({ file: source.file, line: position ? lineAt(source.text, Number(position[1])) : 1, field: '(file)', message: `invalid JSON: ${message}` });
    return undefined;
  }
}

function schemaProblems(yaml: LocatedYaml, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    file: ManifestFile,
    line: yaml.lineOf(issue.path),
    field: issue.path.join('.') || '(root)',
    message: issue.message,
  }));
}

function readRecords(source: FileText, problems: Problem[]): LocatedRecord[] {
  const parsed = parseJsonFile(source, problems);
  if (parsed === undefined) return [];
  const list = (parsed as { Records?: unknown }).Records;
  if (!Array.isArray(list)) {
    problems.push({ file: source.file, line: 1, field: 'Records', message: 'must be an array: CloudTrail files use the delivery format {"Records": [...]}' });
    return [];
  }
  const lines = linesOfKey(source.text, 'eventID');
  const located: LocatedRecord[] = [];
  list.forEach((record, index) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      problems.push({ file: source.file, line: 1, field: `Records.${index}`, message: 'must be a JSON object' });
      return;
    }
    const eventID = (record as { eventID?: unknown }).eventID;
    located.push({ record: record as CloudTrailRecord, file: source.file, line: (typeof eventID === 'string' && lines.get(eventID)) || 1 });
  });
  return located;
}

function readFindings(source: FileText, problems: Problem[]): LocatedFinding[] {
  const parsed = parseJsonFile(source, problems);
  if (parsed === undefined) return [];
  if (!Array.isArray(parsed)) {
    problems.push({ file: source.file, line: 1, field: '(root)', message: 'must be a JSON array of findings in the GetFindings shape' });
    return [];
  }
  const lines = linesOfKey(source.text, 'Id');
  const located: LocatedFinding[] = [];
  parsed.forEach((finding, index) => {
    const candidate = finding as Partial<Finding> | null;
    const missing = ['Id', 'Type', 'Title', 'UpdatedAt'].filter((key) => typeof (candidate as Record<string, unknown> | null)?.[key] !== 'string');
    if (typeof candidate?.Severity !== 'number') missing.push('Severity');
    const line = (typeof candidate?.Id === 'string' && lines.get(candidate.Id)) || 1;
    if (missing.length > 0) {
      problems.push({ file: source.file, line, field: `${index}`, message: `finding is missing ${missing.join(', ')}` });
      return;
    }
    located.push({ finding: finding as Finding, file: source.file, line });
  });
  return located;
}

/**
 * Validates a scenario pack and returns every problem found, sorted by file and line; an empty
 * list means the pack is good. Beyond the manifest schema it checks references between phases,
 * objectives and findings, that every record has the common CloudTrail fields, a unique eventID
 * and a time inside the window, that findings match the CloudTrail data, and that each
 * objective's answer is in the data released by the phase that opens it.
 */
export async function validatePack(dir: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  const manifestSource = await readPackFile(dir, ManifestFile, problems);
  if (!manifestSource) return problems;

  const yaml = parseLocatedYaml(manifestSource.text);
  if (yaml.errors.length > 0) return yaml.errors.map((error) => ({ file: ManifestFile, line: error.line, field: '(yaml)', message: error.message }));
  const parsed = Manifest.safeParse(yaml.value);
  if (!parsed.success) return sortProblems(schemaProblems(yaml, parsed.error));
  const manifest = parsed.data;
  const report = (fieldPath: (string | number)[], message: string) =>
    problems.push({ file: ManifestFile, line: yaml.lineOf(fieldPath), field: fieldPath.join('.'), message });

  const records: LocatedRecord[] = [];
  for (const file of manifest.data.cloudtrail) {
    const source = await readPackFile(dir, file, problems);
    if (source) records.push(...readRecords(source, problems));
  }
  const findings: LocatedFinding[] = [];
  for (const file of manifest.data.guardduty) {
    const source = await readPackFile(dir, file, problems);
    if (source) findings.push(...readFindings(source, problems));
  }
  if (manifest.data.iam) {
    const source = await readPackFile(dir, manifest.data.iam, problems);
    const snapshot = source ? parseJsonFile(source, problems) : undefined;
    if (source && snapshot !== undefined && !Array.isArray((snapshot as { UserDetailList?: unknown }).UserDetailList)) {
      problems.push({ file: source.file, line: 1, field: 'UserDetailList', message: 'must be an array: the snapshot uses the shape of aws iam get-account-authorization-details' });
    }
  }

  const background = manifest.data.background;
  if (background && background.events > 0) {
    const line = yaml.lineOf(['data', 'background']);
    const options = { ...background, accountId: manifest.account.id, primaryRegion: manifest.primaryRegion, regions: manifest.regions, window: manifest.window };
    for (const chunk of generateBackgroundChunks(options)) for (const record of chunk) records.push({ record, file: ManifestFile, line });
  }

  checkManifestRules(manifest, new Set(findings.map((located) => located.finding.Id)), report);
  checkRecords(manifest, records, problems);
  const values = new Set<string>();
  if (manifest.origin === 'authored') for (const located of records) addStringLeaves(located.record, values);
  checkFindings(manifest, findings, values, problems);
  checkAnswersVisible(manifest, records, findings.map((located) => located.finding), report);
  return sortProblems(problems);
}
