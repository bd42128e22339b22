import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ExerciseState, ProgressUpdate } from '../../../shared/model.js';
import '../app/scenario-clock.js';
import '../app/scoreboard-table.js';
import { sharedStyles } from '../styles/shared-styles.js';
import type { AppSocket } from '../net/app-socket.js';
import './inject-composer.js';
import './inject-log.js';
import './invite-panel.js';
import './score-panel.js';
import './join-link-panel.js';
import './red-cell-panel.js';
import './team-admin-panel.js';
import './team-roster.js';
import './team-progress-table.js';
import type { TeamViewRequest } from './team-progress-table.js';
import './team-viewer.js';

/** Buttons of the control panel; `extend` and `shorten` change the planned length by ten minutes. */
export type ExerciseAction = 'start' | 'advance' | 'pause' | 'resume' | 'end' | 'extend' | 'shorten';

/**
 * The facilitator's view of one exercise: join link, phase, clock, teams and scoreboard.
 * "Start exercise" shows only while the exercise is ready, because it cannot be pressed again.
 * The buttons fire `exercise-action` with the ExerciseAction; the console sends the request.
 */
@customElement('exercise-control')
export class ExerciseControl extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      /* The single track may shrink below its content, so wide tables scroll inside their own box. */
      :host {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 16px;
        min-width: 0;
      }
      .approval-notice {
        margin: 8px 0 0;
        padding: 8px 12px;
        color: var(--color-medium);
        background: var(--color-warning-bg);
        border: 1px solid var(--color-medium);
        border-radius: var(--radius);
        font-weight: 600;
      }
      .approval-notice button {
        margin-left: 8px;
      }
      .status {
        display: inline-block;
        padding: 1px 8px;
        border-radius: 999px;
        background: var(--color-selected);
        font-size: 0.85rem;
        font-weight: 600;
        text-transform: uppercase;
      }
    `,
  ];

  @property({ attribute: false }) exerciseState: ExerciseState | null = null;
  /** Connection the team, inject and invitation panels send their own requests on. */
  @property({ attribute: false }) socket: AppSocket | null = null;
  /** Sign-in token, sent as the bearer token of report downloads. */
  @property({ attribute: false }) token = '';
  @property({ type: Number }) receivedAt = 0;
  /** The action waiting for its ack, if any; its button stays disabled until then. */
  @property() pendingAction: ExerciseAction | '' = '';
  @property() error = '';

  /** The team open in the read-only viewer, if any. */
  @state() private viewed: TeamViewRequest | null = null;
  @state() private progress: ProgressUpdate | null = null;
  /** Red cell moves waiting for the facilitator's approval, as the red cell panel counts them. */
  @state() private pendingRedMoves = 0;

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const previous = changed.get('exerciseState') as ExerciseState | null | undefined;
    if (changed.has('exerciseState') && previous?.exercise.id !== this.exerciseState?.exercise.id) {
      this.viewed = null;
      this.progress = null;
      this.pendingRedMoves = 0;
    }
  }

  override render() {
    const current = this.exerciseState;
    if (!current) {
      return html`<p class="muted">Select or create an exercise.</p>`;
    }

    const { exercise, clock, phases, phaseCount } = current;
    const phase = phases.at(-1);
    const canStart = exercise.status === 'ready';
    const started = exercise.status === 'running' || exercise.status === 'paused';
    const canAdvance = started && phases.length < phaseCount;
    const busy = this.pendingAction !== '';

    return html`
      <section class="panel">
        <div class="row">
          <h2 data-testid="exercise-title">${exercise.name}</h2>
          <span class="status" data-testid="exercise-status">${exercise.status}</span>
        </div>
        <div role="status" data-testid="red-approval-notice">${this.renderApprovalNotice()}</div>
        <join-link-panel .joinCode=${exercise.joinCode}></join-link-panel>
      </section>

      <section class="panel">
        <h3>Phase and clock</h3>
        <p data-testid="phase-title">
          ${phase ? `Phase ${phases.length} of ${phaseCount}: ${phase.title}` : `Not started (${phaseCount} phases)`}
        </p>
        <scenario-clock .clock=${clock} .receivedAt=${this.receivedAt}></scenario-clock>
        ${exercise.status === 'ended'
          ? html`<p><span class="ended-banner" role="status" data-testid="control-ended">
              Exercise ended: answers are closed. The after-action reports download under Scoreboard.
            </span></p>`
          : null}
        <div class="row" style="margin-top: 8px">
          ${canStart
            ? html`<button class="primary" data-testid="start-exercise" ?disabled=${busy} @click=${() => this.fire('start')}>Start exercise</button>`
            : null}
          <button
            data-testid="advance-phase"
            ?disabled=${!canAdvance || this.pendingAction !== ''}
            @click=${() => this.fire('advance')}
          >
            Release next phase
          </button>
          ${exercise.status === 'paused'
            ? html`<button data-testid="resume-exercise" ?disabled=${busy} @click=${() => this.fire('resume')}>Resume</button>`
            : html`<button data-testid="pause-exercise" ?disabled=${exercise.status !== 'running' || busy} @click=${() => this.fire('pause')}>Pause</button>`}
          <button data-testid="extend-exercise" ?disabled=${exercise.status === 'ended' || busy} @click=${() => this.fire('extend')}>+10 min</button>
          <button data-testid="shorten-exercise" ?disabled=${exercise.status === 'ended' || busy} @click=${() => this.fire('shorten')}>−10 min</button>
          <button data-testid="end-exercise" ?disabled=${!started || busy} @click=${this.confirmEnd}>End exercise</button>
        </div>
        ${this.error ? html`<p class="error" role="alert" data-testid="control-error">${this.error}</p>` : null}
      </section>

      <section class="panel">
        <h3>Team progress</h3>
        <team-progress-table
          .socket=${this.socket}
          .exerciseId=${exercise.id}
          @progress-changed=${(event: CustomEvent<ProgressUpdate>) => (this.progress = event.detail)}
          @team-view-requested=${(event: CustomEvent<TeamViewRequest>) => (this.viewed = event.detail)}
        ></team-progress-table>
        ${this.renderViewer(exercise.id)}
      </section>

      <section class="panel">
        <h3>Teams</h3>
        <team-roster .teams=${exercise.teams}></team-roster>
      </section>

      <section class="panel">
        <h3>Scoreboard</h3>
        <scoreboard-table .entries=${current.scoreboard}></scoreboard-table>
        <score-panel
          .socket=${this.socket}
          .exerciseId=${exercise.id}
          .token=${this.token}
          .teams=${exercise.teams}
          .frozen=${current.scoreboardFrozen ?? false}
        ></score-panel>
      </section>

      <section class="panel">
        <h3>Injects</h3>
        <inject-composer .socket=${this.socket} .exerciseId=${exercise.id} .teams=${exercise.teams}></inject-composer>
        <inject-log .socket=${this.socket} .exerciseId=${exercise.id} .injects=${current.injects ?? []} .teams=${exercise.teams}></inject-log>
      </section>

      <section class="panel" data-testid="red-cell-section">
        <h3 id="red-cell-heading" tabindex="-1">Red cell</h3>
        <red-cell-panel
          .socket=${this.socket}
          .exerciseId=${exercise.id}
          .teams=${exercise.teams}
          @red-pending-changed=${(event: CustomEvent<number>) => (this.pendingRedMoves = event.detail)}
        ></red-cell-panel>
      </section>

      <section class="panel">
        <h3>Manage teams</h3>
        <team-admin-panel .socket=${this.socket} .exercise=${exercise}></team-admin-panel>
      </section>

      <section class="panel">
        <h3>Invitations</h3>
        <invite-panel .socket=${this.socket} .exerciseId=${exercise.id}></invite-panel>
      </section>
    `;
  }

  /**
   * Renders the count of red cell moves waiting for approval, with a button to the Red cell
   * section further down. The live region around it stays in the page while empty, so screen
   * readers announce the count when a move arrives.
   */
  private renderApprovalNotice() {
    const count = this.pendingRedMoves;
    if (count === 0) {
      return null;
    }
    const text = count === 1 ? '1 red cell move waits for your approval.' : `${count} red cell moves wait for your approval.`;
    return html`<p class="approval-notice">
      <span data-testid="red-approval-count">${text}</span>
      <button type="button" data-testid="red-approval-open" @click=${this.showRedCell}>Go to the Red cell section</button>
    </p>`;
  }

  /** Scrolls to the Red cell section and focuses its heading, so the next Tab reaches its controls. */
  private showRedCell(): void {
    const heading = this.renderRoot.querySelector<HTMLElement>('#red-cell-heading');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }

  private renderViewer(exerciseId: string) {
    const viewed = this.viewed;
    if (!viewed) {
      return null;
    }
    const queriesRun = this.progress?.teams.find((team) => team.teamId === viewed.teamId)?.queriesRun ?? 0;
    return html`<team-viewer
      .socket=${this.socket}
      .token=${this.token}
      .exerciseId=${exerciseId}
      .teamId=${viewed.teamId}
      .teamName=${viewed.teamName}
      .queriesRun=${queriesRun}
      @team-viewer-closed=${() => (this.viewed = null)}
    ></team-viewer>`;
  }

  private confirmEnd(): void {
    if (window.confirm('End the exercise for every team? The clock stops and answers are closed.')) {
      this.fire('end');
    }
  }

  private fire(action: ExerciseAction): void {
    this.dispatchEvent(new CustomEvent<ExerciseAction>('exercise-action', { detail: action, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'exercise-control': ExerciseControl;
  }
}
