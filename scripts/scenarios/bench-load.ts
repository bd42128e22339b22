/**
 * Measures how long a scenario pack takes to become queryable: building its data files (cold
 * cache), reading them back from the cache (warm), and loading them into a DuckDB query worker.
 * Writes the figures to bench-results/scenario-load.json.
 *
 * Usage, from the repository root:
 *   npx tsx scripts/scenarios/bench-load.ts [PACK_DIR] [--background-events N]
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { createLogger } from '../../server/logger.js';
import { QueryEngine } from '../../server/query/query-engine.js';
import { prepareScenarioData } from '../../server/scenario/load.js';

const args = process.argv.slice(2);
const flag = args.indexOf('--background-events');
const backgroundEvents = flag >= 0 ? Number(args[flag + 1]) : undefined;
const positional = args.filter((_arg, index) => index !== flag && index !== flag + 1);
const packDir = path.resolve(positional[0] ?? 'scenarios/apexcorp-prod');

const cacheDir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-bench-'));
const logger = createLogger({ level: 'silent', pretty: false });
const engine = new QueryEngine({ timeoutMs: 60_000, memoryLimit: '2GB', threads: 1 }, logger);
try {
  const options = backgroundEvents === undefined ? {} : { backgroundEvents };
  let started = performance.now();
  const cold = await prepareScenarioData(packDir, cacheDir, options);
  const coldMs = performance.now() - started;

  started = performance.now();
  const warm = await prepareScenarioData(packDir, cacheDir, options);
  const warmMs = performance.now() - started;

  started = performance.now();
  await engine.prepare('bench', { eventsPath: warm.eventsPath, findingsPath: warm.findingsPath });
  const workerMs = performance.now() - started;

  const result = {
    pack: path.relative(process.cwd(), packDir),
    events: cold.eventCount,
    coldPrepareMs: Math.round(coldMs),
    warmPrepareMs: Math.round(warmMs),
    warmFromCache: warm.cached,
    workerLoadMs: Math.round(workerMs),
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
