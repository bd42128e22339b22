/**
 * Measures how long a scenario pack takes to become queryable: building its data files (cold
 * cache), reading them back from the cache (warm), and loading them into a DuckDB query worker.
 * Writes the figures to bench-results/scenario-load.json.
 *
 * Usage, from the repository root:
 *   npx tsx scripts/scenarios/bench-load.ts [PACK_DIR] [--background-events N] [--memory-limit SIZE]
 *
 * SIZE is DuckDB's memory limit for the worker (default 1GB, the server's default). When the
 * worker cannot load the data, the figures are written with the error instead of its time.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '../../server/logger.js';
import { QueryEngine } from '../../server/query/query-engine.js';
import { prepareScenarioData } from '../../server/scenario/load.js';

const { values, positionals } = parseArgs({
  options: { 'background-events': { type: 'string' }, 'memory-limit': { type: 'string', default: '1GB' } },
  allowPositionals: true,
});
const backgroundEvents = values['background-events'] === undefined ? undefined : Number(values['background-events']);
const memoryLimit = values['memory-limit'];
const packDir = path.resolve(positionals[0] ?? 'scenarios/apexcorp-prod');

const cacheDir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-bench-'));
const logger = createLogger({ level: 'silent', pretty: false });
const engine = new QueryEngine({ timeoutMs: 60_000, memoryLimit, threads: 1 }, logger);
try {
  const options = backgroundEvents === undefined ? {} : { backgroundEvents };
  let started = performance.now();
  const cold = await prepareScenarioData(packDir, cacheDir, options);
  const coldMs = performance.now() - started;

  started = performance.now();
  const warm = await prepareScenarioData(packDir, cacheDir, options);
  const warmMs = performance.now() - started;

  started = performance.now();
  let workerLoad: { ms: number } | { error: string };
  try {
    await engine.prepare('bench', { eventsPath: warm.eventsPath, findingsPath: warm.findingsPath });
    workerLoad = { ms: Math.round(performance.now() - started) };
  } catch (error) {
    workerLoad = { error: (error as Error).message.split('\n')[0]! };
  }

  const result = {
    pack: path.relative(process.cwd(), packDir),
    events: cold.eventCount,
    coldPrepareMs: Math.round(coldMs),
    warmPrepareMs: Math.round(warmMs),
    warmFromCache: warm.cached,
    workerMemoryLimit: memoryLimit,
    workerLoad,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    at: new Date().toISOString(),
  };
  await mkdir('bench-results', { recursive: true });
  await writeFile(path.join('bench-results', 'scenario-load.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  await engine.close();
  await rm(cacheDir, { recursive: true, force: true });
}
