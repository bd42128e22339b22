import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { Limits } from '../../shared/limits.js';
import { createLogger } from '../logger.js';
import { writeQueryDataFiles } from '../query/data-files.js';
import { QueryEngine } from '../query/query-engine.js';
import { formatCsv, formatJson, formatTable } from '../query/result-format.js';
import { WorkerRequestError } from '../query/scenario-worker.js';
import { visibilityAt, VisibilityError } from '../query/scenario-visibility.js';
import { loadScenario, ScenarioError } from '../scenario/load.js';

export const QueryUsage = `Usage: cloud-ir-lab query --scenario ID_OR_DIR [options] SQL

Runs one Athena SQL query over a scenario's CloudTrail and GuardDuty data, with the same query
engine and sandbox as the server. Without --phase or --until the query sees all of the data.

Options:
  --scenario ID_OR_DIR       Scenario id under SCENARIOS_DIR (default ./scenarios), or a pack folder
  --phase N                  See what a team sees once phase N (1 = first) is released
  --until ISO_TIME           See events up to this scenario time, and the findings released by then
  --format table|json|csv    Output format (default table)
  --background-events N      Generate N background events instead of the manifest's number
  --max-rows N               Rows to print at most (default ${Limits.queryRowsMax}); the total is still counted
  --timeout-ms N             Milliseconds the query may run (default 60000)
  -h, --help                 Show this help

Exit status: 0 on success, 1 when the query or the scenario fails, 2 on invalid options.
`;

const Options = z.object({
  scenario: z.string({ error: 'is required' }).min(1, 'is required'),
  phase: z.coerce.number().int().min(1).optional(),
  until: z.string().optional(),
  format: z.enum(['table', 'json', 'csv']).default('table'),
  backgroundEvents: z.coerce.number().int().min(0).max(5_000_000).optional(),
  maxRows: z.coerce.number().int().min(1).max(1_000_000).default(Limits.queryRowsMax),
  timeoutMs: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  sql: z.string({ error: 'is required: pass the query as the last argument' }).trim().min(1, 'must not be empty').max(Limits.sqlMaxLengthCeiling),
});

type Output = { write(text: string): unknown };

const Formatters = { table: formatTable, json: formatJson, csv: formatCsv };

/** `cloud-ir-lab query`: run one query from the command line; returns the exit status. */
export async function queryCommand(argv: string[], stdout: Output = process.stdout, stderr: Output = process.stderr): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        scenario: { type: 'string' },
        phase: { type: 'string' },
        until: { type: 'string' },
        format: { type: 'string' },
        'background-events': { type: 'string' },
        'max-rows': { type: 'string' },
        'timeout-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    stderr.write(`${(error as Error).message}\n\n${QueryUsage}`);
    return 2;
  }
  if (parsed.values.help) {
    stdout.write(QueryUsage);
    return 0;
  }
  const { values, positionals } = parsed;
  const options = Options.safeParse({
    scenario: values.scenario,
    phase: values.phase,
    until: values.until,
    format: values.format,
    backgroundEvents: values['background-events'],
    maxRows: values['max-rows'],
    timeoutMs: values['timeout-ms'],
    sql: positionals.length > 0 ? positionals.join(' ') : undefined,
  });
  if (!options.success) {
    const issue = options.error.issues[0]!;
    stderr.write(`Invalid option ${issue.path.join('.') === 'sql' ? 'SQL' : `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`}: ${issue.message}\n\n${QueryUsage}`);
    return 2;
  }
  if (options.data.phase !== undefined && options.data.until !== undefined) {
    stderr.write(`Use --phase or --until, not both.\n\n${QueryUsage}`);
    return 2;
  }
  return runQueryCommand(options.data, stdout, stderr);
}

async function runQueryCommand(options: z.infer<typeof Options>, stdout: Output, stderr: Output): Promise<number> {
  const fail = (code: string, message: string) => {
    if (options.format === 'json') stdout.write(JSON.stringify({ error: { code, message } }) + '\n');
    else stderr.write(`${message}\n`);
    return 1;
  };

  const logger = createLogger({ level: process.env.LOG_LEVEL === 'debug' ? 'debug' : 'warn', pretty: false }).child({ category: 'query' });
  const engine = new QueryEngine({ timeoutMs: options.timeoutMs, memoryLimit: process.env.QUERY_MEMORY_LIMIT ?? '1GB', threads: 1, maxRows: options.maxRows }, logger);
  try {
    const dir = await scenarioDir(options.scenario);
    const data = await loadScenario(dir, options.backgroundEvents === undefined ? undefined : { backgroundEvents: options.backgroundEvents });
    const manifest = data.scenario.manifest;
    const visibility = visibilityAt(manifest, data.scenario.findings.map((finding) => finding.Id), { phase: options.phase, until: options.until });
    const cacheDir = path.join(process.env.DATA_DIR ?? path.join(tmpdir(), 'cloud-ir-lab'), 'cache');
    const files = await writeQueryDataFiles(data, cacheDir);
    await engine.prepare(manifest.id, files);
    const result = await engine.query(manifest.id, visibility, options.sql);
    stdout.write(Formatters[options.format](result));
    return 0;
  } catch (error) {
    if (error instanceof WorkerRequestError) return fail(errorCode(error.code), error.message);
    if (error instanceof ScenarioError || error instanceof VisibilityError) return fail('SCENARIO_INVALID', error.message);
    return fail('INTERNAL', (error as Error).message);
  } finally {
    await engine.close();
  }
}

function errorCode(code: WorkerRequestError['code']): string {
  const codes: Record<WorkerRequestError['code'], string> = {
    rejected: 'QUERY_REJECTED',
    failed: 'QUERY_FAILED',
    interrupted: 'QUERY_TIMEOUT',
    timeout: 'QUERY_TIMEOUT',
    cancelled: 'QUERY_CANCELLED',
    crashed: 'QUERY_FAILED',
  };
  return codes[code];
}

/** Resolve a pack folder given as a path, or a scenario id under SCENARIOS_DIR. */
async function scenarioDir(idOrDir: string): Promise<string> {
  const isDir = await stat(idOrDir).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (isDir) return path.resolve(idOrDir);
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(idOrDir)) throw new ScenarioError(`Scenario "${idOrDir}" is neither a folder nor a scenario id.`);
  return path.resolve(process.env.SCENARIOS_DIR ?? './scenarios', idOrDir);
}
