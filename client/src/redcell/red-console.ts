import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { RedCatalog, RedMoveView, RedState } from '../../../shared/red-blue.js';
import type { SessionEndedDetail } from '../app/app-root.js';
import '../app/restart-banner.js';
import { connectAppSocket, isUnauthenticated, type AppSocket } from '../net/app-socket.js';
import { describeError, request } from '../net/request.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { appliedCount, newestFirst, upsertMove, type TeamName } from './move-status.js';
import './red-move-form.js';
import type { RedMoveForm } from './red-move-form.js';
import './red-move-list.js';
import './technique-catalog.js';
import './technique-summary.js';
import type { TechniqueSummary } from './technique-summary.js';

type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

/**
 * The red cell's screen: the technique catalog, the move form of the chosen technique, and the
 * moves made so far with their results per team and the red cell's score, kept live from
 * `red:updated`.
 */
@customElement('red-console')
export class RedConsole extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        position: relative;
        padding: 16px;
        max-width: 1400px;
        margin: 0 auto;
      }
      header {
        display: flex;
        align-items: center;
        gap: 16px;
        margin-bottom: 16px;
        flex-wrap: wrap;
      }
      header h1 {
        margin: 0;
        flex: 1;
      }
      .score {
        font-size: 1.1rem;
        font-weight: 700;
      }
      .paused {
        color: var(--color-medium);
        background: var(--color-warning-bg);
        border: 1px solid var(--color-medium);
        border-radius: var(--radius);
        padding: 8px 12px;
        font-weight: 600;
        margin: 0 0 16px;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(240px, 340px) minmax(0, 1fr);
        gap: 16px;
        align-items: start;
        margin-bottom: 16px;
      }
      /* One track that may shrink below its content, so a wide results table scrolls in its own box. */
      .work {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 16px;
        min-width: 0;
      }
      /* Out of sight until a keyboard user reaches it with the first Tab. */
      .skip-link {
        position: absolute;
        left: 16px;
        top: 8px;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      .skip-link:focus {
        width: auto;
        height: auto;
        clip-path: none;
        z-index: 10;
        padding: 6px 12px;
        background: var(--color-surface);
        border: 2px solid var(--color-accent);
        border-radius: var(--radius);
      }
      @media (max-width: 900px) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @property() token = '';

  @state() private connection: ConnectionState = 'connecting';
  @state() private catalogError = '';
  @state() private stateError = '';
  @state() private catalog: RedCatalog | null = null;
  @state() private redState: RedState | null = null;
  @state() private selectedId = '';

  private socket: AppSocket | null = null;

  @query('red-move-form') private moveForm!: RedMoveForm | null;
  @query('technique-summary') private summary!: TechniqueSummary | null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.openSocket();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.socket?.disconnect();
    this.socket = null;
  }

  override render() {
    const catalog = this.catalog;
    const redState = this.redState;
    const control = redState?.control ?? catalog?.control;
    const technique = catalog?.techniques.find((candidate) => candidate.id === this.selectedId) ?? null;
    const teams = catalog?.teams ?? [];

    return html`
      <a class="skip-link" href="#move-form" data-testid="skip-to-move-form" @click=${this.skipToMoveForm}>Skip to the move form</a>
      <header>
        <h1 data-testid="red-console">Red cell console</h1>
        ${redState ? html`<span class="score" data-testid="red-score">Score: ${redState.score}</span>` : null}
        ${control ? html`<span class="muted" data-testid="red-mode">${control.mode === 'approve' ? 'Each move waits for the facilitator\'s approval' : 'Moves apply at once'}</span>` : null}
        <span class="muted" data-testid="connection-status">${connectionLabel(this.connection)}</span>
        <button type="button" @click=${() => this.endSession('')}>Sign out</button>
      </header>
      <restart-banner .socket=${this.socket}></restart-banner>
      ${control?.paused
        ? html`<p class="paused" role="status" data-testid="red-paused">The facilitator has paused the red cell. Moves are on hold until it is resumed.</p>`
        : null}
      ${this.catalogError ? html`<p class="error" role="alert" data-testid="red-error">${this.catalogError}</p>` : null}
      ${this.stateError ? html`<p class="error" role="alert" data-testid="red-error">${this.stateError}</p>` : null}
      ${catalog
        ? html`<div class="layout">
            <section class="panel" aria-labelledby="catalog-heading">
              <h2 id="catalog-heading">Techniques</h2>
              <technique-catalog
                .techniques=${catalog.techniques}
                .selectedId=${this.selectedId}
                @technique-selected=${(event: CustomEvent<string>) => this.selectTechnique(event.detail)}
              ></technique-catalog>
            </section>
            <div class="work">
              <section class="panel" id="move-form" tabindex="-1" aria-label="Chosen technique">
                <technique-summary .technique=${technique}></technique-summary>
                <red-move-form
                  .socket=${this.socket}
                  .technique=${technique}
                  .catalog=${catalog}
                  .teams=${teams}
                  .moves=${redState?.moves ?? []}
                  .paused=${control?.paused ?? false}
                  @move-submitted=${(event: CustomEvent<RedMoveView>) => this.onMoveSubmitted(event.detail)}
                ></red-move-form>
              </section>
              ${this.renderMoves(redState, teams)}
            </div>
          </div>`
        : html`${this.catalogError ? null : html`<p class="muted">Loading the technique catalog…</p>`} ${this.renderMoves(redState, teams)}`}
    `;
  }

  /**
   * Opens a technique and moves the keyboard focus to its name, so the next Tab reaches the move
   * form instead of the rest of the catalog.
   */
  private async selectTechnique(techniqueId: string): Promise<void> {
    this.selectedId = techniqueId;
    await this.updateComplete;
    await this.summary?.updateComplete;
    this.summary?.focusHeading();
  }

  /**
   * Focuses the first field of the move form, or its section while no technique is open. The
   * link's own target is not followed because it would change the address.
   */
  private skipToMoveForm(event: Event): void {
    event.preventDefault();
    if (this.moveForm?.focusFirstField()) {
      return;
    }
    this.renderRoot.querySelector<HTMLElement>('#move-form')?.focus();
  }

  /** Renders the moves, which sit under the form so that a move's outcome shows beside the form that sent it. */
  private renderMoves(redState: RedState | null, teams: readonly TeamName[]) {
    return html`<section class="panel" aria-labelledby="moves-heading">
      <h2 id="moves-heading">Moves</h2>
      <red-move-list .moves=${redState?.moves ?? []} .teams=${teams}></red-move-list>
    </section>`;
  }

  private openSocket(): void {
    const socket = connectAppSocket(this.token);
    this.socket = socket;

    socket.on('connect', () => {
      this.connection = 'connected';
      // Broadcasts missed while disconnected are not replayed, so both are fetched on every connect.
      void this.load();
    });
    socket.on('disconnect', (reason) => {
      this.connection = 'reconnecting';
      // The server closes the socket when the invitation is revoked, and the reconnect is then rejected.
      if (reason === 'io server disconnect') {
        socket.connect();
      }
    });
    socket.on('connect_error', (error) => {
      if (isUnauthenticated(error)) {
        this.endSession('This red cell link is no longer valid. Ask the facilitator for a new one.');
        return;
      }
      this.connection = 'reconnecting';
      console.warn('Connecting to the server failed', error);
    });
    socket.on('red:updated', (update) => this.applyState(update));
  }

  private async load(): Promise<void> {
    await Promise.all([this.loadCatalog(), this.loadState()]);
  }

  private async loadCatalog(): Promise<void> {
    if (!this.socket) {
      return;
    }
    const result = await request(this.socket, 'red:catalog', undefined);
    if (!result.ok) {
      this.catalogError = `Loading the technique catalog failed: ${describeError(result.error)}`;
      return;
    }
    this.catalogError = '';
    this.catalog = result.data;
  }

  private async loadState(): Promise<void> {
    if (!this.socket) {
      return;
    }
    const result = await request(this.socket, 'red:state', undefined);
    if (!result.ok) {
      this.stateError = `Loading the moves failed: ${describeError(result.error)}`;
      return;
    }
    this.stateError = '';
    this.applyState(result.data);
  }

  /** Applies a state. A newly applied move changes the account, so the targets are fetched again. */
  private applyState(update: RedState): void {
    const before = this.redState ? appliedCount(this.redState.moves) : 0;
    this.redState = { ...update, moves: newestFirst(update.moves) };
    if (appliedCount(update.moves) > before && this.catalog) {
      void this.loadCatalog();
    }
  }

  /** Shows the move at once, before the `red:updated` broadcast that carries it too. */
  private onMoveSubmitted(move: RedMoveView): void {
    const current = this.redState ?? { control: this.catalog?.control ?? { mode: 'auto', paused: false }, moves: [], score: 0 };
    this.applyState({ ...current, moves: upsertMove(current.moves, move) });
  }

  private endSession(reason: string): void {
    this.socket?.disconnect();
    const detail: SessionEndedDetail = { role: 'red', reason };
    this.dispatchEvent(new CustomEvent<SessionEndedDetail>('session-ended', { detail, bubbles: true, composed: true }));
  }
}

function connectionLabel(connection: ConnectionState): string {
  switch (connection) {
    case 'connected':
      return 'Connected';
    case 'connecting':
      return 'Connecting…';
    case 'reconnecting':
      return 'Connection lost, reconnecting…';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'red-console': RedConsole;
  }
}
