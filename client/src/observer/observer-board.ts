import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BoardState } from '../../../shared/orchestration.js';
import type { SessionEndedDetail } from '../app/app-root.js';
import '../app/scenario-clock.js';
import '../app/scoreboard-table.js';
import './score-chart.js';
import { connectAppSocket, isUnauthenticated, type AppSocket } from '../net/app-socket.js';
import { describeError, request } from '../net/request.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** The observers' big-screen view: exercise, clock, phase and scoreboard, updated live. It shows no team's work. */
@customElement('observer-board')
export class ObserverBoard extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      /* Sized for a projector: the board fills a wide screen and the type grows with the viewport width. */
      :host {
        display: block;
        padding: 24px 32px;
        max-width: 2400px;
        margin: 0 auto;
        font-size: clamp(1.25rem, 1.45vw, 2.2rem);
      }
      h1 {
        margin-top: 0;
        font-size: 2em;
      }
      .status {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 32px;
        align-items: baseline;
        margin-bottom: 16px;
      }
      .status p {
        margin: 0;
      }
      .columns {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
        gap: 24px;
        align-items: start;
      }
      @media (max-width: 1100px) {
        .columns {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @property() token = '';

  @state() private board: BoardState | null = null;
  @state() private receivedAt = 0;
  @state() private error = '';

  private socket: AppSocket | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    const socket = connectAppSocket(this.token);
    this.socket = socket;
    socket.on('connect', () => void this.load());
    socket.on('disconnect', (reason) => {
      // The server closes the socket when the invitation is revoked; the reconnect is then refused.
      if (reason === 'io server disconnect') {
        socket.connect();
      }
    });
    socket.on('connect_error', (error) => {
      if (isUnauthenticated(error)) {
        const detail: SessionEndedDetail = { role: 'observer', reason: 'This observer link is no longer valid. Ask the facilitator for a new one.' };
        this.dispatchEvent(new CustomEvent<SessionEndedDetail>('session-ended', { detail, bubbles: true, composed: true }));
        return;
      }
      this.error = `Could not reach the server (${error.message}). Retrying…`;
    });
    socket.on('board:updated', (board) => this.apply(board));
    socket.on('clock:updated', (update) => {
      if (this.board && this.board.exerciseId === update.exerciseId) {
        this.apply({ ...this.board, clock: update.clock, status: update.clock.status });
      }
    });
    socket.on('score:updated', (update) => {
      if (this.board && this.board.exerciseId === update.exerciseId) {
        this.board = { ...this.board, scoreboard: update.scoreboard, scoreboardFrozen: update.frozen ?? false };
      }
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.socket?.disconnect();
    this.socket = null;
  }

  override render() {
    const board = this.board;
    if (!board) {
      return html`${this.error ? html`<p class="error" role="alert">${this.error}</p>` : html`<p class="muted">Loading the board…</p>`}`;
    }
    const phase = board.phases.at(-1);
    const frozen = board.scoreboardFrozen ?? false;
    return html`
      <h1 data-testid="board-title">${board.name}</h1>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
      <div class="status">
        <p data-testid="board-phase">${phase ? `Phase ${board.phases.length} of ${board.phaseCount}: ${phase.title}` : 'Not started yet'}</p>
        <scenario-clock .clock=${board.clock} .receivedAt=${this.receivedAt}></scenario-clock>
        ${board.status === 'ended' ? html`<span class="ended-banner" role="status" data-testid="board-ended">Exercise ended</span>` : null}
      </div>
      <div class="columns">
        <section class="panel">
          <scoreboard-table .entries=${board.scoreboard} .frozen=${frozen}></scoreboard-table>
        </section>
        <section class="panel">
          <score-chart .series=${board.scoreSeries ?? []} .teams=${board.scoreboard} .endAt=${board.clock.serverNow}></score-chart>
        </section>
      </div>
    `;
  }

  private async load(): Promise<void> {
    if (!this.socket) {
      return;
    }
    const result = await request(this.socket, 'board:get', undefined);
    if (!result.ok) {
      this.error = `Loading the board failed: ${describeError(result.error)}`;
      return;
    }
    this.error = '';
    this.apply(result.data);
  }

  private apply(board: BoardState): void {
    this.board = board;
    this.receivedAt = Date.now();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'observer-board': ObserverBoard;
  }
}
