import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ScenarioListing } from '../../../shared/events.js';
import type { ExerciseState, ExerciseSummary, ScoreboardUpdate } from '../../../shared/model.js';
import type { SessionEndedDetail } from '../app/app-root.js';
import '../app/restart-banner.js';
import { connectAppSocket, isUnauthenticated, type AppSocket } from '../net/app-socket.js';
import { describeError, request } from '../net/request.js';
import { sharedStyles } from '../styles/shared-styles.js';
import './exercise-control.js';
import type { ExerciseAction } from './exercise-control.js';
import './exercise-create-form.js';

type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

const actionLabels: Record<ExerciseAction, string> = {
  start: 'Starting the exercise',
  advance: 'Releasing the next phase',
  pause: 'Pausing the exercise',
  resume: 'Resuming the exercise',
  end: 'Ending the exercise',
  extend: 'Extending the exercise',
  shorten: 'Shortening the exercise',
};

/** Query parameter that keeps the selected exercise across reloads. */
const exerciseParam = 'exercise';

/** The facilitator's screen: scenarios, exercises, the create form and the selected exercise. */
@customElement('facilitator-console')
export class FacilitatorConsole extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        padding: 16px;
        max-width: 1280px;
        margin: 0 auto;
      }
      header {
        display: flex;
        align-items: center;
        gap: 16px;
        margin-bottom: 16px;
      }
      header h1 {
        margin: 0;
        flex: 1;
      }
      /* With minmax(0, 1fr) a wide table or long link cannot push the main column past the viewport. */
      .layout {
        display: grid;
        grid-template-columns: minmax(260px, 320px) minmax(0, 1fr);
        gap: 16px;
        align-items: start;
      }
      .sidebar {
        display: grid;
        gap: 16px;
        min-width: 0;
      }
      ul.plain {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .exercise-item {
        width: 100%;
        text-align: left;
        margin-bottom: 6px;
      }
      .exercise-item[aria-current='true'] {
        border-color: var(--color-accent);
        background: var(--color-selected);
      }
      @media (max-width: 900px) {
        .layout {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @property() token = '';

  @state() private connection: ConnectionState = 'connecting';
  @state() private connectionError = '';
  @state() private scenarios: ScenarioListing[] = [];
  @state() private exercises: ExerciseSummary[] = [];
  @state() private listError = '';
  @state() private selectedId = new URLSearchParams(window.location.search).get(exerciseParam) ?? '';
  @state() private watched: ExerciseState | null = null;
  @state() private receivedAt = 0;
  @state() private pendingAction: ExerciseAction | '' = '';
  @state() private actionError = '';
  /** The latest store failure reported by the server; it stays until the next successful action. */
  @state() private storeError = '';

  private socket: AppSocket | null = null;

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
    return html`
      <header>
        <h1 data-testid="facilitator-console">Facilitator console</h1>
        <span class="muted" data-testid="connection-status">${this.connectionLabel()}</span>
        <button @click=${this.signOut}>Sign out</button>
      </header>
      <restart-banner .socket=${this.socket}></restart-banner>
      ${this.connectionError ? html`<p class="error" role="alert">${this.connectionError}</p>` : null}
      ${this.listError ? html`<p class="error" role="alert" data-testid="list-error">${this.listError}</p>` : null}
      ${this.storeError ? html`<p class="error" role="alert" data-testid="store-error">${this.storeError}</p>` : null}
      <div class="layout">
        <div class="sidebar">
          <section class="panel">
            <h2>New exercise</h2>
            <exercise-create-form
              .socket=${this.socket}
              .scenarios=${this.scenarios}
              @exercise-created=${this.onExerciseCreated}
            ></exercise-create-form>
          </section>
          <section class="panel">
            <h2>Exercises</h2>
            ${this.renderExerciseList()}
          </section>
          <section class="panel">
            <h2>Scenarios</h2>
            ${this.renderScenarioList()}
          </section>
        </div>
        <exercise-control
          .socket=${this.socket}
          .token=${this.token}
          .exerciseState=${this.watched}
          .receivedAt=${this.receivedAt}
          .pendingAction=${this.pendingAction}
          .error=${this.actionError}
          @exercise-action=${this.onExerciseAction}
        ></exercise-control>
      </div>
    `;
  }

  private renderExerciseList() {
    if (this.exercises.length === 0) {
      return html`<p class="muted">No exercises yet.</p>`;
    }
    return html`<ul class="plain">
      ${repeat(
        this.exercises,
        (exercise) => exercise.id,
        (exercise) => html`<li>
          <button
            class="exercise-item"
            data-testid="exercise-list-item"
            aria-current=${exercise.id === this.selectedId ? 'true' : 'false'}
            @click=${() => this.select(exercise.id)}
          >
            <strong>${exercise.name}</strong>
            <span class="muted">· ${exercise.status} · ${exercise.joinCode}</span>
          </button>
        </li>`,
      )}
    </ul>`;
  }

  private renderScenarioList() {
    if (this.scenarios.length === 0) {
      return html`<p class="muted">No scenarios loaded.</p>`;
    }
    return html`<ul class="plain">
      ${this.scenarios.map(
        (scenario) => html`<li data-testid="scenario-item">
          <strong>${scenario.title}</strong> <span class="muted mono">${scenario.id}</span>
        </li>`,
      )}
    </ul>`;
  }

  private connectionLabel(): string {
    switch (this.connection) {
      case 'connected':
        return 'Connected';
      case 'connecting':
        return 'Connecting…';
      case 'reconnecting':
        return 'Connection lost, reconnecting…';
    }
  }

  private openSocket(): void {
    const socket = connectAppSocket(this.token);
    this.socket = socket;

    socket.on('connect', () => {
      this.connection = 'connected';
      this.connectionError = '';
      void this.loadLists();
      // Broadcast subscriptions do not survive a reconnect, so the selected exercise is watched again.
      if (this.selectedId) {
        void this.watch(this.selectedId);
      }
    });
    socket.on('disconnect', (reason) => {
      this.connection = 'reconnecting';
      // The server closes the socket when an invitation is revoked; the reconnect is then refused.
      if (reason === 'io server disconnect') {
        socket.connect();
      }
    });
    socket.on('connect_error', (error) => {
      if (isUnauthenticated(error)) {
        this.endSession('The facilitator token is no longer accepted. Sign in again with the token the server printed.');
        return;
      }
      this.connection = 'reconnecting';
      this.connectionError = `Could not reach the server (${error.message}). Retrying…`;
    });

    socket.on('exercise:updated', (update) => this.onExerciseUpdated(update));
    socket.on('score:updated', (update) => this.onScoreUpdated(update));
    socket.on('clock:updated', (update) => {
      if (this.watched && this.watched.exercise.id === update.exerciseId) {
        this.watched = { ...this.watched, clock: update.clock, exercise: { ...this.watched.exercise, status: update.clock.status } };
        this.receivedAt = Date.now();
      }
    });
    socket.on('inject:sent', (inject) => {
      // The full state with this inject follows as exercise:updated; refresh now in case it was missed.
      if (this.selectedId && this.watched?.injects.every((known) => known.id !== inject.id)) {
        void this.watch(this.selectedId);
      }
    });
    socket.on('store:failed', (failure) => {
      this.storeError = failure.message;
    });
    socket.on('phase:released', (release) => {
      if (this.selectedId === release.exerciseId) {
        void this.watch(this.selectedId);
      }
    });
  }

  private async loadLists(): Promise<void> {
    if (!this.socket) {
      return;
    }
    const [scenarios, exercises] = await Promise.all([
      request(this.socket, 'scenario:list', undefined),
      request(this.socket, 'exercise:list', undefined),
    ]);

    const errors: string[] = [];
    if (scenarios.ok) {
      this.scenarios = scenarios.data;
    } else {
      errors.push(`Loading scenarios failed: ${describeError(scenarios.error)}`);
    }
    if (exercises.ok) {
      this.exercises = exercises.data;
    } else {
      errors.push(`Loading exercises failed: ${describeError(exercises.error)}`);
    }
    this.listError = errors.join(' ');
  }

  private select(exerciseId: string): void {
    this.selectedId = exerciseId;
    this.watched = null;
    this.actionError = '';
    const url = new URL(window.location.href);
    url.searchParams.set(exerciseParam, exerciseId);
    window.history.replaceState(null, '', url);
    void this.watch(exerciseId);
  }

  private async watch(exerciseId: string): Promise<void> {
    if (!this.socket) {
      return;
    }
    const result = await request(this.socket, 'exercise:watch', { exerciseId });
    if (exerciseId !== this.selectedId) {
      return;
    }
    if (!result.ok) {
      this.actionError = `Opening the exercise failed: ${describeError(result.error)}`;
      return;
    }
    this.applyState(result.data);
  }

  private applyState(update: ExerciseState): void {
    this.watched = update;
    this.receivedAt = Date.now();
    this.exercises = this.exercises.map((exercise) => (exercise.id === update.exercise.id ? update.exercise : exercise));
  }

  private onExerciseCreated(event: CustomEvent<ExerciseSummary>): void {
    const created = event.detail;
    this.exercises = [created, ...this.exercises.filter((exercise) => exercise.id !== created.id)];
    this.select(created.id);
  }

  private onExerciseUpdated(update: ExerciseState): void {
    if (update.exercise.id === this.selectedId) {
      this.applyState(update);
      return;
    }
    this.exercises = this.exercises.map((exercise) => (exercise.id === update.exercise.id ? update.exercise : exercise));
  }

  /** Applies a scoreboard only when its teams are exactly the selected exercise's teams. */
  private onScoreUpdated(update: ScoreboardUpdate): void {
    if (this.watched && this.watched.exercise.id === update.exerciseId) {
      this.watched = { ...this.watched, scoreboard: update.scoreboard, scoreboardFrozen: update.frozen ?? false };
    }
  }

  private async onExerciseAction(event: CustomEvent<ExerciseAction>): Promise<void> {
    if (!this.socket || !this.watched) {
      return;
    }
    const exerciseId = this.watched.exercise.id;
    const action = event.detail;
    this.pendingAction = action;
    this.actionError = '';
    const result = await this.sendAction(action, exerciseId, this.watched.phases.length - 1);
    this.pendingAction = '';
    if (!result.ok) {
      this.actionError = `${actionLabels[action]} failed: ${describeError(result.error)}`;
      return;
    }
    this.storeError = '';
    if (result.data.exercise.id === this.selectedId) {
      this.applyState(result.data);
    }
  }

  private sendAction(action: ExerciseAction, exerciseId: string, currentPhaseIndex: number) {
    const socket = this.socket!;
    switch (action) {
      case 'start':
        return request(socket, 'exercise:start', { exerciseId });
      case 'advance':
        // The phase seen on screen, so a second facilitator's click on the same phase cannot skip the next one.
        return request(socket, 'phase:advance', { exerciseId, expectedPhaseIndex: currentPhaseIndex });
      case 'pause':
        return request(socket, 'exercise:pause', { exerciseId });
      case 'resume':
        return request(socket, 'exercise:resume', { exerciseId });
      case 'end':
        return request(socket, 'exercise:end', { exerciseId });
      case 'extend':
        return request(socket, 'exercise:extend', { exerciseId, minutes: 10 });
      case 'shorten':
        return request(socket, 'exercise:extend', { exerciseId, minutes: -10 });
    }
  }

  private signOut(): void {
    this.endSession('');
  }

  private endSession(reason: string): void {
    this.socket?.disconnect();
    const detail: SessionEndedDetail = { role: 'facilitator', reason };
    this.dispatchEvent(new CustomEvent<SessionEndedDetail>('session-ended', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'facilitator-console': FacilitatorConsole;
  }
}
