import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One JSON value read from an input file, with where it came from. */
export interface SourceItem {
  file: string;
  /** Position in the file: `Records[3]`, `[12]`, `line 40` or `(whole file)`. */
  position: string;
  value: unknown;
}

/** A file or value that could not be read at all. */
export interface SourceProblem {
  file: string;
  position: string;
  /** Short reason, the same for every value skipped for it, so reasons can be counted. */
  reason: string;
  detail?: string;
}

export interface SourceFiles {
  files: string[];
  /** CloudTrail digest files (log file validation), which hold no events. */
  digests: string[];
  /** Files whose names do not end in .json, .jsonl or .ndjson, gzipped or not. */
  ignored: string[];
}

const DataFileName = /\.(json|jsonl|ndjson)(\.gz)?$/i;

/** Largest input file read, in bytes; CloudTrail delivers files far smaller than this. */
const MaxFileBytes = 512 * 1024 * 1024;

function isDigestPath(file: string): boolean {
  return /CloudTrail-Digest/i.test(file) || /_CloudTrail-Digest_/i.test(path.basename(file));
}

/**
 * Lists the files under the given paths (folders recursively, sorted), setting digest files and
 * files with other names apart. A file named on the command line is read whatever its name.
 */
export async function listSourceFiles(paths: string[]): Promise<SourceFiles> {
  const result: SourceFiles = { files: [], digests: [], ignored: [] };
  const visit = async (entry: string): Promise<void> => {
    const info = await stat(entry);
    if (info.isDirectory()) {
      const children = (await readdir(entry)).sort();
      for (const child of children) {
        if (child.startsWith('.')) continue;
        await visit(path.join(entry, child));
      }
      return;
    }
    if (!info.isFile()) return;
    if (isDigestPath(entry)) result.digests.push(entry);
    else if (DataFileName.test(entry)) result.files.push(entry);
    else result.ignored.push(entry);
  };
  for (const entry of paths) {
    const info = await stat(entry);
    if (info.isFile() && !isDigestPath(entry)) result.files.push(entry);
    else await visit(entry);
  }
  return result;
}

/** Reads a file, gunzipping it when it starts with the gzip magic bytes. */
export async function readSourceText(file: string): Promise<string> {
  const info = await stat(file);
  if (info.size > MaxFileBytes) throw new Error(`the file is larger than ${MaxFileBytes / 2 ** 20} MiB`);
  const bytes = await readFile(file);
  const data = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  return data.toString('utf8').replace(/^\uFEFF/, '');
}

/**
 * Splits a file's text into JSON values: a `{"Records": [...]}` file gives one item per record, a
 * JSON array one per element, a JSON-lines file one per line, and any other JSON document
 * itself. Lines that are not JSON are returned as problems, and reading goes on.
 */
export function splitSourceText(file: string, text: string): { items: SourceItem[]; problems: SourceProblem[] } {
  const items: SourceItem[] = [];
  const problems: SourceProblem[] = [];
  let whole: unknown;
  let parsed = false;
  try {
    whole = JSON.parse(text);
    parsed = true;
  } catch {
    // Not one JSON document: try JSON lines below.
  }

  if (parsed) {
    if (Array.isArray(whole)) whole.forEach((value, index) => items.push({ file, position: `[${index}]`, value }));
    else if (isRecordsFile(whole)) whole.Records.forEach((value, index) => items.push({ file, position: `Records[${index}]`, value }));
    else items.push({ file, position: '(whole file)', value: whole });
    return { items, problems };
  }

  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      items.push({ file, position: `line ${index + 1}`, value: JSON.parse(line) });
    } catch (error) {
      problems.push({ file, position: `line ${index + 1}`, reason: 'invalid JSON', detail: (error as Error).message });
    }
  });
  return { items, problems };
}

function isRecordsFile(value: unknown): value is { Records: unknown[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { Records?: unknown }).Records);
}
