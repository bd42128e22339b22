import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { TimelineEntry } from '../../../shared/collab.js';
import { formatUtc } from '../app/format.js';
import type { CollabStatus, TeamCollab } from '../net/team-collab.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { EditingKey } from './presence-keys.js';

/** Maximum note length in characters, a limit of this editor that keeps each Yjs update small. */
const noteMaxLength = 2_000;

/** Milliseconds a note edit waits for more keystrokes before it is sent to teammates. */
const noteSendDelayMs = 250;

const statusLabels: Record<CollabStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Live',
  disconnected: 'Offline: changes sync when the connection is back',
  closed: 'Disconnected',
};

/** The team's shared attack timeline in event-time order, editable by every teammate. */
@customElement('attack-timeline')
export class AttackTimeline extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .header {
        display: flex;
        gap: 16px;
        align-items: baseline;
        margin-bottom: var(--space);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        border-left: 3px solid var(--color-border);
      }
      li {
        position: relative;
        margin: 0 0 12px 16px;
      }
      li::before {
        content: '';
        position: absolute;
        left: -23px;
        top: 14px;
        width: 11px;
        height: 11px;
        border-radius: 50%;
        background: var(--color-accent);
      }
      .entry-head {
        display: flex;
        gap: 12px;
        align-items: baseline;
        flex-wrap: wrap;
      }
      .entry-head .action {
        font-weight: 600;
      }
      .entry-head .spacer {
        flex: 1;
      }
      textarea {
        width: 100%;
        min-height: 48px;
        margin-top: 6px;
        resize: vertical;
      }
      .status-connected {
        color: var(--color-success);
      }
    `,
  ];

  @property({ attribute: false }) collab: TeamCollab | null = null;

  @state() private entries: TimelineEntry[] = [];
  @state() private status: CollabStatus = 'connecting';

  private observed: TeamCollab | null = null;
  /** Note edits typed but not yet sent, by entry id. */
  private readonly pendingNotes = new Map<string, { timer: ReturnType<typeof setTimeout>; value: string }>();

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('collab')) {
      this.observe(this.collab);
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.collab && this.observed !== this.collab) {
      this.observe(this.collab);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const id of [...this.pendingNotes.keys()]) {
      this.sendNote(id);
    }
    this.observe(null);
  }

  override render() {
    const closedReason = this.collab?.closedReason;
    return html`
      <section class="panel">
        <div class="header">
          <h2>Attack timeline</h2>
          <span class=${`muted status-${this.status}`} data-testid="collab-status" data-status=${this.status}>
            ${statusLabels[this.status]}
          </span>
        </div>
        ${closedReason ? html`<p class="error" role="alert">${closedReason}</p>` : null}
        ${this.entries.length === 0
          ? html`<p class="muted" data-testid="timeline-empty">
              No entries yet. Add CloudTrail events or GuardDuty findings with "Add to timeline".
            </p>`
          : html`<ol data-testid="timeline">
              ${repeat(this.entries, (entry) => entry.id, (entry) => this.renderEntry(entry))}
            </ol>`}
      </section>
    `;
  }

  private renderEntry(entry: TimelineEntry) {
    return html`<li class="panel" data-testid="timeline-entry" data-ref-id=${entry.refId}>
      <div class="entry-head">
        <span class="mono" data-testid="timeline-time">${formatUtc(entry.eventTime)}</span>
        <span class="action" data-testid="timeline-action">${entry.action}</span>
        <span>by <strong>${entry.actor}</strong></span>
        ${entry.sourceIp ? html`<span class="mono muted">from ${entry.sourceIp}</span>` : null}
        <span class="spacer"></span>
        <span class="muted">${entry.refKind === 'guardduty' ? 'GuardDuty' : 'CloudTrail'} · added by ${entry.author}</span>
        <button class="danger" data-testid="timeline-remove" aria-label=${`Remove ${entry.action} at ${formatUtc(entry.eventTime)}`} @click=${() => this.confirmRemove(entry)}>
          Remove
        </button>
      </div>
      <textarea
        aria-label=${`Note for ${entry.action} at ${formatUtc(entry.eventTime)}`}
        data-testid="timeline-note"
        maxlength=${noteMaxLength}
        placeholder="Add a note for the team"
        .value=${entry.note}
        @input=${(event: Event) => this.queueNote(entry.id, (event.target as HTMLTextAreaElement).value)}
        @focus=${() => this.collab?.setPresence('editing', EditingKey.timelineEntry(entry.id))}
        @blur=${() => {
          this.sendNote(entry.id);
          this.collab?.setPresence('editing', null);
        }}
      ></textarea>
    </li>`;
  }

  /**
   * Sends a note while the player types, at most `noteSendDelayMs` after the last keystroke. Each
   * note is its own key of its entry's Y.Map, so a send never overwrites a teammate's edit to
   * another entry or field.
   * NOTE: two players typing in the same note at once still resolve to the last send, because a
   * note is a plain string and not a Y.Text.
   */
  private queueNote(id: string, value: string): void {
    const pending = this.pendingNotes.get(id);
    if (pending) {
      clearTimeout(pending.timer);
    }
    const timer = setTimeout(() => this.sendNote(id), noteSendDelayMs);
    this.pendingNotes.set(id, { timer, value });
  }

  private sendNote(id: string): void {
    const pending = this.pendingNotes.get(id);
    if (!pending) {
      return;
    }
    clearTimeout(pending.timer);
    this.pendingNotes.delete(id);
    this.collab?.setNote(id, pending.value);
  }

  private confirmRemove(entry: TimelineEntry): void {
    const confirmed = window.confirm(
      `Remove "${entry.action}" at ${formatUtc(entry.eventTime)} UTC from the team timeline? Its note is removed for every teammate.`,
    );
    if (confirmed) {
      this.collab?.removeEntry(entry.id);
    }
  }

  private readonly refresh = (): void => {
    this.entries = this.observed?.entries() ?? [];
    this.status = this.observed?.status ?? 'connecting';
  };

  private observe(collab: TeamCollab | null): void {
    if (this.observed) {
      this.observed.removeEventListener('timeline-changed', this.refresh);
      this.observed.removeEventListener('status-changed', this.refresh);
    }
    this.observed = collab;
    if (collab) {
      collab.addEventListener('timeline-changed', this.refresh);
      collab.addEventListener('status-changed', this.refresh);
    }
    this.refresh();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'attack-timeline': AttackTimeline;
  }
}
