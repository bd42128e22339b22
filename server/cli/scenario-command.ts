import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ExportError, exportCloudTrail } from '../scenario/export/export-cloudtrail.js';
import { ImportError, importPack, type ImportReport } from '../scenario/import/import-pack.js';
import { BackgroundEventsMax, ScenarioError } from '../scenario/load.js';
import { formatProblem, validatePack } from '../scenario/validate/index.js';

export const ScenarioUsage = `Usage: cloud-ir-lab scenario <subcommand>

Subcommands:
  validate DIR
      Check a scenario pack. Prints each problem as "file:line: field: what is wrong".
      Exits 0 when the pack is valid, 1 when it has problems.

  import PATH... --out DIR [--anonymize] [--salt TEXT] [--id ID] [--json]
      Build a pack in DIR (new or empty) from CloudTrail logs and GuardDuty findings: the S3
      delivery layout (AWSLogs/...), {"Records": [...]} files, JSON arrays, JSON lines and
      EventBridge events, gzipped or not. Folders are read recursively; digest files are skipped.
        --anonymize   Replace account ids, IPv4 addresses and user names, the same way each time.
        --salt TEXT   Secret mixed into the anonymization, so the mapping cannot be guessed.
        --id ID       Pack id (default: the name of DIR).
        --json        Print the counts as JSON instead of text.

  export-cloudtrail SCENARIO --out DIR [--background-events N]
      Write a pack's CloudTrail to DIR (new or empty) as gzipped files in the S3 delivery layout.
      SCENARIO is a pack folder or the id of a pack under SCENARIOS_DIR (default ./scenarios).
        --background-events N   Generate N background events instead of the manifest's number.
`;

type Output = { out: (text: string) => void; err: (text: string) => void };

const stdio: Output = { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) };

class UsageError extends Error {}

/** Entry point of `cloud-ir-lab scenario`. Returns the exit code: 0 success, 1 failure, 2 usage error. */
export async function scenarioCommand(argv: string[], output: Output = stdio): Promise<number> {
  const [subcommand, ...rest] = argv;
  try {
    switch (subcommand) {
      case 'validate':
        return await validateCommand(rest, output);
      case 'import':
        return await importCommand(rest, output);
      case 'export-cloudtrail':
        return await exportCommand(rest, output);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        output.out(ScenarioUsage);
        return 0;
      default:
        throw new UsageError(`Unknown subcommand "${subcommand}".`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`${error.message}\n\n${ScenarioUsage}`);
      return 2;
    }
    if (error instanceof ScenarioError || error instanceof ImportError || error instanceof ExportError) {
      output.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

function parse(argv: string[], options: NonNullable<ParseArgsConfig['options']>): ParsedArgs {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true }) as ParsedArgs;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function validateCommand(argv: string[], output: Output): Promise<number> {
  const { positionals } = parse(argv, {});
  if (positionals.length !== 1) throw new UsageError('validate takes exactly one pack folder.');
  const dir = positionals[0]!;
  const problems = await validatePack(dir);
  for (const problem of problems) output.out(`${formatProblem(problem)}\n`);
  if (problems.length === 0) {
    output.out(`${dir}: the scenario pack is valid.\n`);
    return 0;
  }
  output.err(`${dir}: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} found.\n`);
  return 1;
}

function formatReport(report: ImportReport, outDir: string): string {
  const lines = [
    `Files read: ${report.files} (digest files skipped: ${report.digestFiles}, other files ignored: ${report.ignoredFiles})`,
    `Values read: ${report.read}`,
    `Imported: ${report.cloudtrail} CloudTrail records, ${report.findings} GuardDuty findings`,
  ];
  if (report.derivedEventIds > 0) lines.push(`eventIDs derived for records without a unique one: ${report.derivedEventIds}`);
  if (report.derivedFindingIds > 0) lines.push(`Finding ids derived for repeated ids: ${report.derivedFindingIds}`);
  lines.push(`Skipped: ${report.skipped}`);
  for (const [reason, count] of Object.entries(report.skippedByReason).sort((a, b) => b[1] - a[1])) lines.push(`  ${count} × ${reason}`);
  lines.push(`Pack written to ${outDir}`);
  return `${lines.join('\n')}\n`;
}

async function importCommand(argv: string[], output: Output): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: 'string' },
    anonymize: { type: 'boolean', default: false },
    salt: { type: 'string' },
    id: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length === 0) throw new UsageError('import needs at least one file or folder to read.');
  const outDir = values.out;
  if (typeof outDir !== 'string' || outDir === '') throw new UsageError('import needs --out DIR, the folder to write the pack to.');
  for (const entry of positionals) {
    await stat(entry).catch(() => {
      throw new ImportError(`${entry}: not found. Give files or folders that exist.`);
    });
  }

  const report = await importPack({
    paths: positionals,
    outDir,
    anonymize: values.anonymize === true,
    salt: typeof values.salt === 'string' ? values.salt : undefined,
    id: typeof values.id === 'string' ? values.id : undefined,
  });
  for (const problem of report.problems) {
    output.err(`${problem.file}: ${problem.position}: skipped: ${problem.reason}${problem.detail ? ` (${problem.detail})` : ''}\n`);
  }
  if (values.json) {
    const { problems: _problems, ...counts } = report;
    output.out(`${JSON.stringify({ ...counts, outDir }, null, 2)}\n`);
  } else {
    output.out(formatReport(report, outDir));
  }
  if (report.cloudtrail + report.findings === 0) {
    output.err('Nothing was imported: no CloudTrail record or GuardDuty finding was found in the input.\n');
    return 1;
  }
  return 0;
}

async function resolvePack(scenario: string): Promise<string> {
  const isFolder = await stat(scenario).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (isFolder) return scenario;
  if (/^[a-z0-9][a-z0-9-]{0,62}$/.test(scenario)) {
    const candidate = path.join(process.env.SCENARIOS_DIR ?? './scenarios', scenario);
    if (await stat(candidate).then((info) => info.isDirectory(), () => false)) return candidate;
  }
  throw new ExportError(`${scenario}: no pack folder or scenario id of that name. Give a folder with a scenario.yaml, or an id under SCENARIOS_DIR.`);
}

async function exportCommand(argv: string[], output: Output): Promise<number> {
  const { values, positionals } = parse(argv, { out: { type: 'string' }, 'background-events': { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('export-cloudtrail takes exactly one scenario.');
  const outDir = values.out;
  if (typeof outDir !== 'string' || outDir === '') throw new UsageError('export-cloudtrail needs --out DIR, the folder to write to.');
  let backgroundEvents: number | undefined;
  if (values['background-events'] !== undefined) {
    backgroundEvents = Number(values['background-events']);
    if (!Number.isInteger(backgroundEvents) || backgroundEvents < 0 || backgroundEvents > BackgroundEventsMax) {
      throw new UsageError(`--background-events must be a whole number from 0 to ${BackgroundEventsMax}, got "${String(values['background-events'])}".`);
    }
  }
  const packDir = await resolvePack(positionals[0]!);
  const report = await exportCloudTrail(packDir, outDir, backgroundEvents === undefined ? {} : { backgroundEvents });
  output.out(`Wrote ${report.records} CloudTrail records in ${report.files} files under ${path.join(outDir, 'AWSLogs')}\n`);
  return 0;
}
