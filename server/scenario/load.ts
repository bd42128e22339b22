import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Finding } from '../../shared/model.js';
import { generateBackground } from './background/index.js';
import { Manifest, type CloudTrailRecord } from './manifest.js';

export const ManifestFile = 'scenario.yaml';

/** Bumped when the generator's output changes, so cached data built by an older one is rebuilt. */
const DataFormatVersion = 1;

export class ScenarioError extends Error {}

export interface Scenario {
  dir: string;
  manifest: Manifest;
  findings: Finding[];
  /** sha256 of the manifest, the data files and the data format version. */
  contentHash: string;
}

export interface ScenarioData {
  scenario: Scenario;
  events: CloudTrailRecord[];
}

const CloudTrailFile = z.object({ Records: z.array(z.looseObject({ eventTime: z.string(), eventID: z.string(), eventName: z.string() })) });
const FindingsFile = z.array(z.looseObject({ Id: z.string(), Type: z.string(), Severity: z.number(), Title: z.string(), UpdatedAt: z.string() }));

/**
 * Read and validate a scenario pack: its manifest, CloudTrail records, findings and background.
 * `options.backgroundEvents` replaces the manifest's background size, for benchmarks and the query
 * command. It is part of the content hash, so cached data of another size is not reused.
 */
export async function loadScenario(dir: string, options?: { backgroundEvents?: number }): Promise<ScenarioData> {
  const hash = createHash('sha256').update(`format:${DataFormatVersion}\n`);
  const manifestText = await readText(dir, ManifestFile);
  hash.update(manifestText);

  const parsed = Manifest.safeParse(parseYamlText(manifestText));
  if (!parsed.success) throw new ScenarioError(formatIssues(ManifestFile, parsed.error));
  const manifest = parsed.data;

  const events: CloudTrailRecord[] = [];
  for (const file of manifest.data.cloudtrail) {
    const text = await readText(dir, file);
    hash.update(text);
    const records = CloudTrailFile.safeParse(parseJson(file, text));
    if (!records.success) throw new ScenarioError(formatIssues(file, records.error));
    events.push(...(records.data.Records as CloudTrailRecord[]));
  }

  const findings: Finding[] = [];
  for (const file of manifest.data.guardduty) {
    const text = await readText(dir, file);
    hash.update(text);
    const parsedFindings = FindingsFile.safeParse(parseJson(file, text));
    if (!parsedFindings.success) throw new ScenarioError(formatIssues(file, parsedFindings.error));
    findings.push(...(parsedFindings.data as Finding[]));
  }

  const background = manifest.data.background;
  const backgroundEvents = options?.backgroundEvents ?? background?.events;
  if (options?.backgroundEvents !== undefined) hash.update(`background-events:${options.backgroundEvents}\n`);
  if (background && backgroundEvents !== undefined) {
    // A loop, not push(...records): spreading a million records overflows the call stack.
    const records = generateBackground({
      seed: background.seed,
      events: backgroundEvents,
      accountId: manifest.account.id,
      primaryRegion: manifest.primaryRegion,
      regions: manifest.regions,
      window: manifest.window,
    });
    for (const record of records) events.push(record);
  }
  events.sort((a, b) => a.eventTime.localeCompare(b.eventTime));

  return { scenario: { dir, manifest, findings, contentHash: hash.digest('hex') }, events };
}

/**
 * Write the scenario's data as the query engine loads it, under `cacheDir`, named by content
 * hash: an unchanged pack is not rebuilt on the next start, a changed one gets new files.
 */
export async function writeDataFiles(data: ScenarioData, cacheDir: string): Promise<{ eventsPath: string; findingsPath: string }> {
  const { scenario, events } = data;
  const base = path.join(cacheDir, `${scenario.manifest.id}-${scenario.contentHash.slice(0, 16)}`);
  const eventsPath = `${base}.cloudtrail.ndjson`;
  const findingsPath = `${base}.findings.json`;
  await mkdir(cacheDir, { recursive: true });
  if (!(await exists(eventsPath))) await writeAtomically(eventsPath, events.map((event) => JSON.stringify(event)).join('\n') + '\n');
  if (!(await exists(findingsPath))) await writeAtomically(findingsPath, JSON.stringify(scenario.findings));
  return { eventsPath, findingsPath };
}

async function readText(dir: string, file: string): Promise<string> {
  const resolved = path.resolve(dir, file);
  if (!resolved.startsWith(path.resolve(dir) + path.sep)) throw new ScenarioError(`${file}: the path must stay inside the pack folder.`);
  try {
    return await readFile(resolved, 'utf8');
  } catch (error) {
    throw new ScenarioError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
  }
}

function parseYamlText(text: string): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    throw new ScenarioError(`${ManifestFile}: invalid YAML: ${(error as Error).message}`);
  }
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ScenarioError(`${file}: invalid JSON: ${(error as Error).message}`);
  }
}

function formatIssues(file: string, error: z.ZodError): string {
  return error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function writeAtomically(file: string, content: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}
