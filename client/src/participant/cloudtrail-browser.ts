import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CloudTrailFilter, CloudTrailHistogram, CloudTrailRow } from '../../../shared/model.js';
import type { CloudTrailAttributes } from '../../../shared/schemas.js';
import type { AppSocket } from '../net/app-socket.js';
import { describeError, request } from '../net/request.js';
import type { TeamCollab } from '../net/team-collab.js';
import { sharedStyles } from '../styles/shared-styles.js';
import './trail/attribute-filter-bar.js';
import './trail/cloudtrail-detail.js';
import './trail/event-histogram.js';
import { EventPages } from './trail/event-pages.js';
import './trail/event-table.js';
import { ordered, type TimeRange } from './trail/time-range.js';
import './trail/time-range-inputs.js';

const quickFilters: { id: CloudTrailFilter; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'iam', label: 'IAM' },
  { id: 's3', label: 'S3' },
  { id: 'ec2', label: 'EC2' },
  { id: 'suspicious', label: 'Suspicious' },
];

/** Performance API entry names of the time from a filter change to the first rendered rows. */
export const FilterMark = 'cloudtrail-filter-start';
export const FilterMeasure = 'cloudtrail-filter-render';

/**
 * The CloudTrail event history: quick filters, attribute filters, a time range set with inputs or
 * by brushing the histogram, a virtualised table paged from the server, and the selected record.
 */
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
      .main {
        display: flex;
        flex-direction: column;
        gap: var(--space);
        min-width: 0;
      }
      .toolbar {
        display: flex;
        gap: var(--space);
        align-items: center;
        flex-wrap: wrap;
      }
      button[aria-pressed='true'] {
        background: var(--color-accent);
        border-color: var(--color-accent);
        color: var(--color-accent-text);
      }
      .detail {
        position: sticky;
        top: 8px;
      }
    `,
  ];

  @property({ attribute: false }) socket: AppSocket | null = null;
  @property({ attribute: false }) collab: TeamCollab | null = null;
  /** Number of released phases; a change widens the visible window, so the data is loaded again. */
  @property({ type: Number }) phaseCount = 0;

  @state() private filter: CloudTrailFilter = 'all';
  @state() private lookups: CloudTrailAttributes = {};
  @state() private range: TimeRange = {};
  @state() private pages: EventPages | null = null;
  @state() private revision = 0;
  @state() private histogram: CloudTrailHistogram | null = null;
  @state() private histogramError = '';
  @state() private selected: CloudTrailRow | null = null;
  @state() private record: Record<string, unknown> | null = null;
  @state() private recordError = '';

  private recordRequest = 0;
  private histogramRequest = 0;
  /** True from a filter change until the first rows for it are rendered. */
  private filterPending = false;

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('socket') || changed.has('phaseCount')) this.reload(false);
  }

  override updated(): void {
    if (this.filterPending && this.pages?.total !== null && this.pages?.total !== undefined) {
      this.filterPending = false;
      // The table renders its rows in its own update, which follows this one.
      void this.renderRoot.querySelector('trail-event-table')?.updateComplete.then(() => {
        performance.measure(FilterMeasure, FilterMark);
        performance.clearMarks(FilterMark);
      });
    }
  }

  override render() {
    return html`
      <section class="panel main">
        <div class="toolbar" role="group" aria-label="Service filter">
          ${quickFilters.map(
            (filter) => html`<button
              data-testid=${`cloudtrail-filter-${filter.id}`}
              aria-pressed=${this.filter === filter.id ? 'true' : 'false'}
              @click=${() => this.setFilter(filter.id)}
            >
              ${filter.label}
            </button>`,
          )}
          <span class="spacer"></span>
          <span class="muted" role="status" data-testid="cloudtrail-total">${this.totalText()}</span>
        </div>
        <trail-filter-bar .lookups=${this.lookups} @attributes-change=${this.onAttributes}></trail-filter-bar>
        <trail-time-range .range=${this.range} @range-change=${this.onRange}></trail-time-range>
        ${this.phaseCount === 0 ? null : html`<trail-histogram .histogram=${this.histogram} .range=${this.range} @range-change=${this.onRange}></trail-histogram>`}
        ${this.histogramError ? html`<p class="error" role="alert">${this.histogramError}</p>` : null}
        ${this.pages?.error ? html`<p class="error" role="alert" data-testid="cloudtrail-error">Loading events failed: ${this.pages.error}</p>` : null}
        ${this.renderTable()}
      </section>
      <section class="panel detail" data-testid="cloudtrail-detail">
        <cloudtrail-detail
          .row=${this.selected}
          .record=${this.record}
          .recordError=${this.recordError}
          .collab=${this.collab}
        ></cloudtrail-detail>
      </section>
    `;
  }

  private totalText(): string {
    const total = this.pages?.total;
    if (total === null || total === undefined) return this.pages ? 'Loading…' : '';
    return `${total.toLocaleString('en-US')} ${total === 1 ? 'event' : 'events'}`;
  }

  private renderTable() {
    if (this.phaseCount === 0) {
      return html`<p class="muted" data-testid="cloudtrail-waiting">CloudTrail events appear here once the facilitator starts the exercise.</p>`;
    }
    if (this.pages?.total === 0) {
      return html`<p class="muted" data-testid="cloudtrail-empty">No released events match these filters. Remove a filter or widen the time range.</p>`;
    }
    return html`<trail-event-table
      .pages=${this.pages}
      .revision=${this.revision}
      .selectedId=${this.selected?.eventId ?? ''}
      @row-select=${(event: CustomEvent<CloudTrailRow>) => this.select(event.detail)}
    ></trail-event-table>`;
  }

  private setFilter(filter: CloudTrailFilter): void {
    if (filter === this.filter) return;
    this.filter = filter;
    this.reload(true);
  }

  private onAttributes(event: CustomEvent<CloudTrailAttributes>): void {
    this.lookups = event.detail;
    this.reload(true);
  }

  private onRange(event: CustomEvent<TimeRange>): void {
    this.range = ordered(event.detail);
    this.reload(true, false);
  }

  /**
   * Start a new event list for the current filters. The table then requests the rows in view from it.
   * `measured` records the time until the rows show; the histogram ignores the time range, so a
   * range change leaves it as it is.
   */
  private reload(measured: boolean, withHistogram = true): void {
    // Before the start the server has no visible window and rejects requests, which is not an error to show.
    if (!this.socket || this.phaseCount === 0) {
      this.pages = null;
      this.histogram = null;
      return;
    }
    // NOTE: a phase release also starts a new list, so the table returns to the newest events.
    const socket = this.socket;
    const criteria = { filter: this.filter, attributes: this.lookups, ...this.range };
    const pages = new EventPages(
      (offset, limit) =>
        request(socket, 'cloudtrail:list', { ...criteria, offset, limit }).then((result) =>
          result.ok ? result : { ok: false as const, error: { ...result.error, message: describeError(result.error) } },
        ),
      () => {
        if (this.pages === pages) this.revision += 1;
      },
    );
    if (measured) {
      performance.mark(FilterMark);
      this.filterPending = true;
    }
    this.pages = pages;
    void pages.ensure({ first: 0, last: 1 });
    if (withHistogram) void this.loadHistogram(socket);
  }

  private async loadHistogram(socket: AppSocket): Promise<void> {
    const requestId = ++this.histogramRequest;
    const result = await request(socket, 'cloudtrail:histogram', { filter: this.filter, attributes: this.lookups });
    if (requestId !== this.histogramRequest) return;
    if (!result.ok) {
      this.histogramError = `Loading the histogram failed: ${describeError(result.error)}`;
      return;
    }
    this.histogramError = '';
    this.histogram = result.data;
  }

  private async select(row: CloudTrailRow): Promise<void> {
    if (!this.socket || row.eventId === this.selected?.eventId) {
      return;
    }
    const requestId = ++this.recordRequest;
    this.selected = row;
    this.record = null;
    this.recordError = '';

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
}

declare global {
  interface HTMLElementTagNameMap {
    'cloudtrail-browser': CloudTrailBrowser;
  }
}
