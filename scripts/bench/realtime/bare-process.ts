import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ProjectRoot = path.resolve(import.meta.dirname, '../../..');

/** The bare Socket.IO baseline server (bare-server.ts) in its own process on 127.0.0.1. */
export class BareServer {
  private child: ChildProcess | null = null;
  url = '';

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bare-server.ts')], {
      cwd: ProjectRoot,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.child = child;
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the bare Socket.IO server did not start within 30 s')), 30_000);
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (\d+)/.exec(output);
        if (!match) return;
        clearTimeout(timer);
        resolve(Number(match[1]));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the bare Socket.IO server exited during start (code ${code})`));
      });
    });
    this.url = `http://127.0.0.1:${port}`;
  }

  /** Stops the server with SIGTERM, and with SIGKILL if it has not exited within 5 s. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    this.child = null;
  }
}
