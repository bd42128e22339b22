import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Scenario } from './load.js';

/**
 * Read the pack's IAM snapshot file as JSON; null when the manifest names none. Throws when the
 * path leaves the pack folder or the file is not valid JSON.
 */
export async function readIamSnapshotFile(scenario: Scenario): Promise<unknown> {
  const file = scenario.manifest.data.iam;
  if (!file) return null;
  const resolved = path.resolve(scenario.dir, file);
  if (!resolved.startsWith(path.resolve(scenario.dir) + path.sep)) throw new Error(`The IAM snapshot path "${file}" leaves the pack folder.`);
  return JSON.parse(await readFile(resolved, 'utf8')) as unknown;
}
