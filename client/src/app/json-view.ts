import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { tokenizeJson } from './json-tokens.js';

/** A value shown as indented, highlighted JSON with a copy button, for raw records and findings. */
@customElement('json-view')
export class JsonView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        position: relative;
      }
      pre {
        margin: 0;
        padding: var(--space);
        max-height: 60vh;
        overflow: auto;
        background: var(--color-bg);
        border: 1px solid var(--color-border);
        border-radius: var(--radius);
        font-family: var(--font-mono);
        font-size: 12px;
        white-space: pre-wrap;
        word-break: break-word;
      }
      .copy {
        position: absolute;
        top: 6px;
        right: 18px;
        font-size: 12px;
        padding: 2px 8px;
      }
      .key {
        color: #8cc4ff;
      }
      .string {
        color: #a5e3a0;
      }
      .number {
        color: #f3b05a;
      }
      .literal {
        color: #e0a3ff;
      }
    `,
  ];

  @property({ attribute: false }) value: unknown = null;

  @state() private copyStatus = '';

  override render() {
    const text = JSON.stringify(this.value, null, 2) ?? 'null';
    return html`<button class="copy" data-testid="json-copy" @click=${() => this.copy(text)}>
        ${this.copyStatus || 'Copy JSON'}
      </button>
      <pre data-testid="json-view" tabindex="0" role="region" aria-label="JSON record">${tokenizeJson(text).map((token) =>
        token.kind === 'plain' ? token.text : html`<span class=${token.kind}>${token.text}</span>`,
      )}</pre>`;
  }

  private async copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copyStatus = 'Copied';
    } catch {
      // Clipboard access needs a secure context (https or localhost) and the page's focus.
      this.copyStatus = 'Copy failed: select the text instead';
    }
    window.setTimeout(() => (this.copyStatus = ''), 2_000);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'json-view': JsonView;
  }
}
