import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { Limits } from '../../shared/limits.js';
import type { AppLogger } from '../logger.js';
import type { DocPersistence } from './doc-persistence.js';

/** Maximum time, in milliseconds, between a change to a document and its write to disk. */
export const SaveDelayMs = 500;

/**
 * One loaded Yjs document with its awareness and open connections. Changes are written to disk
 * at most `SaveDelayMs` after they happen, and once more when the document is unloaded.
 */
export class SharedDoc {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Each connection with the awareness client ids it controls. */
  readonly connections = new Map<WebSocket, Set<number>>();
  /** Connections waiting for `loaded` before they join `connections`. */
  pendingConnections = 0;
  /** Settles once the stored state has been applied. */
  readonly loaded: Promise<void>;
  /**
   * Upper estimate of the encoded document size in bytes: the size at the last save plus every
   * update applied since. Merged state is in practice no larger than its updates, so this errs high.
   */
  private estimatedBytes = 0;
  private saveTimer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    readonly name: string,
    private readonly persistence: DocPersistence,
    private readonly logger: AppLogger,
  ) {
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array) => {
      this.estimatedBytes += update.length;
      this.scheduleSave();
    });
    this.loaded = this.load();
  }

  private async load(): Promise<void> {
    const state = await this.persistence.load(this.name);
    if (state) Y.applyUpdate(this.doc, state, 'persistence');
  }

  /** Whether an update of `bytes` may be applied without passing the document size limit. */
  canGrowBy(bytes: number): boolean {
    return this.estimatedBytes + bytes <= Limits.collabDocumentMaxBytes;
  }

  /** Write pending changes now and wait for the write to finish. */
  async flush(): Promise<void> {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      this.save();
    }
    await this.saving;
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }

  private scheduleSave(): void {
    this.saveTimer ??= setTimeout(() => {
      this.saveTimer = undefined;
      this.save();
    }, SaveDelayMs);
  }

  private save(): void {
    const state = Y.encodeStateAsUpdate(this.doc);
    this.estimatedBytes = state.length;
    this.saving = this.saving
      .then(() => this.persistence.save(this.name, state))
      .catch((error: unknown) => this.logger.error({ err: error, doc: this.name }, 'document save failed'));
  }
}
