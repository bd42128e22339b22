import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TextFile } from 'lowdb/node';
import { upgradeStoreData, type StoreData } from './records.js';
import { mergePartitions, partitionFileName, splitPartitions, type PartitionKey } from './partitions.js';

/** Folder of the partition files inside the data dir. */
export const StoreDirName = 'store';
/** The single file that versions before the split kept everything in. */
export const LegacyFileName = 'exercises.json';
/** Name the legacy file gets once its records are in the partition files; it is kept as a backup. */
export const MigratedFileName = 'exercises.json.migrated';

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
}

function parseStoreText(file: string, text: string): Partial<StoreData> {
  try {
    return JSON.parse(text) as Partial<StoreData>;
  } catch (error) {
    throw new Error(`Store file ${file} is not valid JSON (${(error as Error).message}). Restore it from a backup or move it out of the data dir.`);
  }
}

/**
 * Make sure the data dir has the partition folder, and return its path. A data dir written
 * before the split contains one `exercises.json`: its records are written to partition files in a
 * staging folder, which is then renamed into place, so a crash midway leaves the old file in use.
 * The old file is then renamed to `exercises.json.migrated`.
 */
export async function prepareStoreDir(dataDir: string): Promise<string> {
  const dir = path.join(dataDir, StoreDirName);
  if (await exists(dir)) return dir;

  const legacy = path.join(dataDir, LegacyFileName);
  const text = await new TextFile(legacy).read();
  if (text === null) {
    await mkdir(dir, { recursive: true });
    return dir;
  }
  const data = upgradeStoreData(parseStoreText(legacy, text));
  const staging = path.join(dataDir, `${StoreDirName}.migrating`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  for (const [key, part] of splitPartitions(data)) await writeFile(path.join(staging, partitionFileName(key)), JSON.stringify(part));
  await rename(staging, dir);
  await rename(legacy, path.join(dataDir, MigratedFileName));
  return dir;
}

/**
 * Read every partition file of a store folder into one data set, upgraded to the current
 * records. Temporary files of interrupted writes (names starting with a dot) are ignored: the
 * rename that completes a write is atomic, so the previous version is still in place.
 */
export async function readStoreDir(dir: string): Promise<StoreData> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort();
  const parts: Partial<StoreData>[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const text = await new TextFile(file).read();
    if (text !== null) parts.push(parseStoreText(file, text));
  }
  return upgradeStoreData(mergePartitions(parts));
}

/** Read the exercise store of a data dir as it is on disk, in either layout; for tools and tests. */
export async function readStoreData(dataDir: string): Promise<StoreData> {
  const dir = path.join(dataDir, StoreDirName);
  if (await exists(dir)) return readStoreDir(dir);
  const legacy = path.join(dataDir, LegacyFileName);
  const text = await new TextFile(legacy).read();
  return upgradeStoreData(text === null ? null : parseStoreText(legacy, text));
}

/** Return the path of the file that contains a partition of a data dir's store. */
export function partitionPath(dataDir: string, key: PartitionKey): string {
  return path.join(dataDir, StoreDirName, partitionFileName(key));
}
