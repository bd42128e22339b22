/**
 * Query benchmark: builds apexcorp-prod at 1,000,000 CloudTrail events (or BENCH_EVENTS) and runs
 * typical incident response queries through the product path (query worker process, SQL gate,
 * visibility views) and through a bare in-process DuckDB on the same data, then writes
 * bench-results/query.json. Run it with `npm run bench:query`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { createLogger } from '../../server/logger.js';
import { HiddenSchema } from '../../server/query/athena-tables.js';
import { rewriteAthenaLiterals } from '../../server/query/athena-rewrite.js';
import type { Visibility } from '../../server/query/protocol.js';
import { createQueryDatabase } from '../../server/query/query-database.js';
import { QueryEngine, type ScenarioDataFiles } from '../../server/query/query-engine.js';
import { BenchQueries, HostileSql } from './query-bench-queries.js';
import { timeJq } from './query-bench-jq.js';

const root = path.resolve(import.meta.dirname, '../..');
const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const iterations = Number(process.env.BENCH_ITERATIONS ?? 20);
const warmup = 2;
const memoryLimit = process.env.QUERY_MEMORY_LIMIT ?? '1GB';
const threads = Number(process.env.QUERY_THREADS ?? 1);
const scenarioId = 'apexcorp-prod';

function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return round(sorted[Math.max(0, index)]!);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}

async function time(run: () => Promise<unknown>): Promise<number[]> {
  for (let index = 0; index < warmup; index++) await run();
  const samples: number[] = [];
  for (let index = 0; index < iterations; index++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** Peak resident memory of a process in MB, from /proc (Linux only). */
function peakRssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
  return match ? Math.round(Number(match[1]) / 1024) : null;
}

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-bench-'));
  const log = (text: string) => process.stdout.write(`${text}\n`);
  try {
    // 1. Generate the scenario at the requested size, in a child process.
    log(`generating ${events} events...`);
    const prepared = JSON.parse(
      execFileSync(process.execPath, ['--max-old-space-size=12000', '--import', 'tsx', path.join(import.meta.dirname, 'query-bench-data.ts'), path.join(root, 'scenarios', scenarioId), work, String(events)], {
        cwd: root,
        maxBuffer: 1024 * 1024,
        stdio: ['ignore', 'pipe', 'inherit'],
      }).toString(),
    ) as { events: number; files: ScenarioDataFiles; gzipDir: string; gzipFiles: number; generationSeconds: number; writeSeconds: number; exportSeconds: number; visibility: Visibility };
    const { files, gzipDir, gzipFiles, generationSeconds, writeSeconds, exportSeconds, visibility } = prepared;
    const eventCount = prepared.events;
    log(`generated ${eventCount} events in ${generationSeconds} s, wrote NDJSON in ${writeSeconds} s, exported ${gzipFiles} gzip files in ${exportSeconds} s`);

    // 2. Load into the product's query worker.
    const engine = new QueryEngine({ timeoutMs: 10_000, memoryLimit, threads, maxRows: 1000 }, createLogger({ level: 'warn', pretty: false }));
    let started = performance.now();
    await engine.prepare(scenarioId, files);
    const loadSeconds = round((performance.now() - started) / 1000);
    log(`worker loaded in ${loadSeconds} s`);

    // 3. The bare baseline: the same tables in this process, queried directly through a plain view.
    started = performance.now();
    const bare = await createQueryDatabase({ ...files, memoryLimit, threads });
    const bareLoadSeconds = round((performance.now() - started) / 1000);
    const bareConnection: DuckDBConnection = await bare.instance.connect();
    await bareConnection.run(`CREATE TEMP VIEW cloudtrail_logs AS SELECT * EXCLUDE (_ts, _line) FROM ${HiddenSchema}.cloudtrail`);
    log(`bare DuckDB loaded in ${bareLoadSeconds} s`);

    const results = [];
    for (const query of BenchQueries) {
      const product = await time(() => engine.query(scenarioId, visibility, query.sql));
      // The bare run gets the query with Athena's date formats already converted to DuckDB's.
      const tree = await bareConnection.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR)', [query.sql]);
      const bareSql = rewriteAthenaLiterals(query.sql, JSON.parse(String(tree.getRowsJson()[0]![0])).statements).sql;
      const baseline = await time(async () => (await bareConnection.runAndReadAll(bareSql)).getRowsJson());
      const entry = {
        name: query.name,
        sql: query.sql,
        p50Ms: percentile(product, 0.5),
        p95Ms: percentile(product, 0.95),
        bareP50Ms: percentile(baseline, 0.5),
        bareP95Ms: percentile(baseline, 0.95),
        ratio: Math.round((percentile(product, 0.5) / Math.max(0.1, percentile(baseline, 0.5))) * 100) / 100,
      };
      results.push(entry);
      log(`${entry.name.padEnd(30)} p50 ${String(entry.p50Ms).padStart(7)} ms  p95 ${String(entry.p95Ms).padStart(7)} ms  bare p50 ${String(entry.bareP50Ms).padStart(7)} ms  ratio ${entry.ratio}`);
    }

    // 4. The same queries while another team runs a runaway query in the same worker.
    const hostileTeam = { horizon: visibility.horizon, releasedFindingIds: [] };
    let stop = false;
    const hostileLoop = (async () => {
      while (!stop) await engine.query(scenarioId, hostileTeam, HostileSql).catch(() => undefined);
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const underLoad = [];
    for (const query of BenchQueries) {
      const samples = await time(() => engine.query(scenarioId, visibility, query.sql));
      const quiet = results.find((entry) => entry.name === query.name)!;
      underLoad.push({ name: query.name, p50Ms: percentile(samples, 0.5), factor: Math.round((percentile(samples, 0.5) / Math.max(0.1, quiet.p50Ms)) * 100) / 100 });
    }
    stop = true;
    const workerPeakRssMb = peakRssMb(engine.workerPid(scenarioId));
    await engine.close();
    await hostileLoop;
    bareConnection.closeSync();
    bare.instance.closeSync();
    const hostileFactor = median(underLoad.map((entry) => entry.factor));
    log(`with a runaway query of another team running: median slowdown x${hostileFactor}`);

    // 5. jq over the gzip files, for comparison.
    const jq = timeJq(gzipDir);
    for (const entry of jq ?? []) log(`jq ${entry.name.padEnd(27)} ${entry.ms} ms`);

    const report = {
      events: eventCount,
      loadSeconds,
      workerPeakRssMb,
      queries: results,
      generationSeconds,
      writeSeconds,
      bareLoadSeconds,
      medianRatio: median(results.map((entry) => entry.ratio)),
      maxP95Ms: Math.max(...results.map((entry) => entry.p95Ms)),
      hostile: { sql: HostileSql, medianFactor: hostileFactor, queries: underLoad },
      jq: jq ? { files: gzipFiles, exportSeconds, queries: jq } : null,
      machine: { cpus: cpus().length, loadAverage: loadavg().map(round), node: process.version, iterations, memoryLimit },
    };
    await mkdir(path.join(root, 'bench-results'), { recursive: true });
    await writeFile(path.join(root, 'bench-results', 'query.json'), JSON.stringify(report, null, 2) + '\n');
    log(`median ratio product/bare ${report.medianRatio}; max p95 ${report.maxP95Ms} ms; worker peak RSS ${workerPeakRssMb} MB`);
    log('wrote bench-results/query.json');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
