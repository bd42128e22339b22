import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** A value shown as indented JSON, for raw CloudTrail records and GuardDuty findings. */
@customElement('json-view')
export class JsonView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      pre {
        margin: 0;
        padding: var(--space);
        max-height: 60vh;
        overflow: auto;
        background: #f8fafc;
        border: 1px solid var(--color-border);
        border-radius: var(--radius);
        font-family: var(--font-mono);
        font-size: 12px;
        white-space: pre-wrap;
        word-break: break-word;
      }
    `,
  ];

  @property({ attribute: false }) value: unknown = null;

  override render() {
    return html`<pre data-testid="json-view">${JSON.stringify(this.value, null, 2)}</pre>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'json-view': JsonView;
  }
}
