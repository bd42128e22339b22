import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared-styles.js';

/**
 * A short notice in the corner of the screen. The owner sets `message` and clears it;
 * the close button fires `toast-dismissed`.
 */
@customElement('toast-notice')
export class ToastNotice extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .toast {
        position: fixed;
        right: 16px;
        bottom: 16px;
        z-index: 10;
        max-width: 420px;
        display: flex;
        gap: var(--space);
        align-items: start;
        padding: 10px 14px;
        border-radius: var(--radius);
        background: #16202a;
        color: #ffffff;
        box-shadow: 0 4px 16px rgb(0 0 0 / 25%);
      }
      button {
        background: transparent;
        color: inherit;
        border: none;
        padding: 0 4px;
      }
    `,
  ];

  @property() message = '';
  @property() testId = 'toast';

  override render() {
    if (!this.message) {
      return null;
    }
    return html`<div class="toast" role="status" data-testid=${this.testId}>
      <span>${this.message}</span>
      <button aria-label="Dismiss" @click=${this.dismiss}>✕</button>
    </div>`;
  }

  private dismiss(): void {
    this.dispatchEvent(new CustomEvent('toast-dismissed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'toast-notice': ToastNotice;
  }
}
