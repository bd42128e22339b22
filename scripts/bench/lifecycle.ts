// Measure how long `cloud-ir-lab serve` takes to return 200 on /healthz, to become ready (/readyz) and to
// stop after SIGTERM, on a fresh data dir (cold scenario cache) and again on the same dir (warm).
// Usage: npx tsx scripts/bench/lifecycle.ts [runs]. Writes bench-results/lifecycle.json.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const runs = Number(process.argv[2] ?? 3);

async function poll(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const status = await fetch(url).then((response) => response.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${url} did not return 200 within 120 seconds`);
}

async function measure(dataDir: string): Promise<{ healthyMs: number; readyMs: number; stopMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/cloud-ir-lab.js', 'serve'], {
    cwd: root,
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[\d.:]+)\n/.exec(output);
      if (match) resolve(match[1]!);
    });
  });
  const deadline = Date.now() + 120_000;
  await poll(`${url}/healthz`, deadline);
  const healthyMs = performance.now() - started;
  await poll(`${url}/readyz`, deadline);
  const readyMs = performance.now() - started;
  const stopping = performance.now();
  child.kill('SIGTERM');
  const code = await exited;
  if (code !== 0) throw new Error(`server exited with ${code}`);
  return { healthyMs, readyMs, stopMs: performance.now() - stopping };
}

const results: { run: number; cache: 'cold' | 'warm'; healthyMs: number; readyMs: number; stopMs: number }[] = [];
for (let run = 1; run <= runs; run++) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-bench-'));
  try {
    results.push({ run, cache: 'cold', ...(await measure(dataDir)) });
    results.push({ run, cache: 'warm', ...(await measure(dataDir)) });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
const rounded = results.map((entry) => ({ ...entry, healthyMs: Math.round(entry.healthyMs), readyMs: Math.round(entry.readyMs), stopMs: Math.round(entry.stopMs) }));
console.table(rounded);
await mkdir(path.join(root, 'bench-results'), { recursive: true });
await writeFile(path.join(root, 'bench-results', 'lifecycle.json'), JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, results: rounded }, null, 2));
