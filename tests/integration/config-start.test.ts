import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenariosDir } from '../support/harness.js';

const RepoRoot = path.resolve(import.meta.dirname, '../..');

/** Run `cloud-ir-lab serve` with the given settings until it exits by itself; returns its exit code and output. */
function runServe(settings: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const entry = `const { main } = await import(${JSON.stringify(path.join(RepoRoot, 'server/cli/main.ts'))}); await main(['serve']);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', entry], {
    cwd: RepoRoot,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', SCENARIOS_DIR: ScenariosDir, NODE_ENV: 'production', ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

describe('serve start checks', () => {
  let dataDir: string;
  let blocker: Server;
  let busyPort: number;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-start-'));
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    busyPort = (blocker.address() as { port: number }).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('names an invalid value', async () => {
    const result = await runServe({ DATA_DIR: dataDir, PORT: 'abc', QUERY_TIMEOUT: '5' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORT="abc": must be a whole number from 0 to 65535');
    expect(result.stderr).toContain('QUERY_TIMEOUT is not a known setting');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 40_000);

  it('hints at PORT when busy', async () => {
    const result = await runServe({ DATA_DIR: dataDir, PORT: String(busyPort) });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      `Port ${busyPort} on 127.0.0.1 is already in use. Stop the other program or set PORT to a free port (PORT=0 picks one).`,
    ]);
    expect(result.stdout).not.toContain('running at');
  }, 40_000);
});
