import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverUrlEnv } from './server-env.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const startTimeoutMs = 30_000;
const stopTimeoutMs = 10_000;

/** Matches the address the server prints once it listens, such as `http://127.0.0.1:41234`. */
const listeningPattern = /http:\/\/(?:\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d+/;

/** A `cloud-ir-lab serve` process started from the build, with the address it printed. */
export interface ServeProcess {
  /** Origin the server listens on, without the base path. */
  url: string;
  /** Sends SIGTERM, waits for the exit, then stops any process left in its group. */
  stop(): Promise<void>;
}

/**
 * Starts `cloud-ir-lab serve` from the existing build with `env` added to this process's
 * environment, and resolves once it printed its URL. Its output is copied to `logPath`.
 */
export async function startServe(env: Record<string, string>, logPath: string): Promise<ServeProcess> {
  const builtFiles = ['bin/cloud-ir-lab.js', 'dist/client/index.html', 'dist/server/cli/main.js'];
  const missing = builtFiles.filter((file) => !existsSync(path.join(repoRoot, file)));
  if (missing.length > 0) {
    throw new Error(`Build output is missing (${missing.join(', ')}). Run \`npm run build\` before the browser tests.`);
  }
  mkdirSync(path.dirname(logPath), { recursive: true });
  // The server stops on an unknown CLOUD_IR_LAB_ variable, and the global setup sets one for the tests.
  const inherited = { ...process.env };
  delete inherited[serverUrlEnv];

  const server = spawn(process.execPath, ['bin/cloud-ir-lab.js', 'serve'], {
    cwd: repoRoot,
    // Its own process group, so the teardown can also stop any worker process the server started.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...inherited, ...env },
  });
  const stop = () => stopServer(server);
  try {
    return { url: await waitForUrl(server, logPath), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Resolves with the server's URL from its output; the whole output is also copied to `logPath`. */
function waitForUrl(server: ChildProcess, logPath: string): Promise<string> {
  const log = createWriteStream(logPath);
  let output = '';
  let found = false;

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`The server printed no URL within ${startTimeoutMs / 1000} s. Its output is in ${logPath}.`));
    }, startTimeoutMs);

    const onData = (chunk: Buffer): void => {
      log.write(chunk);
      if (found) {
        return;
      }
      output += chunk.toString('utf8');
      const match = listeningPattern.exec(output);
      if (match) {
        found = true;
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', onData);
    server.once('exit', (code, signal) => {
      clearTimeout(timer);
      log.end();
      reject(new Error(`The server exited before listening (code ${code}, signal ${signal}). Its output is in ${logPath}.`));
    });
    server.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Starting the server failed: ${error.message}`));
    });
  });
}

/** Sends SIGTERM to the server and waits; after `stopTimeoutMs` its whole process group gets SIGKILL. */
async function stopServer(server: ChildProcess): Promise<void> {
  const pid = server.pid;
  if (pid === undefined || server.exitCode !== null || server.signalCode !== null) {
    return;
  }

  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(true), stopTimeoutMs).unref()),
  ]);

  // The group id is the server's PID because it was spawned detached.
  signalGroup(pid, timedOut ? 'SIGKILL' : 'SIGTERM');
  if (timedOut) {
    await exited;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    // ESRCH: every process of the group has already exited.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') {
      throw error;
    }
  }
}
