import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import { fromInputValue, InputTimeFormat, toInputValue, type TimeRange } from './time-range.js';

/**
 * From and To inputs of the CloudTrail time range, typed as `YYYY-MM-DD HH:MM:SS` in UTC like the
 * times in the table, whatever the browser's locale. A change applies when
 * the user presses Apply (or Enter), so typing a date does not reload the table at every digit.
 *
 * @fires range-change - CustomEvent<TimeRange> with the range to apply, or an empty range on Clear.
 */
@customElement('trail-time-range')
export class TrailTimeRange extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      form {
        display: flex;
        gap: var(--space);
        align-items: end;
        flex-wrap: wrap;
      }
      label {
        font-size: 12px;
      }
    `,
  ];

  @property({ attribute: false }) range: TimeRange = {};

  @state() private message = '';

  override render() {
    return html`<form @submit=${this.onSubmit} aria-label="Time range">
        <div>
          <label for="from">From (UTC)</label>
          <input id="from" type="text" autocomplete="off" spellcheck="false" class="mono" size="19" placeholder=${InputTimeFormat} data-testid="cloudtrail-from" .value=${toInputValue(this.range.start)} />
        </div>
        <div>
          <label for="to">To (UTC)</label>
          <input id="to" type="text" autocomplete="off" spellcheck="false" class="mono" size="19" placeholder=${InputTimeFormat} data-testid="cloudtrail-to" .value=${toInputValue(this.range.end)} />
        </div>
        <button type="submit" data-testid="cloudtrail-range-apply">Apply range</button>
        <button type="button" data-testid="cloudtrail-range-clear" ?disabled=${!this.range.start && !this.range.end} @click=${this.clear}>
          Clear range
        </button>
      </form>
      ${this.message ? html`<p class="error" role="alert" data-testid="cloudtrail-range-error">${this.message}</p>` : null}`;
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    const read = (id: string) => this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '';
    const fromText = read('from');
    const toText = read('to');
    const start = fromInputValue(fromText);
    const end = fromInputValue(toText);
    if ((fromText && !start) || (toText && !end)) {
      this.message = `Enter times as ${InputTimeFormat} in UTC, for example 2026-05-08 02:17:00, or leave a side empty for an open range.`;
      return;
    }
    if (start && end && Date.parse(start) > Date.parse(end)) {
      this.message = 'The From time is after the To time. Swap them.';
      return;
    }
    this.message = '';
    const range: TimeRange = {};
    if (start) range.start = start;
    if (end) range.end = end;
    this.emit(range);
  }

  private clear(): void {
    this.message = '';
    this.emit({});
  }

  private emit(range: TimeRange): void {
    this.dispatchEvent(new CustomEvent<TimeRange>('range-change', { detail: range, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trail-time-range': TrailTimeRange;
  }
}
