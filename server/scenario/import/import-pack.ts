import { createHash } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import type { Finding } from '../../../shared/model.js';
import type { CloudTrailRecord } from '../manifest.js';
import { Anonymizer } from './anonymize.js';
import { classify } from './classify.js';
import { derivedEventId, normalizeCloudTrailRecord } from './normalize-cloudtrail.js';
import { normalizeFinding } from './normalize-finding.js';
import { listSourceFiles, readSourceText, splitSourceText, type SourceProblem } from './read-sources.js';
import { writeImportedPack } from './write-pack.js';

export interface ImportOptions {
  paths: string[];
  outDir: string;
  anonymize: boolean;
  /** Secret mixed into the anonymization mapping. */
  salt?: string;
  /** Pack id; the output folder's name by default. */
  id?: string;
}

export interface ImportReport {
  files: number;
  digestFiles: number;
  /** Files skipped because their names are not those of JSON data files. */
  ignoredFiles: number;
  /** JSON values read from the files, including those skipped. */
  read: number;
  cloudtrail: number;
  findings: number;
  /** Records whose eventID was missing, or repeated with other content, and was derived from the record. */
  derivedEventIds: number;
  /** Findings whose Id repeated with other content and was replaced by one derived from the finding. */
  derivedFindingIds: number;
  skipped: number;
  /** Number of skipped values per reason. */
  skippedByReason: Record<string, number>;
  /** Every value or file that was skipped, with its file and position. */
  problems: SourceProblem[];
}

export class ImportError extends Error {}

/**
 * Builds a scenario pack from real CloudTrail logs and GuardDuty findings. It reads every file
 * under `paths`: the S3 delivery layout, `{"Records": [...]}` files, JSON arrays, JSON lines and
 * EventBridge events, gzipped or not. It skips CloudTrail digest files, reports each value it
 * cannot use and keeps going. The pack it writes loads and validates as it is.
 */
export async function importPack(options: ImportOptions): Promise<ImportReport> {
  await ensureEmptyOutput(options.outDir);
  const sources = await listSourceFiles(options.paths);
  const report: ImportReport = {
    files: sources.files.length,
    digestFiles: sources.digests.length,
    ignoredFiles: sources.ignored.length,
    read: 0,
    cloudtrail: 0,
    findings: 0,
    derivedEventIds: 0,
    derivedFindingIds: 0,
    skipped: 0,
    skippedByReason: {},
    problems: [],
  };
  const skip = (problem: SourceProblem) => {
    report.skipped++;
    report.skippedByReason[problem.reason] = (report.skippedByReason[problem.reason] ?? 0) + 1;
    report.problems.push(problem);
  };

  // NOTE: Every imported record is held in memory until the pack is written. That suits exports of
  // up to a few million records, but larger inputs need a streaming writer.
  const records: CloudTrailRecord[] = [];
  const findings: Finding[] = [];
  const eventContents = new Map<string, string>();
  const findingContents = new Map<string, string>();
  for (const file of sources.files) {
    let text: string;
    try {
      text = await readSourceText(file);
    } catch (error) {
      report.problems.push({ file, position: '(whole file)', reason: 'cannot be read', detail: (error as Error).message });
      continue;
    }
    const { items, problems } = splitSourceText(file, text);
    report.read += items.length + problems.length;
    problems.forEach(skip);

    for (const item of items) {
      const classified = classify(item.value);
      if (classified.kind === 'digest') {
        skip({ file, position: item.position, reason: 'CloudTrail digest file, which holds no events' });
      } else if (classified.kind === 'unknown') {
        skip({ file, position: item.position, reason: classified.reason });
      } else if (classified.kind === 'cloudtrail') {
        const normalized = normalizeCloudTrailRecord(classified.value);
        if (!normalized.ok) skip({ file, position: item.position, reason: normalized.reason });
        else {
          const { record } = normalized;
          const content = JSON.stringify(record);
          const earlier = eventContents.get(record.eventID);
          if (earlier === content) {
            // CloudTrail may deliver an event twice; the copy adds nothing.
            skip({ file, position: item.position, reason: 'duplicate of an earlier record' });
            continue;
          }
          if (earlier !== undefined || normalized.derivedId) {
            // Test data reuses eventIDs for different records; give each its own id so none is lost.
            if (earlier !== undefined) record.eventID = derivedEventId({ ...record, eventID: undefined, position: `${file}:${item.position}` });
            report.derivedEventIds++;
          }
          eventContents.set(record.eventID, earlier === undefined ? content : JSON.stringify(record));
          records.push(record);
        }
      } else {
        const normalized = normalizeFinding(classified.value);
        if (!normalized.ok) skip({ file, position: item.position, reason: normalized.reason });
        else {
          const { finding } = normalized;
          const content = JSON.stringify(finding);
          const earlier = findingContents.get(finding.Id);
          if (earlier === content) {
            skip({ file, position: item.position, reason: 'duplicate of an earlier finding' });
            continue;
          }
          if (earlier !== undefined) {
            // Sample findings reuse ids for different content; give each its own id so none is lost.
            finding.Id = createHash('sha256').update(`${content}\0${file}:${item.position}`).digest('hex').slice(0, 32);
            report.derivedFindingIds++;
          }
          findingContents.set(finding.Id, JSON.stringify(finding));
          findings.push(finding);
        }
      }
    }
  }
  report.cloudtrail = records.length;
  report.findings = findings.length;

  let outRecords = records;
  let outFindings = findings;
  if (options.anonymize) {
    const anonymizer = new Anonymizer(options.salt);
    records.forEach((record) => anonymizer.collect(record));
    findings.forEach((finding) => anonymizer.collect(finding));
    outRecords = records.map((record) => anonymizer.apply(record));
    outFindings = findings.map((finding) => anonymizer.apply(finding));
  }
  await writeImportedPack({ outDir: options.outDir, id: options.id, records: outRecords, findings: outFindings, report, anonymized: options.anonymize });
  return report;
}

async function ensureEmptyOutput(outDir: string): Promise<void> {
  const entries = await readdir(outDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new ImportError(`--out ${outDir}: cannot be read (${error.code ?? error.message}).`);
  });
  if (entries.length > 0) throw new ImportError(`--out ${outDir}: the folder is not empty. Choose a new or empty folder, so no existing file is overwritten.`);
  await mkdir(outDir, { recursive: true });
}
