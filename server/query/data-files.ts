import { createWriteStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import type { ScenarioData } from '../scenario/load.js';
import type { ScenarioDataFiles } from './query-engine.js';

const LinesPerWrite = 2_000;

/**
 * Write a scenario's data for the query worker, streaming one record per line so that a million
 * events never become one string (V8 caps strings at about 512 MB). Files are named by content
 * hash under `cacheDir` and reused when they exist.
 */
export async function writeQueryDataFiles(data: ScenarioData, cacheDir: string): Promise<ScenarioDataFiles> {
  const { scenario, events } = data;
  const base = path.join(cacheDir, `${scenario.manifest.id}-${scenario.contentHash.slice(0, 16)}`);
  const eventsPath = `${base}.cloudtrail.ndjson`;
  const findingsPath = `${base}.findings.json`;
  await mkdir(cacheDir, { recursive: true });

  if (!(await exists(eventsPath))) {
    const temporary = `${eventsPath}.${process.pid}.tmp`;
    const stream = createWriteStream(temporary);
    // Lines are joined into batches: one write per line costs more than the serialising.
    for (let start = 0; start < events.length; start += LinesPerWrite) {
      const batch = events.slice(start, start + LinesPerWrite).map((event) => JSON.stringify(event));
      if (!stream.write(batch.join('\n') + '\n')) await once(stream, 'drain');
    }
    stream.end();
    await once(stream, 'finish');
    await rename(temporary, eventsPath);
  }
  if (!(await exists(findingsPath))) {
    const temporary = `${findingsPath}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(scenario.findings));
    await rename(temporary, findingsPath);
  }
  return { eventsPath, findingsPath };
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
