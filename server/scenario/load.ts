import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Finding } from '../../shared/model.js';
import { generateBackgroundChunks } from './background/chunks.js';
import type { BackgroundOptions } from './background/index.js';
import { Manifest, type CloudTrailRecord } from './manifest.js';

export const ManifestFile = 'scenario.yaml';

/**
 * Bumped whenever generated output changes (the background generator, the cache layout), so
 * cached data built by an older version is rebuilt. The pack's own files are hashed anyway.
 */
const DataFormatVersion = 2;

/** Largest background size a caller may ask for. */
export const BackgroundEventsMax = 5_000_000;

export class ScenarioError extends Error {}

export interface Scenario {
  dir: string;
  manifest: Manifest;
  findings: Finding[];
  /** sha256 of the data format version, the load options, the manifest and the data files. */
  contentHash: string;
}

export interface ScenarioData {
  scenario: Scenario;
  events: CloudTrailRecord[];
}

export interface LoadOptions {
  /** Number of background events to generate instead of the manifest's, for benchmarks. */
  backgroundEvents?: number;
}

/** Files of a scenario prepared for the query engine. */
export interface PreparedScenario {
  scenario: Scenario;
  eventsPath: string;
  findingsPath: string;
  eventCount: number;
  /** True when the files came from the cache and nothing was generated. */
  cached: boolean;
}

const CloudTrailRecordShape = z.looseObject({
  eventTime: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO 8601 time'),
  eventID: z.string().min(1),
  eventName: z.string().min(1),
});
const CloudTrailFile = z.object({ Records: z.array(CloudTrailRecordShape) });
const FindingsFile = z.array(z.looseObject({ Id: z.string(), Type: z.string(), Severity: z.number(), Title: z.string(), UpdatedAt: z.string() }));
const Options = z.strictObject({ backgroundEvents: z.number().int().min(0).max(BackgroundEventsMax).optional() });

interface PackFiles {
  dir: string;
  manifest: Manifest;
  findings: Finding[];
  cloudtrail: { file: string; text: string }[];
  contentHash: string;
  background: BackgroundOptions | undefined;
}

/** Reads and validates a pack's manifest and findings and hashes every file, without parsing CloudTrail. */
async function readPack(dir: string, options: LoadOptions): Promise<PackFiles> {
  const checkedOptions = Options.safeParse(options);
  if (!checkedOptions.success) throw new ScenarioError(formatIssues('options', checkedOptions.error));
  const hash = createHash('sha256').update(`format:${DataFormatVersion}\nbackground:${options.backgroundEvents ?? 'manifest'}\n`);
  const manifestText = await readText(dir, ManifestFile);
  hash.update(manifestText);

  const parsed = Manifest.safeParse(parseYamlText(manifestText));
  if (!parsed.success) throw new ScenarioError(formatIssues(ManifestFile, parsed.error));
  const manifest = parsed.data;

  const cloudtrail: PackFiles['cloudtrail'] = [];
  for (const file of manifest.data.cloudtrail) {
    const text = await readText(dir, file);
    hash.update(`\0${file}\0`).update(text);
    cloudtrail.push({ file, text });
  }

  const findings: Finding[] = [];
  for (const file of manifest.data.guardduty) {
    const text = await readText(dir, file);
    hash.update(`\0${file}\0`).update(text);
    const parsedFindings = FindingsFile.safeParse(parseJson(file, text));
    if (!parsedFindings.success) throw new ScenarioError(formatIssues(file, parsedFindings.error));
    findings.push(...(parsedFindings.data as Finding[]));
  }

  const declared = manifest.data.background;
  const events = options.backgroundEvents ?? declared?.events ?? 0;
  const background: BackgroundOptions | undefined =
    events > 0
      ? {
          seed: declared?.seed ?? 0,
          events,
          accountId: manifest.account.id,
          primaryRegion: manifest.primaryRegion,
          regions: manifest.regions,
          window: manifest.window,
        }
      : undefined;

  return { dir, manifest, findings, cloudtrail, contentHash: hash.digest('hex'), background };
}

function parseCloudTrail(pack: PackFiles): CloudTrailRecord[] {
  const events: CloudTrailRecord[] = [];
  for (const { file, text } of pack.cloudtrail) {
    const records = CloudTrailFile.safeParse(parseJson(file, text));
    if (!records.success) throw new ScenarioError(formatIssues(file, records.error));
    events.push(...(records.data.Records as CloudTrailRecord[]));
  }
  return events;
}

function scenarioOf(pack: PackFiles): Scenario {
  return { dir: pack.dir, manifest: pack.manifest, findings: pack.findings, contentHash: pack.contentHash };
}

/**
 * Reads and validates a scenario pack with all its events in memory: the manifest, CloudTrail
 * records, findings and generated background, sorted by eventTime. For serving, use
 * `prepareScenarioData`, which caches the result on disk.
 */
export async function loadScenario(dir: string, options: LoadOptions = {}): Promise<ScenarioData> {
  const pack = await readPack(dir, options);
  const events = parseCloudTrail(pack);
  if (pack.background) for (const chunk of generateBackgroundChunks(pack.background)) events.push(...chunk);
  events.sort((a, b) => a.eventTime.localeCompare(b.eventTime));
  return { scenario: scenarioOf(pack), events };
}

/**
 * Validates a pack and writes its data as the query engine loads it, under `cacheDir`, named by
 * the content hash. An unchanged pack is read from the cache without parsing its CloudTrail or
 * generating its background again. A changed pack, or other options, gets new files. Background
 * records are streamed to disk in pieces, so large sizes do not need to fit in memory.
 */
export async function prepareScenarioData(dir: string, cacheDir: string, options: LoadOptions = {}): Promise<PreparedScenario> {
  const pack = await readPack(dir, options);
  const base = path.join(cacheDir, `${pack.manifest.id}-${pack.contentHash.slice(0, 16)}`);
  const eventsPath = `${base}.cloudtrail.ndjson`;
  const findingsPath = `${base}.findings.json`;
  const metaPath = `${base}.meta.json`;
  const scenario = scenarioOf(pack);

  // The meta file is written last, so its presence means the other two files are complete.
  const meta = await readFile(metaPath, 'utf8').then(
    (text) => z.object({ eventCount: z.number().int().min(0) }).safeParse(JSON.parse(text)),
    () => undefined,
  );
  if (meta?.success && (await exists(eventsPath)) && (await exists(findingsPath))) {
    return { scenario, eventsPath, findingsPath, eventCount: meta.data.eventCount, cached: true };
  }

  await mkdir(cacheDir, { recursive: true });
  const eventCount = await writeLines(eventsPath, allPieces(parseCloudTrail(pack), pack.background));
  await writeAtomically(findingsPath, JSON.stringify(pack.findings));
  await writeAtomically(metaPath, JSON.stringify({ eventCount }));
  return { scenario, eventsPath, findingsPath, eventCount, cached: false };
}

/**
 * Writes the scenario's in-memory data as the query engine loads it, under `cacheDir`, named by
 * content hash. Kept for callers that already hold a `ScenarioData`.
 */
export async function writeDataFiles(data: ScenarioData, cacheDir: string): Promise<{ eventsPath: string; findingsPath: string }> {
  const { scenario, events } = data;
  const base = path.join(cacheDir, `${scenario.manifest.id}-${scenario.contentHash.slice(0, 16)}`);
  const eventsPath = `${base}.cloudtrail.ndjson`;
  const findingsPath = `${base}.findings.json`;
  await mkdir(cacheDir, { recursive: true });
  if (!(await exists(eventsPath))) await writeLines(eventsPath, [events]);
  if (!(await exists(findingsPath))) await writeAtomically(findingsPath, JSON.stringify(scenario.findings));
  return { eventsPath, findingsPath };
}

/** Streams pieces of records as newline-delimited JSON to a temporary file, renames it and returns the count. */
async function writeLines(file: string, pieces: Iterable<CloudTrailRecord[]>): Promise<number> {
  const temporary = `${file}.${process.pid}.tmp`;
  const stream = createWriteStream(temporary);
  let count = 0;
  try {
    for (const records of pieces) {
      if (records.length === 0) continue;
      count += records.length;
      if (!stream.write(records.map((record) => JSON.stringify(record)).join('\n') + '\n')) await once(stream, 'drain');
    }
    stream.end();
    await once(stream, 'finish');
    await rename(temporary, file);
  } catch (error) {
    stream.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
  return count;
}

function* allPieces(scripted: CloudTrailRecord[], background: BackgroundOptions | undefined): Generator<CloudTrailRecord[]> {
  yield scripted;
  if (background) yield* generateBackgroundChunks(background);
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
