import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { QueryHistoryEntry } from '../../../shared/model.js';
import { formatUtc, plural } from '../app/format.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** The team's query history, newest first; fires `query-picked` with the SQL of a chosen entry. */
@customElement('query-history')
export class QueryHistory extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        max-height: 40vh;
        overflow: auto;
      }
      li {
        padding: 6px 0;
        border-bottom: 1px solid var(--color-border);
      }
      .sql {
        display: block;
        width: 100%;
        text-align: left;
        font-family: var(--font-mono);
        font-size: 12px;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) entries: QueryHistoryEntry[] = [];

  override render() {
    if (this.entries.length === 0) {
      return html`<p class="muted" data-testid="query-history-empty">No queries run by your team yet.</p>`;
    }
    const newestFirst = [...this.entries].sort((a, b) => b.ranAt.localeCompare(a.ranAt));
    return html`<ol data-testid="query-history" tabindex="0" aria-label="Queries run by the team">
      ${repeat(
        newestFirst,
        (entry) => entry.id,
        (entry) => html`<li data-testid="query-history-entry">
          <button class="sql" title="Put this query in the editor" @click=${() => this.pick(entry.sql)}>${entry.sql}</button>
          <span class="muted">
            ${entry.displayName} · ${formatUtc(entry.ranAt)} UTC ·
            ${entry.ok ? `${plural(entry.rowCount ?? 0, 'row')} in ${Math.round(entry.elapsedMs ?? 0)} ms` : html`<span class="error">failed</span>`}
          </span>
        </li>`,
      )}
    </ol>`;
  }

  private pick(sql: string): void {
    this.dispatchEvent(new CustomEvent<string>('query-picked', { detail: sql, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'query-history': QueryHistory;
  }
}
