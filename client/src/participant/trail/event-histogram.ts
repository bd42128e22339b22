import { LitElement, css, html, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CloudTrailHistogram } from '../../../../shared/model.js';
import { formatUtc } from '../../app/format.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import type { TimeRange } from './time-range.js';

/** Width and height of the chart in SVG units; the chart stretches to the width of its box. */
const ChartWidth = 1000;
const ChartHeight = 80;

/** A pair of bucket indexes, first and last included. */
interface BucketSpan {
  from: number;
  to: number;
}

/**
 * Bars of CloudTrail events over time. Dragging across the bars (or the arrow keys, with Shift to
 * widen) selects whole buckets and fires `range-change` with that time range; Escape clears it.
 *
 * @fires range-change - CustomEvent<TimeRange> with the selected range, or an empty range when cleared.
 */
@customElement('trail-histogram')
export class TrailHistogram extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      svg {
        display: block;
        width: 100%;
        height: 80px;
        cursor: crosshair;
        touch-action: none;
        background: var(--color-bg);
        border: 1px solid var(--color-border);
        border-radius: var(--radius);
      }
      svg:focus-visible {
        outline: 2px solid var(--color-accent);
        outline-offset: 1px;
      }
      .bar {
        fill: var(--color-accent);
        opacity: 0.75;
      }
      .selection {
        fill: var(--color-accent);
        fill-opacity: 0.22;
        stroke: var(--color-accent);
        stroke-width: 2;
        vector-effect: non-scaling-stroke;
      }
      .drag {
        fill: var(--color-accent);
        opacity: 0.2;
      }
      .axis {
        display: flex;
        justify-content: space-between;
        font-size: 12px;
      }
    `,
  ];

  @property({ attribute: false }) histogram: CloudTrailHistogram | null = null;
  @property({ attribute: false }) range: TimeRange = {};

  /** Buckets under the pointer while a drag is in progress. */
  @state() private drag: BucketSpan | null = null;
  private dragAnchor = -1;

  override render() {
    const data = this.histogram;
    if (!data || !data.start || !data.end || data.buckets.length === 0) {
      return html`<p class="muted" data-testid="cloudtrail-histogram-empty">No events released yet.</p>`;
    }
    const count = data.buckets.length;
    const barWidth = ChartWidth / count;
    const max = Math.max(1, ...data.buckets.map((bucket) => bucket.count));
    const selected = this.selectedSpan();
    const minutes = data.bucketSeconds / 60;
    const label =
      `Events over time, ${data.total} matching, in ${count} bars of ${minutes} minutes from ${formatUtc(data.start)} to ${formatUtc(data.end)} UTC. ` +
      'Drag across the bars or use the arrow keys to set the time range; Shift with an arrow key widens it, Escape clears it.';

    return html`
      <svg
        viewBox="0 0 ${ChartWidth} ${ChartHeight}"
        preserveAspectRatio="none"
        role="img"
        tabindex="0"
        aria-label=${label}
        data-testid="cloudtrail-histogram"
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerUp}
        @pointercancel=${() => (this.drag = null)}
        @keydown=${this.onKey}
      >
        ${selected
          ? svg`<rect class="selection" data-testid="cloudtrail-histogram-selection" x=${selected.from * barWidth} y="0"
              width=${(selected.to - selected.from + 1) * barWidth} height=${ChartHeight}></rect>`
          : null}
        ${data.buckets.map((bucket, index) => {
          const height = bucket.count === 0 ? 0 : Math.max(2, (bucket.count / max) * (ChartHeight - 4));
          return svg`<rect class="bar" x=${index * barWidth + barWidth * 0.1} y=${ChartHeight - height}
            width=${barWidth * 0.8} height=${height}><title>${formatUtc(bucket.start)} UTC: ${bucket.count} events</title></rect>`;
        })}
        ${this.drag
          ? svg`<rect class="drag" x=${this.drag.from * barWidth} y="0" width=${(this.drag.to - this.drag.from + 1) * barWidth} height=${ChartHeight}></rect>`
          : null}
      </svg>
      <div class="axis muted mono">
        <span data-testid="cloudtrail-histogram-start">${formatUtc(data.start)}</span>
        <span>${minutes >= 60 ? `${minutes / 60} h` : `${minutes} min`} per bar</span>
        <span data-testid="cloudtrail-histogram-end">${formatUtc(data.end)}</span>
      </div>
    `;
  }

  /** Return the bucket under the pointer, clamped to the chart. */
  private bucketAt(event: PointerEvent): number {
    const count = this.histogram?.buckets.length ?? 0;
    const box = (event.currentTarget as SVGSVGElement).getBoundingClientRect();
    const fraction = box.width > 0 ? (event.clientX - box.left) / box.width : 0;
    return Math.min(count - 1, Math.max(0, Math.floor(fraction * count)));
  }

  private onPointerDown(event: PointerEvent): void {
    if (event.button !== 0) return;
    (event.currentTarget as SVGSVGElement).setPointerCapture(event.pointerId);
    this.dragAnchor = this.bucketAt(event);
    this.drag = { from: this.dragAnchor, to: this.dragAnchor };
  }

  private onPointerMove(event: PointerEvent): void {
    if (!this.drag) return;
    const bucket = this.bucketAt(event);
    this.drag = { from: Math.min(this.dragAnchor, bucket), to: Math.max(this.dragAnchor, bucket) };
  }

  private onPointerUp(event: PointerEvent): void {
    if (!this.drag) return;
    const bucket = this.bucketAt(event);
    const span = { from: Math.min(this.dragAnchor, bucket), to: Math.max(this.dragAnchor, bucket) };
    this.drag = null;
    this.select(span);
  }

  private onKey(event: KeyboardEvent): void {
    const count = this.histogram?.buckets.length ?? 0;
    if (count === 0) return;
    const current = this.selectedSpan();
    let next: BucketSpan | null | undefined;
    if (event.key === 'Escape' || event.key === 'Delete') {
      next = null;
    } else if (event.key === 'Home' || event.key === 'End') {
      const index = event.key === 'Home' ? 0 : count - 1;
      next = { from: index, to: index };
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      const step = event.key === 'ArrowLeft' ? -1 : 1;
      const clamp = (index: number) => Math.min(count - 1, Math.max(0, index));
      if (!current) {
        next = { from: count - 1, to: count - 1 };
      } else if (event.shiftKey) {
        next = { from: current.from, to: Math.max(current.from, clamp(current.to + step)) };
      } else {
        const index = clamp(current.from + step);
        next = { from: index, to: index };
      }
    }
    if (next === undefined) return;
    event.preventDefault();
    this.select(next);
  }

  /** Return the buckets the current range covers, or null when there is no range or it lies outside the chart. */
  private selectedSpan(): BucketSpan | null {
    const data = this.histogram;
    if (!data?.start || (!this.range.start && !this.range.end)) return null;
    const origin = Date.parse(data.start);
    const bucketMs = data.bucketSeconds * 1_000;
    const last = data.buckets.length - 1;
    const index = (time: string | undefined, fallback: number) =>
      time === undefined ? fallback : Math.floor((Date.parse(time) - origin) / bucketMs);
    const from = Math.max(0, index(this.range.start, 0));
    const to = Math.min(last, index(this.range.end, last));
    return from > to ? null : { from, to };
  }

  private select(span: BucketSpan | null): void {
    const data = this.histogram;
    if (!data?.start) return;
    let range: TimeRange = {};
    if (span) {
      const origin = Date.parse(data.start);
      const bucketMs = data.bucketSeconds * 1_000;
      // The list's end is inclusive, so the range ends one second before the next bucket starts.
      range = {
        start: new Date(origin + span.from * bucketMs).toISOString().replace('.000Z', 'Z'),
        end: new Date(origin + (span.to + 1) * bucketMs - 1_000).toISOString().replace('.000Z', 'Z'),
      };
    }
    this.dispatchEvent(new CustomEvent<TimeRange>('range-change', { detail: range, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trail-histogram': TrailHistogram;
  }
}
