import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ReferenceNoteView } from '../../../shared/model.js';
import { parseMarkdownBlocks, renderInline, type MarkdownBlock } from '../app/markdown-lite.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** The scenario's reference notes: escalation paths, key events, finding types, containment commands. */
@customElement('reference-notes')
export class ReferenceNotes extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(420px, 1fr));
        gap: 16px;
        align-items: start;
      }
      @media (max-width: 500px) {
        :host {
          grid-template-columns: 1fr;
        }
      }
      pre {
        overflow-x: auto;
        padding: var(--space);
        background: var(--color-bg);
        border: 1px solid var(--color-border);
        border-radius: var(--radius);
        font-size: 12px;
      }
      code {
        font-family: var(--font-mono);
        font-size: 0.92em;
      }
      li {
        margin-bottom: 4px;
      }
      .table-scroll {
        overflow-x: auto;
        margin-bottom: var(--space);
      }
      table {
        border-collapse: collapse;
        font-size: 13px;
      }
      th,
      td {
        padding: 4px 8px;
        border-bottom: 1px solid var(--color-border);
        text-align: left;
        vertical-align: top;
      }
    `,
  ];

  @property({ attribute: false }) notes: ReferenceNoteView[] = [];

  override render() {
    if (this.notes.length === 0) {
      return html`<p class="muted" data-testid="reference-empty">This scenario has no reference notes.</p>`;
    }
    return this.notes.map(
      (note) => html`<article class="panel" data-testid="reference-note">
        <h2>${note.title}</h2>
        ${parseMarkdownBlocks(note.body).map((block) => renderBlock(block))}
      </article>`,
    );
  }
}

function renderBlock(block: MarkdownBlock) {
  switch (block.kind) {
    case 'code':
      return html`<pre tabindex="0" aria-label="Commands"><code>${block.text}</code></pre>`;
    case 'table':
      return html`<div class="table-scroll" tabindex="0" data-testid="reference-table">
        <table>
          <thead>
            <tr>
              ${block.header.map((cell) => html`<th scope="col">${renderInline(cell)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${block.rows.map((row) => html`<tr>${row.map((cell) => html`<td>${renderInline(cell)}</td>`)}</tr>`)}
          </tbody>
        </table>
      </div>`;
    case 'list':
      return html`<ul>
        ${block.items.map((item) => html`<li>${renderInline(item)}</li>`)}
      </ul>`;
    default:
      return html`<p>${renderInline(block.text)}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reference-notes': ReferenceNotes;
  }
}
