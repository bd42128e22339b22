import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Limits } from '../../../shared/limits.js';
import type { QueryResult } from '../../../shared/model.js';
import { formatCell, plural } from '../app/format.js';
import type { AppSocket } from '../net/app-socket.js';
import { describeError, request } from '../net/request.js';
import { sharedStyles } from '../styles/shared-styles.js';

/**
 * Client-side timeout of `query:run`, set well above the server's default query limit (10 s), so
 * the server's own timeout error normally arrives first.
 */
const queryTimeoutMs = 60_000;

/** SQL editor that runs one statement on the server and shows the result grid. */
@customElement('athena-query')
export class AthenaQuery extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        gap: 16px;
      }
      textarea {
        width: 100%;
        min-height: 160px;
        resize: vertical;
        font-family: var(--font-mono);
        font-size: 13px;
      }
      .results {
        overflow: auto;
        max-height: 60vh;
      }
      td {
        font-family: var(--font-mono);
        font-size: 12px;
        white-space: pre;
      }
      td.null {
        color: var(--color-muted);
        font-style: italic;
      }
      th .type {
        font-weight: normal;
      }
    `,
  ];

  @property({ attribute: false }) socket: AppSocket | null = null;

  @state() private sql = '';
  @state() private running = false;
  @state() private result: QueryResult | null = null;
  @state() private error = '';

  override render() {
    return html`
      <section class="panel">
        <label for="sql">SQL</label>
        <textarea
          id="sql"
          data-testid="query-editor"
          spellcheck="false"
          maxlength=${Limits.sqlMaxLength}
          placeholder="One SELECT statement. Ctrl+Enter runs it."
          .value=${this.sql}
          @input=${(event: Event) => (this.sql = (event.target as HTMLTextAreaElement).value)}
          @keydown=${this.onKeyDown}
        ></textarea>
        <div class="row">
          <button class="primary" data-testid="query-run" ?disabled=${this.running || !this.socket} @click=${this.run}>
            ${this.running ? 'Running…' : 'Run'}
          </button>
          ${this.result ? this.renderSummary(this.result) : null}
        </div>
        ${this.error ? html`<p class="error" role="alert" data-testid="query-error">${this.error}</p>` : null}
      </section>
      ${this.result ? this.renderResult(this.result) : null}
    `;
  }

  private renderSummary(result: QueryResult) {
    const rowSummary = result.truncated
      ? `first ${result.rows.length} of ${plural(result.rowCount, 'row')}`
      : plural(result.rowCount, 'row');
    return html`<span class="muted" data-testid="query-meta">${rowSummary} in ${Math.round(result.elapsedMs)} ms</span>`;
  }

  private renderResult(result: QueryResult) {
    return html`<section class="panel results" data-testid="query-results">
      ${result.rows.length === 0
        ? html`<p class="muted">The query returned no rows.</p>`
        : html`<table>
            <thead>
              <tr>
                ${result.columns.map((column) => html`<th>${column.name} <span class="type muted">${column.type}</span></th>`)}
              </tr>
            </thead>
            <tbody>
              ${result.rows.map(
                (row) => html`<tr data-testid="query-row">
                  ${row.map((cell) => html`<td class=${cell === null ? 'null' : ''}>${formatCell(cell)}</td>`)}
                </tr>`,
              )}
            </tbody>
          </table>`}
    </section>`;
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.run();
    }
  }

  private async run(): Promise<void> {
    const sql = this.sql.trim();
    if (!this.socket || this.running) {
      return;
    }
    if (sql === '') {
      this.error = 'Enter a SQL query first.';
      return;
    }

    this.running = true;
    this.error = '';
    const result = await request(this.socket, 'query:run', { sql }, queryTimeoutMs);
    this.running = false;
    if (!result.ok) {
      this.result = null;
      this.error = describeError(result.error);
      return;
    }
    this.result = result.data;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'athena-query': AthenaQuery;
  }
}
