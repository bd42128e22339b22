import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { NamedQueryView, QueryHistoryEntry, QueryResult } from '../../../shared/model.js';
import { formatCell, plural } from '../app/format.js';
import type { AppSocket } from '../net/app-socket.js';
import { randomId } from '../net/random-id.js';
import { describeError, request } from '../net/request.js';
import { loadViewItem, saveViewItem } from '../net/view-prefs.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { columnLabel, resultToCsv } from './query-csv.js';
import './athena-editor.js';
import './query-history.js';

/**
 * Client-side timeout of `query:run`, set well above the server's default query limit (10 s), so
 * the server's own timeout error normally arrives first.
 */
const queryTimeoutMs = 60_000;

/** Maximum number of team history entries kept in the view; older ones are dropped. */
const historyMax = 200;

/** SQL editor with presets, run and cancel, the result grid with CSV download, and the team's history. */
@customElement('athena-query')
export class AthenaQuery extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(260px, 360px);
        gap: 16px;
        align-items: start;
      }
      @media (max-width: 1000px) {
        :host {
          grid-template-columns: 1fr;
        }
      }
      .main {
        display: grid;
        gap: 16px;
        min-width: 0;
      }
      .editor-title {
        font-size: 1rem;
        margin: 0;
      }
      athena-editor {
        margin: var(--space) 0;
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
      .spinner {
        display: inline-block;
        width: 12px;
        height: 12px;
        border: 2px solid var(--color-muted);
        border-top-color: transparent;
        border-radius: 50%;
        animation: spin 0.8s linear infinite;
        vertical-align: middle;
      }
      @keyframes spin {
        to {
          transform: rotate(360deg);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .spinner {
          animation: none;
        }
      }
    `,
  ];

  @property({ attribute: false }) socket: AppSocket | null = null;
  /** Exercise whose editor text is kept across reloads. */
  @property() exerciseId = '';

  @state() private sql = '';
  @state() private runningId: string | null = null;
  @state() private result: QueryResult | null = null;
  @state() private error = '';
  @state() private presets: NamedQueryView[] = [];
  @state() private history: QueryHistoryEntry[] = [];

  private listening: AppSocket | null = null;

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('exerciseId') && this.exerciseId) {
      this.sql = loadViewItem(this.exerciseId, 'sql') ?? this.sql;
    }
    if (changed.has('socket')) {
      this.listen(this.socket);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listen(null);
  }

  override render() {
    const running = this.runningId !== null;
    return html`
      <div class="main">
        <section class="panel">
          <div class="row">
            <h2 class="editor-title">SQL over <code>cloudtrail_logs</code> and <code>guardduty_findings</code></h2>
            <span class="spacer"></span>
            ${this.renderPresets()}
          </div>
          <athena-editor
            .value=${this.sql}
            @sql-input=${(event: CustomEvent<string>) => this.setSql(event.detail)}
            @sql-run=${() => void this.run()}
          ></athena-editor>
          <div class="row">
            <button class="primary" data-testid="query-run" ?disabled=${running || !this.socket} @click=${this.run}>Run</button>
            ${running
              ? html`<span role="status" data-testid="query-running"><span class="spinner" aria-hidden="true"></span> Running…</span>
                  <button data-testid="query-cancel" @click=${this.cancel}>Cancel</button>`
              : null}
            ${this.result && !running ? this.renderSummary(this.result) : null}
            ${this.result && !running && this.result.rows.length > 0
              ? html`<button data-testid="query-csv" @click=${this.downloadCsv}>Download CSV</button>`
              : null}
          </div>
          ${this.error ? html`<p class="error" role="alert" data-testid="query-error">${this.error}</p>` : null}
        </section>
        ${this.result ? this.renderResult(this.result) : null}
      </div>
      <section class="panel" aria-labelledby="history-title">
        <h2 id="history-title">Team query history</h2>
        <query-history .entries=${this.history} @query-picked=${(event: CustomEvent<string>) => this.setSql(event.detail)}></query-history>
      </section>
    `;
  }

  private renderPresets() {
    if (this.presets.length === 0) {
      return null;
    }
    return html`<select aria-label="Preset queries" data-testid="query-presets" @change=${this.onPresetChange}>
      <option value="">Presets…</option>
      ${this.presets.map((preset) => html`<option value=${preset.id} title=${preset.description}>${preset.name}</option>`)}
    </select>`;
  }

  private renderSummary(result: QueryResult) {
    const rowSummary = result.truncated
      ? `first ${result.rows.length} of ${plural(result.rowCount, 'row')}`
      : plural(result.rowCount, 'row');
    return html`<span class="muted" data-testid="query-meta">${rowSummary} in ${Math.round(result.elapsedMs)} ms</span>`;
  }

  private renderResult(result: QueryResult) {
    return html`<section class="panel results" data-testid="query-results" tabindex="0" aria-label="Query results">
      ${result.rows.length === 0
        ? html`<p class="muted">The query returned no rows.</p>`
        : html`<table>
            <thead>
              <tr>
                ${result.columns.map((column) => html`<th title=${`${column.name} (${column.type})`}>${columnLabel(column)}</th>`)}
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

  private setSql(sql: string): void {
    this.sql = sql;
    if (this.exerciseId) {
      saveViewItem(this.exerciseId, 'sql', sql);
    }
  }

  private onPresetChange(event: Event): void {
    const select = event.target as HTMLSelectElement;
    const preset = this.presets.find((candidate) => candidate.id === select.value);
    if (preset) {
      this.setSql(preset.sql);
    }
    select.value = '';
  }

  private async run(): Promise<void> {
    const sql = this.sql.trim();
    if (!this.socket || this.runningId !== null) {
      return;
    }
    if (sql === '') {
      this.error = 'Enter a SQL query first.';
      return;
    }

    const queryId = randomId();
    this.runningId = queryId;
    this.error = '';
    const result = await request(this.socket, 'query:run', { sql, queryId }, queryTimeoutMs);
    if (this.runningId !== queryId) {
      return;
    }
    this.runningId = null;
    if (!result.ok) {
      this.result = null;
      this.error = describeError(result.error);
      return;
    }
    this.result = result.data;
  }

  private async cancel(): Promise<void> {
    const queryId = this.runningId;
    if (!this.socket || queryId === null) {
      return;
    }
    const result = await request(this.socket, 'query:cancel', { queryId });
    if (!result.ok) {
      this.error = `Cancelling the query failed: ${describeError(result.error)}`;
    }
    // The run's own ack follows with the cancellation error and ends the running state.
  }

  private downloadCsv(): void {
    if (!this.result) {
      return;
    }
    const blob = new Blob([resultToCsv(this.result)], { type: 'text/csv;charset=utf-8' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'query-result.csv';
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  private readonly onRecorded = (entry: QueryHistoryEntry): void => {
    if (!this.history.some((known) => known.id === entry.id)) {
      this.history = [...this.history, entry].slice(-historyMax);
    }
  };

  private readonly onConnect = (): void => {
    void this.loadLists();
  };

  private listen(socket: AppSocket | null): void {
    this.listening?.off('query:recorded', this.onRecorded);
    this.listening?.off('connect', this.onConnect);
    this.listening = socket;
    socket?.on('query:recorded', this.onRecorded);
    socket?.on('connect', this.onConnect);
    if (socket?.connected) {
      void this.loadLists();
    }
  }

  private async loadLists(): Promise<void> {
    if (!this.socket) {
      return;
    }
    const [presets, history] = await Promise.all([request(this.socket, 'query:presets', undefined), request(this.socket, 'query:history', undefined)]);
    if (presets.ok) {
      this.presets = presets.data;
    }
    if (history.ok) {
      this.history = history.data.slice(-historyMax);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'athena-query': AthenaQuery;
  }
}
