import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CloudTrailFilter, CloudTrailPage, CloudTrailRow } from '../../../shared/model.js';
import '../app/json-view.js';
import { formatUtc, serviceName } from '../app/format.js';
import type { AppSocket } from '../net/app-socket.js';
import { describeError, request } from '../net/request.js';
import type { TeamCollab } from '../net/team-collab.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { draftFromCloudTrail } from './timeline-drafts.js';

const pageSize = 50;

const filters: { id: CloudTrailFilter; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'iam', label: 'IAM' },
  { id: 's3', label: 'S3' },
  { id: 'ec2', label: 'EC2' },
  { id: 'suspicious', label: 'Suspicious' },
];

/** Paged CloudTrail event table with quick filters, and the full record of the selected event. */
@customElement('cloudtrail-browser')
export class CloudTrailBrowser extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(280px, 360px);
        gap: 16px;
        align-items: start;
      }
      @media (max-width: 1100px) {
        :host {
          grid-template-columns: 1fr;
        }
      }
      .toolbar {
        display: flex;
        gap: var(--space);
        align-items: center;
        flex-wrap: wrap;
        margin-bottom: var(--space);
      }
      .toolbar .spacer {
        flex: 1;
      }
      button[aria-pressed='true'] {
        background: var(--color-accent);
        border-color: var(--color-accent);
        color: var(--color-accent-text);
      }
      .table-wrap {
        overflow-x: auto;
      }
      th,
      td {
        padding: 4px 6px;
      }
      table {
        width: 100%;
      }
      td {
        font-size: 12.5px;
      }
      /* Only free-form values may break inside a word, so names and regions stay readable. */
      td.breakable {
        overflow-wrap: anywhere;
      }
      td.time {
        min-width: 10ch;
      }
      td.error-code {
        color: var(--color-danger);
      }
      .detail {
        position: sticky;
        top: 8px;
      }
      .actions {
        margin-bottom: var(--space);
      }
    `,
  ];

  @property({ attribute: false }) socket: AppSocket | null = null;
  @property({ attribute: false }) collab: TeamCollab | null = null;
  /** Number of released phases; a change widens the visible window, so the page is loaded again. */
  @property({ type: Number }) phaseCount = 0;

  @state() private filter: CloudTrailFilter = 'all';
  @state() private page: CloudTrailPage | null = null;
  @state() private loading = false;
  @state() private listError = '';
  @state() private selected: CloudTrailRow | null = null;
  @state() private record: Record<string, unknown> | null = null;
  @state() private recordError = '';
  @state() private addStatus = '';

  /** Sequence number of the latest list request, so a slow older response cannot overwrite a newer one. */
  private listRequest = 0;
  private recordRequest = 0;

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('socket') || changed.has('phaseCount')) {
      void this.load(this.page?.offset ?? 0);
    }
  }

  override render() {
    return html`
      <section class="panel">
        <div class="toolbar" role="group" aria-label="Service filter">
          ${filters.map(
            (filter) => html`<button
              data-testid=${`cloudtrail-filter-${filter.id}`}
              aria-pressed=${this.filter === filter.id ? 'true' : 'false'}
              @click=${() => this.setFilter(filter.id)}
            >
              ${filter.label}
            </button>`,
          )}
          <span class="spacer"></span>
          ${this.renderPager()}
        </div>
        ${this.listError ? html`<p class="error" role="alert" data-testid="cloudtrail-error">${this.listError}</p>` : null}
        ${this.renderTable()}
      </section>
      <section class="panel detail" data-testid="cloudtrail-detail">${this.renderDetail()}</section>
    `;
  }

  private renderPager() {
    const page = this.page;
    if (!page) {
      return html`<span class="muted">${this.loading ? 'Loading…' : ''}</span>`;
    }
    const first = page.total === 0 ? 0 : page.offset + 1;
    const last = page.offset + page.rows.length;
    return html`
      <span class="muted" data-testid="cloudtrail-range">${first}–${last} of ${page.total}</span>
      <button
        data-testid="cloudtrail-prev"
        ?disabled=${this.loading || page.offset === 0}
        @click=${() => this.load(Math.max(0, page.offset - pageSize))}
      >
        Previous
      </button>
      <button
        data-testid="cloudtrail-next"
        ?disabled=${this.loading || last >= page.total}
        @click=${() => this.load(page.offset + pageSize)}
      >
        Next
      </button>
    `;
  }

  private renderTable() {
    const rows = this.page?.rows ?? [];
    if (this.phaseCount === 0) {
      return html`<p class="muted" data-testid="cloudtrail-waiting">
        CloudTrail events appear here once the facilitator starts the exercise.
      </p>`;
    }
    if (this.page && rows.length === 0) {
      return html`<p class="muted" data-testid="cloudtrail-empty">No events match this filter yet.</p>`;
    }
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label="CloudTrail events">
      <table>
        <thead>
          <tr>
            <th>Time (UTC)</th>
            <th>User</th>
            <th>Service</th>
            <th>Event</th>
            <th>Region</th>
            <th>Source IP</th>
            <th>Error</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            rows,
            (row) => row.eventId,
            (row) => html`<tr
              class="clickable ${row.eventId === this.selected?.eventId ? 'selected' : ''}"
              tabindex="0"
              data-testid="cloudtrail-row"
              data-event-id=${row.eventId}
              aria-selected=${row.eventId === this.selected?.eventId ? 'true' : 'false'}
              @click=${() => this.select(row)}
              @keydown=${(event: KeyboardEvent) => this.onRowKey(event, row)}
            >
              <td class="mono time">${formatUtc(row.eventTime)}</td>
              <td class="breakable">${row.userName ?? '—'}</td>
              <td>${serviceName(row.eventSource)}</td>
              <td>${row.eventName}</td>
              <td>${row.awsRegion}</td>
              <td class="mono breakable">${row.sourceIpAddress ?? '—'}</td>
              <td class="error-code breakable">${row.errorCode ?? ''}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderDetail() {
    if (!this.selected) {
      return html`<p class="muted">Select an event to see its full record.</p>`;
    }
    const onTimeline = this.collab?.hasRef(this.selected.eventId) ?? false;
    return html`
      <div class="row">
        <h3>${this.selected.eventName}</h3>
        <span class="muted">${formatUtc(this.selected.eventTime)} UTC</span>
      </div>
      <div class="row actions">
        <button
          class="primary"
          data-testid="timeline-add"
          ?disabled=${!this.record || !this.collab || onTimeline}
          @click=${this.addToTimeline}
        >
          ${onTimeline ? 'On the timeline' : 'Add to timeline'}
        </button>
        ${this.addStatus ? html`<span role="status" data-testid="timeline-add-status">${this.addStatus}</span>` : null}
      </div>
      ${this.recordError ? html`<p class="error" role="alert">${this.recordError}</p>` : null}
      ${this.record
        ? html`<json-view .value=${this.record}></json-view>`
        : this.recordError
          ? null
          : html`<p class="muted">Loading the record…</p>`}
    `;
  }

  private setFilter(filter: CloudTrailFilter): void {
    if (filter === this.filter) {
      return;
    }
    this.filter = filter;
    void this.load(0);
  }

  private async load(offset: number): Promise<void> {
    // Before the start the server has no visible window and rejects the request, which is not an error to show.
    if (!this.socket || this.phaseCount === 0) {
      this.listError = '';
      return;
    }
    const requestId = ++this.listRequest;
    this.loading = true;
    const result = await request(this.socket, 'cloudtrail:list', { filter: this.filter, offset, limit: pageSize });
    if (requestId !== this.listRequest) {
      return;
    }
    this.loading = false;
    if (!result.ok) {
      this.page = null;
      this.listError = `Loading events failed: ${describeError(result.error)}`;
      return;
    }
    this.listError = '';
    this.page = result.data;
  }

  private onRowKey(event: KeyboardEvent, row: CloudTrailRow): void {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      void this.select(row);
    }
  }

  private async select(row: CloudTrailRow): Promise<void> {
    if (!this.socket || row.eventId === this.selected?.eventId) {
      return;
    }
    const requestId = ++this.recordRequest;
    this.selected = row;
    this.record = null;
    this.recordError = '';
    this.addStatus = '';

    const result = await request(this.socket, 'cloudtrail:get', { eventId: row.eventId });
    if (requestId !== this.recordRequest) {
      return;
    }
    if (!result.ok) {
      this.recordError = `Loading the record failed: ${describeError(result.error)}`;
      return;
    }
    this.record = result.data;
  }

  private addToTimeline(): void {
    if (!this.collab || !this.selected || !this.record) {
      return;
    }
    const result = this.collab.addEntry(draftFromCloudTrail(this.record, this.selected));
    this.addStatus = result.added ? 'Added to the team timeline.' : 'This event is already on the team timeline.';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cloudtrail-browser': CloudTrailBrowser;
  }
}
