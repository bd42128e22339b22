import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CloudTrailRow } from '../../../../shared/model.js';
import '../../app/json-view.js';
import { formatUtc } from '../../app/format.js';
import type { TeamCollab } from '../../net/team-collab.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import { draftFromCloudTrail } from '../timeline-drafts.js';
import { copyText } from './clipboard.js';

/** The selected CloudTrail event: its full record as highlighted JSON, copy buttons and "Add to timeline". */
@customElement('cloudtrail-detail')
export class CloudTrailDetail extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .actions {
        margin-bottom: var(--space);
      }
      h3 {
        margin: 0;
      }
      .heading {
        margin-bottom: var(--space);
      }
    `,
  ];

  @property({ attribute: false }) row: CloudTrailRow | null = null;
  /** The full record, or null while it loads or when loading failed. */
  @property({ attribute: false }) record: Record<string, unknown> | null = null;
  @property() recordError = '';
  @property({ attribute: false }) collab: TeamCollab | null = null;

  @state() private addStatus = '';
  @state() private copyStatus = '';

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('row')) {
      this.addStatus = '';
      this.copyStatus = '';
    }
  }

  override render() {
    const row = this.row;
    if (!row) {
      return html`<p class="muted">Select an event to see its full record.</p>`;
    }
    const onTimeline = this.collab?.hasRef(row.eventId) ?? false;
    return html`
      <div class="heading">
        <h3 data-testid="cloudtrail-detail-name">${row.eventName}</h3>
        <span class="muted">${formatUtc(row.eventTime)} UTC · ${row.userName ?? 'unknown user'}</span>
      </div>
      <div class="row actions">
        <button class="primary" data-testid="timeline-add" ?disabled=${!this.record || !this.collab || onTimeline} @click=${this.addToTimeline}>
          ${onTimeline ? 'On the timeline' : 'Add to timeline'}
        </button>
        <button data-testid="cloudtrail-copy-id" @click=${() => this.copy(row.eventId, 'Event ID copied.')}>Copy event ID</button>
        <button data-testid="cloudtrail-copy-record" ?disabled=${!this.record} @click=${this.copyRecord}>Copy record</button>
      </div>
      ${this.addStatus ? html`<p role="status" data-testid="timeline-add-status">${this.addStatus}</p>` : null}
      ${this.copyStatus ? html`<p role="status" data-testid="cloudtrail-copy-status">${this.copyStatus}</p>` : null}
      ${this.recordError ? html`<p class="error" role="alert">${this.recordError}</p>` : null}
      ${this.record
        ? html`<json-view .value=${this.record}></json-view>`
        : this.recordError
          ? null
          : html`<p class="muted">Loading the record…</p>`}
    `;
  }

  private copyRecord(): void {
    if (this.record) void this.copy(JSON.stringify(this.record, null, 2), 'Record copied as JSON.');
  }

  private async copy(text: string, done: string): Promise<void> {
    this.copyStatus = (await copyText(text)) ? done : 'Copy failed: select the text instead.';
  }

  private addToTimeline(): void {
    if (!this.collab || !this.row || !this.record) {
      return;
    }
    const result = this.collab.addEntry(draftFromCloudTrail(this.record, this.row));
    this.addStatus = result.added ? 'Added to the team timeline.' : 'This event is already on the team timeline.';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cloudtrail-detail': CloudTrailDetail;
  }
}
