/**
 * Data step of the query benchmark, run in its own process so that the million generated records
 * do not stay in the heap of the process that measures latency. Prints one JSON line with the
 * file paths and the timings.
 */
import path from 'node:path';
import { writeQueryDataFiles } from '../../server/query/data-files.js';
import { visibilityAt } from '../../server/query/scenario-visibility.js';
import { loadScenario } from '../../server/scenario/load.js';
import { exportGzipFiles } from './query-bench-jq.js';

const [scenarioDir, workDir, eventsText] = process.argv.slice(2);
if (!scenarioDir || !workDir || !eventsText) throw new Error('usage: query-bench-data.ts SCENARIO_DIR WORK_DIR EVENTS');
const round = (value: number) => Math.round(value * 10) / 10;

let started = performance.now();
const attackOnly = await loadScenario(scenarioDir, { backgroundEvents: 0 });
const data = await loadScenario(scenarioDir, { backgroundEvents: Number(eventsText) - attackOnly.events.length });
const generationSeconds = round((performance.now() - started) / 1000);

started = performance.now();
const files = await writeQueryDataFiles(data, path.join(workDir, 'cache'));
const writeSeconds = round((performance.now() - started) / 1000);

started = performance.now();
const gzipDir = path.join(workDir, 'gzip');
const gzipFiles = await exportGzipFiles(data.events, gzipDir);
const exportSeconds = round((performance.now() - started) / 1000);

const manifest = data.scenario.manifest;
const visibility = visibilityAt(manifest, data.scenario.findings.map((finding) => finding.Id), { phase: manifest.phases.length });
process.stdout.write(JSON.stringify({ events: data.events.length, files, gzipDir, gzipFiles, generationSeconds, writeSeconds, exportSeconds, visibility }) + '\n');
