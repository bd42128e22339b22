import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { appUrl } from './base-path.js';
import { CollabCloseCode, CollabPath, NotepadTextName, TimelineArrayName, teamDocName, type TimelineEntry } from '../../../shared/collab.js';
import { randomId } from './random-id.js';

export type CollabStatus = 'connecting' | 'connected' | 'disconnected' | 'closed';

export interface TeammatePresence {
  playerId: string;
  name: string;
  isSelf: boolean;
  /** The tab the teammate has open, for example "cloudtrail". */
  view?: string;
  /** What the teammate is editing, for example "notepad". */
  editing?: string;
}

/** Fields a caller supplies for a new entry; the id and author are filled in here. */
export type TimelineDraft = Omit<TimelineEntry, 'id' | 'author' | 'note' | 'technique'> & { note?: string; technique?: string };

export type AddEntryResult = { added: true; id: string } | { added: false; reason: 'duplicate' };

/** Awareness field that carries the signed-in player; the server stamps it with the real identity. */
const presenceField = 'user';

const timelineKeys = ['id', 'refId', 'refKind', 'eventTime', 'actor', 'action', 'sourceIp', 'note', 'technique', 'author'] as const;

/**
 * The team's shared Yjs document: the attack timeline and who is online.
 * Dispatches `timeline-changed`, `presence-changed` and `status-changed` events.
 */
export class TeamCollab extends EventTarget {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private readonly timeline: Y.Array<Y.Map<unknown>>;
  private statusValue: CollabStatus = 'connecting';
  private closeMessage: string | null = null;

  constructor(
    token: string,
    teamId: string,
    private readonly player: { playerId: string; displayName: string },
  ) {
    super();
    this.timeline = this.doc.getArray<Y.Map<unknown>>(TimelineArrayName);
    this.provider = new WebsocketProvider(collabUrl(), teamDocName(teamId), this.doc, { params: { token } });

    this.provider.awareness.setLocalStateField(presenceField, {
      playerId: player.playerId,
      name: player.displayName,
    });

    this.timeline.observeDeep(() => this.dispatchEvent(new Event('timeline-changed')));
    this.provider.awareness.on('change', () => this.dispatchEvent(new Event('presence-changed')));
    this.provider.on('status', ({ status }) => {
      if (this.statusValue !== 'closed') {
        this.setStatus(status);
      }
    });
    this.provider.on('closed', (event) => {
      this.closeMessage = describeClose(event.code);
      this.setStatus('closed');
    });
  }

  get status(): CollabStatus {
    return this.statusValue;
  }

  /** Reason the server closed the connection for good, or null while it has not. */
  get closedReason(): string | null {
    return this.closeMessage;
  }

  /** Timeline entries in event-time order; entries with equal times keep a stable order by id. */
  entries(): TimelineEntry[] {
    const entries = this.timeline.toArray().map(readEntry);
    return entries.sort((a, b) => a.eventTime.localeCompare(b.eventTime) || a.id.localeCompare(b.id));
  }

  hasRef(refId: string): boolean {
    return this.timeline.toArray().some((entry) => entry.get('refId') === refId);
  }

  /** Appends an entry unless one already refers to the same event or finding. */
  addEntry(draft: TimelineDraft): AddEntryResult {
    if (this.hasRef(draft.refId)) {
      return { added: false, reason: 'duplicate' };
    }

    const entry: TimelineEntry = { ...draft, note: draft.note ?? '', technique: draft.technique ?? '', id: randomId(), author: this.player.displayName };
    const map = new Y.Map<unknown>();
    for (const key of timelineKeys) {
      map.set(key, entry[key]);
    }
    this.timeline.push([map]);
    return { added: true, id: entry.id };
  }

  removeEntry(id: string): void {
    this.doc.transact(() => {
      const index = this.timeline.toArray().findIndex((entry) => entry.get('id') === id);
      if (index >= 0) {
        this.timeline.delete(index, 1);
      }
    });
  }

  setNote(id: string, note: string): void {
    const entry = this.timeline.toArray().find((item) => item.get('id') === id);
    entry?.set('note', note);
  }

  /** Players connected to the team document, one per player even with several tabs open. */
  teammates(): TeammatePresence[] {
    const byPlayer = new Map<string, TeammatePresence>();
    for (const state of this.provider.awareness.getStates().values()) {
      const player = (state as Record<string, unknown>)[presenceField] as { playerId?: unknown; name?: unknown } | undefined;
      if (typeof player?.playerId !== 'string' || typeof player.name !== 'string') {
        continue;
      }
      const view = (state as Record<string, unknown>).view;
      const editing = (state as Record<string, unknown>).editing;
      const known = byPlayer.get(player.playerId);
      byPlayer.set(player.playerId, {
        playerId: player.playerId,
        name: player.name,
        isSelf: player.playerId === this.player.playerId,
        // With several tabs open, any tab that is editing counts.
        ...(typeof view === 'string' ? { view } : known?.view ? { view: known.view } : {}),
        ...(typeof editing === 'string' ? { editing } : known?.editing ? { editing: known.editing } : {}),
      });
    }
    return [...byPlayer.values()].sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
  }

  /** Publishes this tab's open view or edited item to teammates; null clears the field. */
  setPresence(field: 'view' | 'editing', value: string | null): void {
    this.provider.awareness.setLocalStateField(field, value ?? undefined);
  }

  /** The team's shared notepad. */
  notepad(): Y.Text {
    return this.doc.getText(NotepadTextName);
  }

  /** Closes the connection and frees the document; the provider alone leaves a timer running. */
  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }

  private setStatus(status: CollabStatus): void {
    this.statusValue = status;
    this.dispatchEvent(new Event('status-changed'));
  }
}

function collabUrl(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}${appUrl(CollabPath)}`;
}

/** Reads a Y.Map written by any client; missing or mistyped fields become empty strings. */
function readEntry(map: Y.Map<unknown>): TimelineEntry {
  const text = (key: string): string => {
    const value = map.get(key);
    return typeof value === 'string' ? value : '';
  };
  return {
    id: text('id'),
    refId: text('refId'),
    refKind: text('refKind') === 'guardduty' ? 'guardduty' : 'cloudtrail',
    eventTime: text('eventTime'),
    actor: text('actor'),
    action: text('action'),
    sourceIp: text('sourceIp'),
    note: text('note'),
    technique: text('technique'),
    author: text('author'),
  };
}

function describeClose(code: number): string {
  switch (code) {
    case CollabCloseCode.Unauthenticated:
      return 'The timeline server did not accept your sign-in. Sign out and join again.';
    case CollabCloseCode.Forbidden:
      return 'The timeline server refused access to this team timeline.';
    case CollabCloseCode.TooLarge:
      return 'A change was too large for the timeline server. Reload the page to reconnect.';
    case CollabCloseCode.MalformedMessage:
      return 'The timeline server could not read a message from this page. Reload the page to reconnect.';
    default:
      return `The timeline server closed the connection (code ${code}). Reload the page to reconnect.`;
  }
}
