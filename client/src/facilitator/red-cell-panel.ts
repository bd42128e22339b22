import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { TeamView } from '../../../shared/model.js';
import type { RedState } from '../../../shared/red-blue.js';
import type { AppSocket } from '../net/app-socket.js';
import { describeError, request } from '../net/request.js';
import { describeOutcome, newestFirst, upsertMove } from '../redcell/move-status.js';
import type { MoveDecision } from '../redcell/red-move-list.js';
import '../redcell/red-move-list.js';
import { sharedStyles } from '../styles/shared-styles.js';
import './red-controls.js';
import type { RedControlChange } from './red-controls.js';

/**
 * The red cell section of the exercise console: its mode and pause switch, the moves waiting for
 * approval with Approve and Reject, and every move with its results per team. It watches the
 * exercise's red cell with `red:watch` and stays current from `red:updated`. It fires
 * `red-pending-changed` with the number of moves waiting for approval whenever that number
 * changes, so the console can show it at the top of the page.
 */
@customElement('red-cell-panel')
export class RedCellPanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      h4 {
        margin: 16px 0 6px;
      }
    `,
  ];

  @property({ attribute: false }) socket: AppSocket | null = null;
  @property() exerciseId = '';
  @property({ attribute: false }) teams: TeamView[] = [];

  @state() private redState: RedState | null = null;
  @state() private controlBusy = false;
  @state() private deciding: ReadonlySet<string> = new Set();
  @state() private error = '';
  /** Outcome of the latest Approve or Reject, announced to screen readers. */
  @state() private decisionStatus = '';

  private listening: AppSocket | null = null;
  /** The waiting count last fired, so each change fires once. */
  private firedPending = 0;

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('socket')) {
      this.listen(this.socket);
    }
    if ((changed.has('socket') || changed.has('exerciseId')) && this.socket?.connected && this.exerciseId) {
      this.redState = null;
      void this.watch();
    }
  }

  protected override updated(): void {
    const pending = this.redState?.moves.filter((move) => move.status === 'awaiting-approval').length ?? 0;
    if (pending !== this.firedPending) {
      this.firedPending = pending;
      this.dispatchEvent(new CustomEvent<number>('red-pending-changed', { detail: pending, bubbles: true, composed: true }));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listen(null);
  }

  override render() {
    const redState = this.redState;
    if (!redState) {
      if (!this.error) {
        return html`<p class="muted">Loading the red cell…</p>`;
      }
      return html`<p class="error" role="alert" data-testid="red-panel-error">${this.error}</p>
        <button type="button" data-testid="red-panel-retry" @click=${() => void this.watch()}>Try again</button>`;
    }
    const pending = redState.moves.filter((move) => move.status === 'awaiting-approval');
    return html`
      <red-controls .control=${redState.control} .busy=${this.controlBusy} @red-control-requested=${this.onControlRequested}></red-controls>
      <p data-testid="red-panel-score">Red cell score: <strong>${redState.score}</strong></p>
      ${this.error ? html`<p class="error" role="alert" data-testid="red-panel-error">${this.error}</p>` : null}
      <h4>Waiting for approval (${pending.length})</h4>
      <div data-testid="red-pending">
        <red-move-list .moves=${pending} .teams=${this.teams} emptyText="No moves waiting for approval." decidable .deciding=${this.deciding} @move-decision=${this.onDecision}></red-move-list>
      </div>
      <p role="status" class="muted" data-testid="red-decision-status">${this.decisionStatus}</p>
      <h4>All moves</h4>
      <div data-testid="red-all-moves">
        <red-move-list .moves=${redState.moves} .teams=${this.teams} emptyText="No moves yet. Invite a red cell under Invitations to start."></red-move-list>
      </div>
    `;
  }

  private listen(socket: AppSocket | null): void {
    if (this.listening === socket) {
      return;
    }
    this.listening?.off('red:updated', this.onUpdated);
    this.listening?.off('connect', this.onConnect);
    socket?.on('red:updated', this.onUpdated);
    // Broadcast subscriptions do not survive a reconnect, so the red cell is watched again.
    socket?.on('connect', this.onConnect);
    this.listening = socket;
  }

  private readonly onConnect = (): void => {
    if (this.exerciseId) {
      void this.watch();
    }
  };

  private readonly onUpdated = (update: RedState): void => {
    // NOTE: a state without `exerciseId` cannot be matched to an exercise, so it is applied to this one.
    if (update.exerciseId !== undefined && update.exerciseId !== this.exerciseId) {
      return;
    }
    this.apply(update);
  };

  private async watch(): Promise<void> {
    const exerciseId = this.exerciseId;
    if (!this.socket || !exerciseId) {
      return;
    }
    const result = await request(this.socket, 'red:watch', { exerciseId });
    if (exerciseId !== this.exerciseId) {
      return;
    }
    if (!result.ok) {
      this.error = `Opening the red cell failed: ${describeError(result.error)}`;
      return;
    }
    this.error = '';
    this.apply(result.data);
  }

  private apply(update: RedState): void {
    this.redState = { ...update, moves: newestFirst(update.moves) };
  }

  private async onControlRequested(event: CustomEvent<RedControlChange>): Promise<void> {
    if (!this.socket || !this.redState) {
      return;
    }
    // The switches show the requested settings at once and go back to the stored ones on failure.
    const stored = this.redState.control;
    this.redState = { ...this.redState, control: { ...stored, ...event.detail } };
    this.controlBusy = true;
    const result = await request(this.socket, 'red:control', { exerciseId: this.exerciseId, ...event.detail });
    this.controlBusy = false;
    if (!result.ok) {
      this.error = `Changing the red cell settings failed: ${describeError(result.error)}`;
      this.redState = { ...this.redState, control: stored };
      return;
    }
    this.error = '';
    this.redState = { ...this.redState, control: result.data };
  }

  private async onDecision(event: CustomEvent<MoveDecision>): Promise<void> {
    const { moveId, approve } = event.detail;
    if (!this.socket || this.deciding.has(moveId)) {
      return;
    }
    this.deciding = new Set([...this.deciding, moveId]);
    const result = await request(this.socket, 'red:decide', { exerciseId: this.exerciseId, moveId, approve });
    const remaining = new Set(this.deciding);
    remaining.delete(moveId);
    this.deciding = remaining;
    if (!result.ok) {
      this.error = `${approve ? 'Approving' : 'Rejecting'} the move failed: ${describeError(result.error)}`;
      this.decisionStatus = '';
      return;
    }
    this.error = '';
    const name = `${result.data.mitreId} ${result.data.techniqueName}`;
    this.decisionStatus = approve ? `Approved ${name}. ${describeOutcome(result.data)}` : `Rejected ${name}. The red cell sees it as rejected.`;
    if (this.redState) {
      this.redState = { ...this.redState, moves: upsertMove(this.redState.moves, result.data) };
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'red-cell-panel': RedCellPanel;
  }
}
