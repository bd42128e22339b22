import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ClockView } from '../../../shared/model.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { readClock } from './clock.js';
import { formatDuration, formatUtc } from './format.js';

const statusLabels: Record<ClockView['status'], string> = {
  ready: 'Not started',
  running: 'Running',
  paused: 'Paused',
  ended: 'Ended',
};

/** The scenario clock, ticking once a second while the exercise runs. An ended exercise shows no time left. */
@customElement('scenario-clock')
export class ScenarioClock extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: inline-block;
      }
      .time {
        font-family: var(--font-mono);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) clock: ClockView | null = null;
  /** Local time (epoch ms) when `clock` arrived. */
  @property({ type: Number }) receivedAt = 0;

  @state() private now = Date.now();
  private timer: number | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = window.setInterval(() => {
      if (this.clock?.status === 'running') {
        this.now = Date.now();
      }
    }, 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearInterval(this.timer);
  }

  override render() {
    if (!this.clock) {
      return html`<span class="muted" data-testid="scenario-clock">No clock yet</span>`;
    }

    if (this.clock.status === 'ready') {
      return html`<span data-testid="scenario-clock" data-status="ready">
        <span class="time">Not started</span>
        ${typeof this.clock.remainingMs === 'number'
          ? html`<span class="muted" data-testid="clock-remaining">· ${formatDuration(this.clock.remainingMs)} planned</span>`
          : null}
      </span>`;
    }

    const reading = readClock(this.clock, this.receivedAt, Math.max(this.now, this.receivedAt));
    const scenarioTime = reading.scenarioTimeMs === null ? '—' : `${formatUtc(reading.scenarioTimeMs)} UTC`;
    return html`<span data-testid="scenario-clock" data-status=${this.clock.status}>
      <span class="time" title="Scenario time">${scenarioTime}</span>
      <span class="muted">· elapsed ${formatDuration(reading.elapsedMs)}</span>
      ${reading.remainingMs === undefined || this.clock.status === 'ended'
        ? null
        : html`<span class="muted" data-testid="clock-remaining">· ${formatDuration(reading.remainingMs)} left</span>`}
      ${this.clock.status === 'running' ? null : html`<span class="muted" data-testid="clock-status">· ${statusLabels[this.clock.status]}</span>`}
    </span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'scenario-clock': ScenarioClock;
  }
}
