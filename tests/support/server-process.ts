import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { FacilitatorToken, ScenariosDir } from './harness.js';

const Root = path.resolve(import.meta.dirname, '../..');
const Entry = path.join(Root, 'tests/support/serve-entry.ts');

/** The server as its own process (`cloud-ir-lab serve` run from source through tsx), for crash and signal tests. */
export class ServerProcess {
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Start on a free port of 127.0.0.1 and resolve once the server printed its URL. */
  static async start(dataDir: string): Promise<ServerProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', Entry, 'serve'], {
      cwd: Root,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SCENARIOS_DIR: ScenariosDir, FACILITATOR_TOKEN: FacilitatorToken, NODE_ENV: 'production', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start within 60 s:\n${output}`)), 60_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /running at (http:\/\/[^\s]+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code} before starting:\n${output}`));
      });
    });
    return new ServerProcess(child, url);
  }

  /** Send a signal and resolve with how the process ended. */
  async stop(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    this.child.kill(signal);
    return this.exited;
  }
}
