import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AppLogger } from '../logger.js';
import type { WorkerInit, WorkerReply, WorkerRequest, WorkerResultData } from './protocol.js';

export class WorkerRequestError extends Error {
  constructor(
    readonly code: 'rejected' | 'failed' | 'interrupted' | 'timeout' | 'cancelled' | 'crashed',
    message: string,
  ) {
    super(message);
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type RequestBody = DistributiveOmit<WorkerRequest, 'id'>;

interface Pending {
  resolve: (data: WorkerResultData) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
  killTimer?: NodeJS.Timeout;
  /** Set when the caller cancelled the request, so the interrupt is reported as a cancel. */
  cancelled?: boolean;
}

/** Threads of the worker's libuv pool, which runs DuckDB calls: enough that long queries do not queue short ones. */
const WorkerThreadPoolSize = 16;

const CancelledMessage = 'USER_CANCELLED: The query was cancelled.';

/** Grace period after an interrupt before the worker is killed and replaced, in milliseconds. */
const InterruptGraceMs = 2_000;

/**
 * The server's handle on one query worker process. It restarts the worker when it dies,
 * enforces the statement timeout (interrupt first, kill if that does not stop it), and fails
 * every request that was in flight on a crashed worker instead of leaving it hanging.
 */
export class ScenarioWorker {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;
  /** Live records and findings by scope, sent again to a restarted worker before it takes requests. */
  private readonly live = new Map<string, string[]>();
  private readonly liveFindings = new Map<string, string[]>();

  constructor(
    private readonly init: WorkerInit,
    private readonly timeoutMs: number,
    private readonly logger: AppLogger,
  ) {}

  /** Start the worker and wait until its data is loaded. */
  start(): Promise<void> {
    this.ready ??= this.spawn();
    return this.ready;
  }

  /** Process id of the running worker, if one runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /**
   * Send a request to the worker. It fails with a WorkerRequestError on timeout, on a crash of
   * the worker, and with code `cancelled` when `signal` aborts before the result arrives.
   */
  async request(body: RequestBody, signal?: AbortSignal): Promise<WorkerResultData> {
    await this.start();
    const child = this.child;
    if (!child?.connected) throw new WorkerRequestError('crashed', 'The query engine is restarting. Try again in a few seconds.');
    return this.dispatch(child, body, signal);
  }

  /**
   * Add live records to one scope. They are kept here too, so a worker that restarts gets them
   * again before it runs any request.
   */
  async appendLive(scope: string, records: string[], kind: 'append' | 'append-findings' = 'append'): Promise<void> {
    if (records.length === 0) return;
    const store = kind === 'append' ? this.live : this.liveFindings;
    const kept = store.get(scope) ?? [];
    kept.push(...records);
    store.set(scope, kept);
    await this.start();
    const child = this.child;
    // A worker that is starting gets every kept record when it is ready.
    if (!child?.connected) return;
    await this.dispatch(child, kind === 'append' ? { kind, scope, records } : { kind, scope, findings: records });
  }

  private dispatch(child: ChildProcess, body: RequestBody, signal?: AbortSignal): Promise<WorkerResultData> {
    if (signal?.aborted) throw new WorkerRequestError('cancelled', CancelledMessage);
    const id = this.nextId++;
    return new Promise<WorkerResultData>((resolve, reject) => {
      const timer = setTimeout(() => this.interrupt(id, child), this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      signal?.addEventListener('abort', () => this.cancel(id, child), { once: true });
      child.send({ ...body, id } as WorkerRequest);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  private spawn(): Promise<void> {
    const child = fork(workerEntry(), [], {
      execArgv: workerExecArgv(),
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, UV_THREADPOOL_SIZE: String(WorkerThreadPoolSize) },
    });
    this.child = child;
    // A request sent just as the worker dies fails with EPIPE. Without a listener that error would
    // end the server. The exit handler below rejects the request and starts a new worker.
    child.on('error', (error) => this.logger.warn({ err: error, pid: child.pid }, 'sending to the query worker failed'));

    const loaded = new Promise<void>((resolve, reject) => {
      child.on('message', (message: WorkerReply) => {
        if (message.kind === 'ready') {
          this.logger.info({ pid: child.pid, events: message.eventCount, loadMs: message.loadMs }, 'query worker ready');
          this.sendKeptLive(child).then(resolve, reject);
        } else if (message.kind === 'init-failed') {
          reject(new Error(`The query worker could not load the scenario data: ${message.message}`));
        } else {
          this.settle(message);
        }
      });
      child.once('exit', (code, signal) => {
        reject(new Error(`The query worker exited during loading (code ${code}, signal ${signal}).`));
        this.onExit(child, code, signal);
      });
    });
    child.send({ kind: 'init', init: this.init });
    return loaded;
  }

  private async sendKeptLive(child: ChildProcess): Promise<void> {
    for (const [scope, records] of this.live) await this.dispatch(child, { kind: 'append', scope, records: [...records] });
    for (const [scope, findings] of this.liveFindings) await this.dispatch(child, { kind: 'append-findings', scope, findings: [...findings] });
  }

  private settle(message: Extract<WorkerReply, { kind: 'result' }>): void {
    const entry = this.pending.get(message.id);
    if (!entry) return;
    this.pending.delete(message.id);
    clearTimeout(entry.timer);
    clearTimeout(entry.killTimer);
    if (message.ok) entry.resolve(message.data);
    else if (message.code === 'interrupted' && entry.cancelled) entry.reject(new WorkerRequestError('cancelled', CancelledMessage));
    else if (message.code === 'interrupted') entry.reject(new WorkerRequestError('timeout', this.timeoutMessage()));
    else entry.reject(new WorkerRequestError(message.code, message.message));
  }

  private cancel(id: number, child: ChildProcess): void {
    const entry = this.pending.get(id);
    if (!entry || entry.killTimer) return;
    entry.cancelled = true;
    clearTimeout(entry.timer);
    this.interrupt(id, child);
  }

  private interrupt(id: number, child: ChildProcess): void {
    const entry = this.pending.get(id);
    if (!entry || entry.killTimer) return;
    child.send({ kind: 'interrupt', id });
    entry.killTimer = setTimeout(() => {
      this.logger.warn({ pid: child.pid, requestId: id }, 'query worker did not stop after an interrupt; killing it');
      child.kill('SIGKILL');
    }, InterruptGraceMs);
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (child !== this.child) return;
    for (const [id, entry] of this.pending) {
      clearTimeout(entry.timer);
      clearTimeout(entry.killTimer);
      const timedOut = entry.killTimer !== undefined;
      if (entry.cancelled) entry.reject(new WorkerRequestError('cancelled', CancelledMessage));
      else if (timedOut) entry.reject(new WorkerRequestError('timeout', this.timeoutMessage()));
      else entry.reject(new WorkerRequestError('crashed', 'The query engine stopped while running this query. It has been restarted; run the query again.'));
      this.pending.delete(id);
    }
    this.child = undefined;
    this.ready = undefined;
    if (this.closed) return;
    this.logger.error({ pid: child.pid, code, signal }, 'query worker exited; starting a new one');
    this.start().catch((error: unknown) => this.logger.error({ err: error }, 'query worker restart failed'));
  }

  private timeoutMessage(): string {
    return `EXCEEDED_TIME_LIMIT: Query exceeded the maximum execution time of ${this.timeoutMs} ms and was cancelled. Narrow it with a WHERE clause on eventtime or eventname, or add a LIMIT.`;
  }
}

/** The worker's entry file: the compiled .js next to this module, or the .ts source under tsx and vitest. */
function workerEntry(): string {
  const self = fileURLToPath(import.meta.url);
  return self.replace(/scenario-worker\.(ts|js)$/, (_match, extension: string) => `worker.${extension}`);
}

function workerExecArgv(): string[] {
  return import.meta.url.endsWith('.ts') ? ['--import', 'tsx'] : [];
}
