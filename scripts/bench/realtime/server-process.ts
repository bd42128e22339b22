import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

const ProjectRoot = path.resolve(import.meta.dirname, '../../..');
const StartTimeoutMs = 60_000;

/**
 * The cloud-ir-lab server in its own process, started with `node bin/cloud-ir-lab.js serve` on
 * 127.0.0.1. A restart reuses the port and data dir, so clients can reconnect to the same URL.
 */
export class ProductServer {
  readonly facilitatorToken = `bench-${randomBytes(16).toString('hex')}`;
  private child: ChildProcess | null = null;
  private port = 0;
  url = '';

  constructor(readonly dataDir: string) {}

  get pid(): number {
    if (!this.child?.pid) throw new Error('the server is not running');
    return this.child.pid;
  }

  /** Starts the server and resolves once `/readyz` returns 200, with the milliseconds that took. */
  async start(): Promise<number> {
    const began = performance.now();
    const child = spawn(process.execPath, [path.join(ProjectRoot, 'bin/cloud-ir-lab.js'), 'serve'], {
      cwd: ProjectRoot,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        FACILITATOR_TOKEN: this.facilitatorToken,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[server] ${chunk.toString()}`));
    this.url = await readUrl(child);
    this.port = Number(new URL(this.url).port);
    await waitReady(this.url);
    return performance.now() - began;
  }

  /** Kills the server without letting it flush anything, as a power cut or OOM kill would. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** Stops the server gracefully, and with SIGKILL if it has not exited within 15 s. */
  async stop(): Promise<void> {
    await this.signal('SIGTERM', 15_000);
  }

  private async signal(signal: NodeJS.Signals, graceMs = 0): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    if (graceMs > 0) {
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    } else {
      await exited;
    }
    this.child = null;
  }
}

/** Reads the URL from the server's start line, `cloud-ir-lab is running at http://HOST:PORT`. */
function readUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`the server printed no URL within ${StartTimeoutMs} ms`)), StartTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /cloud-ir-lab is running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stdout!.resume();
      resolve(match[1]!);
    };
    const onExit = (code: number | null) => fail(new Error(`the server exited during start (code ${code})`));
    function fail(error: Error) {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      reject(error);
    }
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
}

async function waitReady(url: string): Promise<void> {
  const deadline = Date.now() + StartTimeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server at ${url} was not ready within ${StartTimeoutMs} ms`);
}
