import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { RedControl } from '../../../shared/red-blue.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** Detail of `red-control-requested`: the settings to change, as `red:control` takes them. */
export type RedControlChange = Partial<RedControl>;

/**
 * The facilitator's switches of the red cell: whether moves apply at once or wait for approval,
 * and pause or resume. They fire `red-control-requested`, and the panel sends the request.
 */
@customElement('red-controls')
export class RedControls extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      fieldset {
        border: none;
        margin: 0;
        padding: 0;
      }
      legend {
        font-weight: 600;
        margin-bottom: 4px;
      }
      label {
        display: inline-flex;
        gap: 6px;
        align-items: center;
        font-weight: normal;
        margin-right: 16px;
      }
    `,
  ];

  @property({ attribute: false }) control: RedControl | null = null;
  /**
   * Set while a change waits for the server, and the switches stay disabled until then. The radios
   * are bound with `live`, so a rejected change puts the stored mode back on screen.
   */
  @property({ type: Boolean }) busy = false;

  override render() {
    const control = this.control;
    if (!control) {
      return null;
    }
    return html`<div class="row">
      <fieldset>
        <legend>Red cell moves</legend>
        <label>
          <input type="radio" name="red-mode" value="auto" data-testid="red-mode-auto" .checked=${live(control.mode === 'auto')} ?disabled=${this.busy}
            @change=${() => this.request({ mode: 'auto' })} />
          Apply at once
        </label>
        <label>
          <input type="radio" name="red-mode" value="approve" data-testid="red-mode-approve" .checked=${live(control.mode === 'approve')} ?disabled=${this.busy}
            @change=${() => this.request({ mode: 'approve' })} />
          Wait for my approval
        </label>
      </fieldset>
      <span class="spacer"></span>
      ${control.paused
        ? html`<span class="frozen-badge" data-testid="red-paused-badge">Red cell paused</span>
            <button type="button" data-testid="red-resume" ?disabled=${this.busy} @click=${() => this.request({ paused: false })}>Resume red cell</button>`
        : html`<button type="button" data-testid="red-pause" ?disabled=${this.busy} @click=${() => this.request({ paused: true })}>Pause red cell</button>`}
    </div>`;
  }

  private request(change: RedControlChange): void {
    this.dispatchEvent(new CustomEvent<RedControlChange>('red-control-requested', { detail: change, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'red-controls': RedControls;
  }
}
