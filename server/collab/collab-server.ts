import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CollabCloseCode, CollabPath, teamDocName } from '../../shared/collab.js';
import { Limits } from '../../shared/limits.js';
import type { Principal } from '../exercise/principal.js';
import { isSameOrigin } from '../realtime/origin.js';
import type { AppLogger } from '../logger.js';
import type { DocPersistence } from './doc-persistence.js';
import type { DocumentAccess } from './document-access.js';
import { stampPresence, type PresenceIdentity } from './presence.js';
import { SharedDoc } from './shared-doc.js';

/** y-websocket message types. */
const MessageSync = 0;
const MessageAwareness = 1;

/** Milliseconds between keep-alive pings; a connection that misses one is closed. */
const PingIntervalMs = 30_000;

export interface CollabOptions {
  /** Access of a signed-in principal to a document; by default a participant edits its own team's document only. */
  access?: (principal: Principal, docName: string) => DocumentAccess;
  /** Called after a client's edit was applied, with the editing player's id. */
  onDocumentChanged?: (docName: string, playerId: string | null) => void;
}

function ownTeamOnly(principal: Principal, docName: string): DocumentAccess {
  return principal.role === 'participant' && docName === teamDocName(principal.teamId) ? 'write' : null;
}

/**
 * Yjs collaboration over WebSocket at `/collab/<document>`, speaking the y-websocket protocol.
 * A connection is authorised before any sync by the `access` option. By default only a participant
 * whose team owns the document may connect; the app also admits the facilitators of the team's
 * exercise, read-only. A refused connection is accepted and closed with a 44xx code, which
 * y-websocket treats as final instead of retrying forever.
 */
export class CollabServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: Limits.collabFrameMaxBytes });
  private readonly docs = new Map<string, SharedDoc>();
  private readonly alive = new WeakSet<WebSocket>();
  /** Player behind each open connection, so a moved or removed player can be cut off. */
  private readonly players = new Map<WebSocket, string>();
  /** Principal id behind each read-only connection, so a revoked invitation can be cut off. */
  private readonly viewers = new Map<WebSocket, string>();
  private readonly pingTimer: NodeJS.Timeout;
  private closing = false;

  constructor(
    private readonly authenticate: (token: string | null) => Principal | null,
    private readonly persistence: DocPersistence,
    private readonly logger: AppLogger,
    private readonly allowedOrigins: readonly string[] = [],
    private readonly options: CollabOptions = {},
  ) {
    this.pingTimer = setInterval(() => this.pingAll(), PingIntervalMs);
    this.pingTimer.unref();
  }

  /** Whether an HTTP upgrade request is addressed to this server. */
  matches(request: IncomingMessage): boolean {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    return pathname === CollabPath || pathname.startsWith(`${CollabPath}/`);
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.closing) {
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      // ws reports protocol violations, such as a frame over maxPayload, as 'error' events and closes
      // the socket itself. Without a listener the error would be thrown and stop the process.
      ws.on('error', (error) => this.logger.warn({ err: error }, 'collaboration connection error'));
      const url = new URL(request.url ?? '/', 'http://localhost');
      const docName = decodeURIComponent(url.pathname.slice(CollabPath.length + 1));
      if (!isSameOrigin(request, this.allowedOrigins)) {
        this.logger.warn({ origin: request.headers.origin }, 'collaboration connection refused: origin does not match the host');
        ws.close(CollabCloseCode.Forbidden, 'Origin not allowed');
        return;
      }
      const principal = this.authenticate(url.searchParams.get('token'));
      if (!principal) {
        ws.close(CollabCloseCode.Unauthenticated, 'Sign in again');
        return;
      }
      const access = (this.options.access ?? ownTeamOnly)(principal, docName);
      if (!access) {
        this.logger.warn({ doc: docName, role: principal.role }, 'collaboration connection refused');
        ws.close(CollabCloseCode.Forbidden, 'Not your team');
        return;
      }
      if (principal.role === 'participant') {
        this.players.set(ws, principal.playerId);
        ws.on('close', () => this.players.delete(ws));
        this.connect(ws, docName, { playerId: principal.playerId, name: principal.displayName }, access === 'read');
        return;
      }
      this.viewers.set(ws, principal.id);
      ws.on('close', () => this.viewers.delete(ws));
      this.logger.info({ doc: docName, role: principal.role }, 'read-only collaboration connection opened');
      this.connect(ws, docName, { playerId: principal.id, name: principal.name }, true);
    });
  }

  /** Close every read-only connection opened with this facilitator or invitation id. */
  disconnectViewer(principalId: string): void {
    for (const [ws, owner] of this.viewers) {
      if (owner === principalId) ws.close(CollabCloseCode.Forbidden, 'Invitation revoked');
    }
  }

  /** Close every connection of a player whose team changed or who was removed; the client signs in again to reconnect. */
  disconnectPlayer(playerId: string): void {
    for (const [ws, owner] of this.players) {
      if (owner === playerId) ws.close(CollabCloseCode.Forbidden, 'Team membership changed');
    }
  }

  /**
   * Close all connections, refuse new ones, and write every loaded document to disk. Close code
   * 1001 makes y-websocket clients reconnect later, to this server's successor.
   */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.pingTimer);
    for (const ws of this.wss.clients) ws.close(1001, 'Server shutting down');
    const docs = [...this.docs.values()];
    await Promise.all(docs.map((doc) => doc.loaded.then(() => doc.flush()).catch(() => undefined)));
    for (const doc of docs) doc.destroy();
    this.docs.clear();
    this.wss.close();
  }

  /** Run `read` on a document's current state, loading it from disk for the call if no one has it open. */
  async readDocument<T>(name: string, read: (doc: Y.Doc) => T): Promise<T> {
    const open = this.docs.get(name);
    if (open) {
      await open.loaded;
      return read(open.doc);
    }
    const doc = new Y.Doc();
    try {
      const state = await this.persistence.load(name);
      if (state) Y.applyUpdate(doc, state);
      return read(doc);
    } finally {
      doc.destroy();
    }
  }

  loadedDocumentCount(): number {
    return this.docs.size;
  }

  /** Join a connection to a document once it is loaded; a read-only connection syncs but never changes it. */
  private connect(ws: WebSocket, docName: string, identity: PresenceIdentity, readOnly: boolean): void {
    // Messages that arrive while the stored state is still loading wait here, so no client is
    // synced from an empty document.
    const early: RawData[] = [];
    const collect = (data: RawData) => early.push(data);
    ws.on('message', collect);
    this.alive.add(ws);
    ws.on('pong', () => this.alive.add(ws));

    const shared = this.document(docName);
    shared.pendingConnections += 1;
    shared.loaded
      .then(() => {
        shared.pendingConnections -= 1;
        if (ws.readyState !== ws.OPEN) {
          this.unloadIfUnused(shared);
          return;
        }
        shared.connections.set(ws, new Set());
        ws.off('message', collect);
        ws.on('message', (data) => this.receive(shared, ws, identity, data, readOnly));
        ws.on('close', () => this.disconnect(shared, ws));
        this.greet(shared, ws);
        for (const data of early) this.receive(shared, ws, identity, data, readOnly);
      })
      .catch((error: unknown) => {
        shared.pendingConnections -= 1;
        this.logger.error({ err: error, doc: docName }, 'document could not be loaded');
        ws.close(1011, 'Document could not be loaded');
      });
  }

  private document(name: string): SharedDoc {
    let shared = this.docs.get(name);
    if (!shared) {
      const created = new SharedDoc(name, this.persistence, this.logger);
      shared = created;
      created.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === 'persistence') return;
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageSync);
        syncProtocol.writeUpdate(encoder, update);
        this.broadcast(created, encoding.toUint8Array(encoder));
        this.options.onDocumentChanged?.(name, this.players.get(origin as WebSocket) ?? null);
      });
      created.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
        const changed = [...added, ...updated, ...removed];
        const controlled = origin instanceof Object ? created.connections.get(origin as WebSocket) : undefined;
        if (controlled) {
          for (const id of added) controlled.add(id);
          for (const id of removed) controlled.delete(id);
        }
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageAwareness);
        encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(created.awareness, changed));
        this.broadcast(created, encoding.toUint8Array(encoder));
      });
      this.docs.set(name, created);
      created.loaded.catch(() => this.docs.delete(name));
    }
    return shared;
  }

  private greet(shared: SharedDoc, ws: WebSocket): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageSync);
    syncProtocol.writeSyncStep1(encoder, shared.doc);
    ws.send(encoding.toUint8Array(encoder));
    const states = shared.awareness.getStates();
    if (states.size > 0) {
      const awarenessEncoder = encoding.createEncoder();
      encoding.writeVarUint(awarenessEncoder, MessageAwareness);
      encoding.writeVarUint8Array(awarenessEncoder, awarenessProtocol.encodeAwarenessUpdate(shared.awareness, [...states.keys()]));
      ws.send(encoding.toUint8Array(awarenessEncoder));
    }
  }

  private receive(shared: SharedDoc, ws: WebSocket, identity: PresenceIdentity, data: RawData, readOnly: boolean): void {
    try {
      const bytes = toBytes(data);
      const decoder = decoding.createDecoder(bytes);
      const type = decoding.readVarUint(decoder);
      if (readOnly && !isStateRequest(bytes)) {
        // A reader may request the document (sync step 1) and nothing else. Its sync step 2, edits
        // and presence are dropped without closing the connection, because y-websocket sends
        // step 2 on every connect and a close would cut off every reader.
        if (type !== MessageSync && type !== MessageAwareness) throw new Error(`unknown message type ${type}`);
        return;
      }
      if (type === MessageSync) {
        const incoming = updateBytes(bytes);
        if (incoming > 0 && !shared.canGrowBy(incoming)) {
          this.logger.warn({ doc: shared.name, bytes: incoming }, 'collaboration update rejected: document size limit reached');
          ws.close(CollabCloseCode.TooLarge, 'Document size limit reached');
          return;
        }
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageSync);
        syncProtocol.readSyncMessage(decoder, encoder, shared.doc, ws);
        if (encoding.length(encoder) > 1) ws.send(encoding.toUint8Array(encoder));
      } else if (type === MessageAwareness) {
        const ownedByOthers = (clientId: number) => [...shared.connections].some(([other, ids]) => other !== ws && ids.has(clientId));
        const update = stampPresence(decoding.readVarUint8Array(decoder), identity, ownedByOthers);
        awarenessProtocol.applyAwarenessUpdate(shared.awareness, update, ws);
      } else {
        throw new Error(`unknown message type ${type}`);
      }
    } catch (error) {
      // A malformed frame closes this connection only; the document and other clients go on.
      this.logger.warn({ doc: shared.name, err: error }, 'malformed collaboration message; closing the connection');
      ws.close(CollabCloseCode.MalformedMessage, 'Malformed message');
    }
  }

  private broadcast(shared: SharedDoc, message: Uint8Array): void {
    for (const ws of shared.connections.keys()) {
      if (ws.readyState === ws.OPEN) ws.send(message);
    }
  }

  private disconnect(shared: SharedDoc, ws: WebSocket): void {
    const controlled = shared.connections.get(ws);
    shared.connections.delete(ws);
    if (controlled && controlled.size > 0) awarenessProtocol.removeAwarenessStates(shared.awareness, [...controlled], null);
    this.unloadIfUnused(shared);
  }

  /** Free a document that nobody has open, after writing it to disk. */
  private unloadIfUnused(shared: SharedDoc): void {
    if (shared.connections.size > 0) return;
    void shared.flush().then(() => {
      if (shared.connections.size > 0 || shared.pendingConnections > 0 || this.docs.get(shared.name) !== shared) return;
      this.docs.delete(shared.name);
      shared.destroy();
    });
  }

  private pingAll(): void {
    for (const ws of this.wss.clients) {
      if (!this.alive.has(ws)) {
        ws.terminate();
        continue;
      }
      this.alive.delete(ws);
      ws.ping();
    }
  }
}

/**
 * Size of the document update a sync message carries (sync step 2 or update), or 0 for a state
 * vector (sync step 1), which adds nothing to the document.
 */
function updateBytes(message: Uint8Array): number {
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder);
  const syncType = decoding.readVarUint(decoder);
  if (syncType === syncProtocol.messageYjsSyncStep1) return 0;
  return decoding.readVarUint8Array(decoder).length;
}

/** Tell whether a message is a sync step 1, which requests the document and changes nothing. */
function isStateRequest(message: Uint8Array): boolean {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== MessageSync) return false;
  return decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep1;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return new Uint8Array(data);
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
