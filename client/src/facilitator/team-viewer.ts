import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ReportSectionTitles } from '../../../shared/collab.js';
import type { QueryHistoryEntry } from '../../../shared/model.js';
import { formatUtc, plural } from '../app/format.js';
import type { AppSocket } from '../net/app-socket.js';
import { describeError, request } from '../net/request.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { TeamViewerDoc, type ViewerStatus } from './team-viewer-doc.js';

const sectionTitles: Record<string, string> = ReportSectionTitles;

/**
 * A read-only view of one team's work: timeline, report, containment checklist, notepad and
 * query history. The document stays live while open; the query history reloads when
 * `queriesRun` changes. Fires `team-viewer-closed` when the facilitator closes it.
 */
@customElement('team-viewer')
export class TeamViewer extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(320px, 1fr));
        gap: var(--space);
      }
      ol,
      ul {
        margin: 4px 0 0;
        padding-left: 20px;
      }
      li {
        margin-bottom: 6px;
      }
      pre {
        white-space: pre-wrap;
        margin: 4px 0 0;
      }
      .query {
        white-space: pre-wrap;
        word-break: break-word;
      }
    `,
  ];

  @property({ attribute: false }) socket: AppSocket | null = null;
  /** Sign-in token, sent to the collaboration server. */
  @property() token = '';
  @property() exerciseId = '';
  @property() teamId = '';
  @property() teamName = '';
  /** Queries the team has run, from the progress view; a change reloads the history. */
  @property({ type: Number }) queriesRun = 0;

  @state() private status: ViewerStatus = 'connecting';
  @state() private revision = 0;
  @state() private queries: QueryHistoryEntry[] = [];
  @state() private queryError = '';

  private doc: TeamViewerDoc | null = null;

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('teamId') || changed.has('token')) {
      this.openDocument();
    }
    if (changed.has('teamId') || changed.has('exerciseId') || changed.has('queriesRun') || changed.has('socket')) {
      void this.loadQueries();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.doc && this.teamId) {
      this.openDocument();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.doc?.destroy();
    this.doc = null;
  }

  override render() {
    const doc = this.doc;
    const timeline = doc?.timeline() ?? [];
    const report = doc?.report() ?? [];
    const emptySections = report.filter(({ text }) => !text).map(({ section }) => sectionTitles[section] ?? section);
    const checklist = doc?.checklist() ?? [];
    const notepad = doc?.notepad() ?? '';
    return html`<section class="panel" data-testid="team-viewer" data-team-id=${this.teamId} data-revision=${this.revision}>
      <div class="row">
        <h3>Team ${this.teamName} (read-only)</h3>
        <span class="spacer"></span>
        <span class="muted" data-testid="viewer-status" data-status=${this.status}>${this.statusLabel()}</span>
        <button data-testid="viewer-close" @click=${this.close}>Close</button>
      </div>
      ${doc?.closedReason ? html`<p class="error" role="alert">${doc.closedReason}</p>` : null}
      <div class="grid">
        <section>
          <h4>Timeline (${timeline.length})</h4>
          ${timeline.length === 0
            ? html`<p class="muted">No entries yet.</p>`
            : html`<ol>
                ${repeat(
                  timeline,
                  (entry) => entry.id,
                  (entry) => html`<li data-testid="viewer-timeline-entry" data-ref-id=${entry.refId}>
                    <span class="mono">${formatUtc(entry.eventTime)}</span> <strong>${entry.action}</strong>
                    <span class="muted">by ${entry.actor || 'unknown'} from ${entry.sourceIp || 'unknown'}</span>
                    ${entry.technique ? html`<span class="mono">${entry.technique}</span>` : null}
                    ${entry.note ? html`<div>${entry.note}</div>` : null}
                    <div class="muted">Added by ${entry.author || 'unknown'}</div>
                  </li>`,
                )}
              </ol>`}
        </section>
        <section>
          <h4>Report</h4>
          ${report
            .filter(({ text }) => text)
            .map(
              ({ section, text }) => html`<div data-testid="viewer-report-section" data-section=${section}>
                <strong>${sectionTitles[section] ?? section}</strong>
                <pre>${text}</pre>
              </div>`,
            )}
          ${emptySections.length > 0 ? html`<p class="muted" data-testid="viewer-report-empty">Not written yet: ${emptySections.join(', ')}.</p>` : null}
        </section>
        <section>
          <h4>Containment checklist</h4>
          ${checklist.length === 0
            ? html`<p class="muted">No items yet.</p>`
            : html`<ul>
                ${repeat(
                  checklist,
                  (item) => item.id,
                  (item) => html`<li data-testid="viewer-checklist-item" data-done=${String(item.done)}>
                    ${item.done ? 'Done' : 'Open'}: ${item.action} <span class="muted">(${item.author || 'unknown'})</span>
                  </li>`,
                )}
              </ul>`}
          <h4>Notepad</h4>
          ${notepad ? html`<pre data-testid="viewer-notepad">${notepad}</pre>` : html`<p class="muted" data-testid="viewer-notepad">Empty.</p>`}
        </section>
        <section>
          <h4>Queries (${this.queries.length})</h4>
          ${this.queryError ? html`<p class="error" role="alert">${this.queryError}</p>` : null}
          ${this.queries.length === 0
            ? html`<p class="muted">No queries since the server started.</p>`
            : html`<ol>
                ${repeat(
                  this.queries,
                  (entry) => entry.id,
                  (entry) => html`<li data-testid="viewer-query">
                    <code class="query">${entry.sql}</code>
                    <div class="muted">
                      ${entry.displayName}, ${formatUtc(entry.ranAt)}:
                      ${entry.ok ? plural(entry.rowCount ?? 0, 'row') : `failed (${entry.errorCode ?? 'error'})`}
                    </div>
                  </li>`,
                )}
              </ol>`}
        </section>
      </div>
    </section>`;
  }

  private statusLabel(): string {
    switch (this.status) {
      case 'connected':
        return 'Live';
      case 'connecting':
        return 'Connecting…';
      case 'disconnected':
        return 'Offline, reconnecting…';
      case 'closed':
        return 'Closed';
    }
  }

  private openDocument(): void {
    this.doc?.destroy();
    this.doc = null;
    if (!this.teamId || !this.token) {
      return;
    }
    const doc = new TeamViewerDoc(this.token, this.teamId);
    doc.addEventListener('changed', () => (this.revision += 1));
    doc.addEventListener('status-changed', () => (this.status = doc.status));
    this.doc = doc;
    this.status = doc.status;
  }

  private async loadQueries(): Promise<void> {
    if (!this.socket || !this.exerciseId || !this.teamId) {
      return;
    }
    const teamId = this.teamId;
    const result = await request(this.socket, 'team:queries', { exerciseId: this.exerciseId, teamId });
    if (teamId !== this.teamId) {
      return;
    }
    if (!result.ok) {
      this.queryError = `Loading the queries failed: ${describeError(result.error)}`;
      return;
    }
    this.queryError = '';
    this.queries = result.data;
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('team-viewer-closed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'team-viewer': TeamViewer;
  }
}
