import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { CloudTrailRow } from '../../../../shared/model.js';
import { formatUtc, serviceName } from '../../app/format.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import type { EventPages } from './event-pages.js';
import { visibleRows, type RowWindow } from './virtual-window.js';

/** Height of every body row in CSS pixels; the virtual scroll arithmetic depends on it being fixed. */
export const RowHeight = 28;

/** Performance API entry names of the scroll measurement. */
export const ScrollMark = 'cloudtrail-scroll-start';
export const ScrollMeasure = 'cloudtrail-scroll-render';

const ColumnCount = 7;

/**
 * The CloudTrail event table, virtualised: only the rows in view (plus a margin) are in the DOM,
 * and the pages they need are requested from the server while the user scrolls. Arrow keys,
 * Page Up/Down, Home and End move between rows, Enter or Space opens one.
 *
 * @fires row-select - CustomEvent<CloudTrailRow> when the user opens a row.
 */
@customElement('trail-event-table')
export class TrailEventTable extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .viewport {
        height: clamp(240px, calc(100vh - 420px), 720px);
        overflow-y: auto;
        overflow-x: hidden;
        border: 1px solid var(--color-border);
        border-radius: var(--radius);
      }
      table {
        table-layout: fixed;
        width: 100%;
      }
      thead th {
        position: sticky;
        top: 0;
        z-index: 1;
        background: var(--color-surface);
        height: ${RowHeight}px;
        padding: 0 6px;
        font-size: 12.5px;
        vertical-align: middle;
      }
      tbody tr.event,
      tbody tr.pending {
        height: ${RowHeight}px;
      }
      td {
        padding: 0 6px;
        font-size: 12.5px;
        line-height: ${RowHeight - 1}px;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        vertical-align: middle;
      }
      td.error-code {
        color: var(--color-danger);
      }
      tr.pad td {
        padding: 0;
        border: 0;
      }
      col.col-time {
        width: 170px;
      }
      col.col-user {
        width: 16%;
      }
      col.col-service {
        width: 9%;
      }
      col.col-event {
        width: 19%;
      }
      col.col-region {
        width: 9%;
      }
      col.col-ip {
        width: 15%;
      }
    `,
  ];

  /** The loaded pages of the current filter; a new object means a new filter, and the table scrolls to the top. */
  @property({ attribute: false }) pages: EventPages | null = null;
  /** Bumped by the owner whenever a page arrives, so the table renders the new rows. */
  @property({ type: Number }) revision = 0;
  @property() selectedId = '';

  @state() private window: RowWindow = { first: 0, last: 0 };

  @query('.viewport') private viewport!: HTMLDivElement | null;

  /** True from a scroll that uncovered rows not loaded yet until those rows are rendered. */
  private scrollPending = false;
  private frame = 0;
  /**
   * Watches the viewport's size. The participant view hides inactive tabs, so a list loaded on a
   * hidden tab is sized for a height of 0 and must be sized again when the tab is shown.
   */
  private readonly resizeObserver = new ResizeObserver(() => this.updateWindow());

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('pages')) {
      this.window = { first: 0, last: 0 };
      this.scrollPending = false;
      if (this.viewport) this.viewport.scrollTop = 0;
    }
  }

  override firstUpdated(): void {
    if (this.viewport) this.resizeObserver.observe(this.viewport);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Lit keeps the rendered DOM when the element is moved, so observe it again on reconnection.
    if (this.viewport) this.resizeObserver.observe(this.viewport);
  }

  override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('pages') || changed.has('revision')) this.updateWindow();
    if (this.scrollPending && this.windowLoaded()) {
      this.scrollPending = false;
      performance.measure(ScrollMeasure, ScrollMark);
      performance.clearMarks(ScrollMark);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.frame);
    this.resizeObserver.disconnect();
  }

  override render() {
    const total = this.pages?.total ?? 0;
    const { first, last } = this.window;
    const rows: unknown[] = [];
    for (let index = first; index < last; index += 1) rows.push(this.renderRow(index, this.pages?.rowAt(index)));

    return html`<div class="viewport" tabindex="0" role="region" aria-label="CloudTrail events" data-testid="cloudtrail-viewport" @scroll=${this.onScroll}>
      <table aria-rowcount=${total + 1} data-testid="cloudtrail-table">
        <colgroup>
          <col class="col-time" /><col class="col-user" /><col class="col-service" /><col class="col-event" /><col class="col-region" /><col class="col-ip" /><col />
        </colgroup>
        <thead>
          <tr aria-rowindex="1">
            <th scope="col">Time (UTC)</th>
            <th scope="col">User name</th>
            <th scope="col">Service</th>
            <th scope="col">Event name</th>
            <th scope="col">Region</th>
            <th scope="col">Source IP</th>
            <th scope="col">Error code</th>
          </tr>
        </thead>
        <tbody>
          ${first > 0 ? html`<tr class="pad" aria-hidden="true"><td colspan=${ColumnCount} style="height: ${first * RowHeight}px"></td></tr>` : null}
          ${rows}
          ${last < total ? html`<tr class="pad" aria-hidden="true"><td colspan=${ColumnCount} style="height: ${(total - last) * RowHeight}px"></td></tr>` : null}
        </tbody>
      </table>
    </div>`;
  }

  private renderRow(index: number, row: CloudTrailRow | undefined) {
    if (!row) {
      return html`<tr class="pending" aria-rowindex=${index + 2} data-testid="cloudtrail-row-pending">
        <td colspan=${ColumnCount} class="muted">Loading…</td>
      </tr>`;
    }
    const selected = row.eventId === this.selectedId;
    return html`<tr
      class="event clickable ${selected ? 'selected' : ''}"
      tabindex="0"
      aria-rowindex=${index + 2}
      aria-selected=${selected ? 'true' : 'false'}
      data-testid="cloudtrail-row"
      data-index=${index}
      data-event-id=${row.eventId}
      @click=${() => this.open(row)}
      @keydown=${(event: KeyboardEvent) => this.onRowKey(event, index, row)}
    >
      <td class="mono">${formatUtc(row.eventTime)}</td>
      <td title=${row.userName ?? ''}>${row.userName ?? '—'}</td>
      <td>${serviceName(row.eventSource)}</td>
      <td title=${row.eventName}>${row.eventName}</td>
      <td>${row.awsRegion}</td>
      <td class="mono" title=${row.sourceIpAddress ?? ''}>${row.sourceIpAddress ?? '—'}</td>
      <td class="error-code" title=${row.errorCode ?? ''}>${row.errorCode ?? ''}</td>
    </tr>`;
  }

  private onScroll(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      this.updateWindow();
      if (!this.windowLoaded() && !this.scrollPending) {
        this.scrollPending = true;
        performance.mark(ScrollMark);
      }
    });
  }

  /** Recompute the rendered rows from the scroll position and request the pages they need. */
  private updateWindow(): void {
    const pages = this.pages;
    const viewport = this.viewport;
    if (!pages) {
      this.window = { first: 0, last: 0 };
      return;
    }
    const next = visibleRows(viewport?.scrollTop ?? 0, viewport?.clientHeight ?? 600, RowHeight, pages.total ?? 0);
    if (next.first !== this.window.first || next.last !== this.window.last) this.window = next;
    void pages.ensure(next);
  }

  private windowLoaded(): boolean {
    const pages = this.pages;
    if (!pages || pages.total === null) return false;
    for (let index = this.window.first; index < this.window.last; index += 1) {
      if (!pages.rowAt(index)) return false;
    }
    return true;
  }

  private onRowKey(event: KeyboardEvent, index: number, row: CloudTrailRow): void {
    const total = this.pages?.total ?? 0;
    const perPage = Math.max(1, Math.floor((this.viewport?.clientHeight ?? 0) / RowHeight) - 1);
    const targets: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + perPage,
      PageUp: index - perPage,
      Home: 0,
      End: total - 1,
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.open(row);
    } else if (event.key in targets) {
      event.preventDefault();
      void this.focusRow(Math.min(total - 1, Math.max(0, targets[event.key]!)));
    }
  }

  /** Scroll row `index` into view below the sticky header and focus it once it is rendered and loaded. */
  private async focusRow(index: number): Promise<void> {
    const viewport = this.viewport;
    if (!viewport) return;
    const header = RowHeight;
    const top = header + index * RowHeight;
    if (top - header < viewport.scrollTop) viewport.scrollTop = top - header;
    else if (top + RowHeight > viewport.scrollTop + viewport.clientHeight) viewport.scrollTop = top + RowHeight - viewport.clientHeight;
    this.updateWindow();
    await this.pages?.ensure(this.window);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`tr[data-index="${index}"]`)?.focus({ preventScroll: true });
  }

  private open(row: CloudTrailRow): void {
    this.dispatchEvent(new CustomEvent<CloudTrailRow>('row-select', { detail: row, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trail-event-table': TrailEventTable;
  }
}
