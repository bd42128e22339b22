import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FullConfig } from '@playwright/test';
import { startServe } from './serve-process.js';
import { serverUrlEnv, testFacilitatorToken } from './server-env.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Starts `cloud-ir-lab serve` from the existing build on a free port with an empty data folder,
 * publishes its URL to the tests through the environment, and returns the teardown that stops it.
 * Builds nothing: run `npm run build` first.
 */
export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cloud-ir-lab-browser-'));
  const logPath = path.join(repoRoot, 'test-results', 'browser', 'server.log');

  try {
    const server = await startServe(
      { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, FACILITATOR_TOKEN: testFacilitatorToken, NODE_ENV: 'production' },
      logPath,
    );
    process.env[serverUrlEnv] = server.url;
    return async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
