import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  ChecklistArrayName,
  CollabCloseCode,
  CollabPath,
  NotepadTextName,
  ReportSections,
  TimelineArrayName,
  reportFragmentName,
  teamDocName,
  type ChecklistItem,
  type ReportSection,
  type TimelineEntry,
} from '../../../shared/collab.js';
import { appUrl } from '../net/base-path.js';

export type ViewerStatus = 'connecting' | 'connected' | 'disconnected' | 'closed';

/**
 * A facilitator's read-only copy of one team document. The server admits the facilitator token
 * read-only and drops anything this copy would send, and nothing here writes to it.
 * Dispatches `changed` after every update and `status-changed` when the connection changes.
 */
export class TeamViewerDoc extends EventTarget {
  private readonly doc = new Y.Doc();
  private readonly provider: WebsocketProvider;
  private statusValue: ViewerStatus = 'connecting';
  private closedCode: number | null = null;

  constructor(token: string, teamId: string) {
    super();
    const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const url = `${protocol}//${window.location.host}${appUrl(CollabPath)}`;
    this.provider = new WebsocketProvider(url, teamDocName(teamId), this.doc, { params: { token }, disableBc: true });
    // No presence: the team does not see who is reading.
    this.provider.awareness.setLocalState(null);
    this.doc.on('update', () => this.dispatchEvent(new Event('changed')));
    this.provider.on('status', ({ status }) => {
      if (this.statusValue !== 'closed') {
        this.setStatus(status);
      }
    });
    this.provider.on('closed', (event) => {
      this.closedCode = event.code;
      this.setStatus('closed');
    });
  }

  get status(): ViewerStatus {
    return this.statusValue;
  }

  /** Reason the server refused or closed the connection for good, or null while it has not. */
  get closedReason(): string | null {
    if (this.closedCode === null) {
      return null;
    }
    if (this.closedCode === CollabCloseCode.Forbidden) {
      return 'The server refused access to this team document. Check that you still manage this exercise.';
    }
    return `The server closed the team document (code ${this.closedCode}). Close and open the view again.`;
  }

  /** Timeline entries in event-time order, as the team sees them. */
  timeline(): TimelineEntry[] {
    const entries = this.doc
      .getArray<unknown>(TimelineArrayName)
      .toArray()
      .flatMap((item) => (item instanceof Y.Map ? [readTimelineEntry(item)] : []));
    return entries.sort((a, b) => a.eventTime.localeCompare(b.eventTime) || a.id.localeCompare(b.id));
  }

  /** Reads each report section as plain text, paragraphs separated by blank lines. */
  report(): { section: ReportSection; text: string }[] {
    return ReportSections.map((section) => ({
      section,
      text: this.doc
        .getXmlFragment(reportFragmentName(section))
        .toArray()
        .map((node) => plainText(node))
        .filter((paragraph) => paragraph.length > 0)
        .join('\n\n'),
    }));
  }

  checklist(): ChecklistItem[] {
    return this.doc
      .getArray<unknown>(ChecklistArrayName)
      .toArray()
      .flatMap((item) => (item instanceof Y.Map ? [readChecklistItem(item)] : []));
  }

  notepad(): string {
    return this.doc.getText(NotepadTextName).toString();
  }

  /** Closes the connection and frees the document; the provider alone leaves a timer running. */
  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }

  private setStatus(status: ViewerStatus): void {
    this.statusValue = status;
    this.dispatchEvent(new Event('status-changed'));
  }
}

/** Reads a field written by any client; a missing or mistyped value becomes an empty string. */
function text(map: Y.Map<unknown>, key: string): string {
  const value = map.get(key);
  return typeof value === 'string' ? value : '';
}

function readTimelineEntry(map: Y.Map<unknown>): TimelineEntry {
  return {
    id: text(map, 'id'),
    refId: text(map, 'refId'),
    refKind: text(map, 'refKind') === 'guardduty' ? 'guardduty' : 'cloudtrail',
    eventTime: text(map, 'eventTime'),
    actor: text(map, 'actor'),
    action: text(map, 'action'),
    sourceIp: text(map, 'sourceIp'),
    note: text(map, 'note'),
    technique: text(map, 'technique'),
    author: text(map, 'author'),
  };
}

function readChecklistItem(map: Y.Map<unknown>): ChecklistItem {
  return { id: text(map, 'id'), action: text(map, 'action'), done: map.get('done') === true, author: text(map, 'author') };
}

function plainText(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as { insert?: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
  }
  if (node instanceof Y.XmlElement) {
    return node
      .toArray()
      .map((child) => plainText(child as Y.XmlElement | Y.XmlText))
      .join('');
  }
  return '';
}
