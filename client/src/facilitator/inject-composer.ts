import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Limits } from '../../../shared/limits.js';
import type { TeamView } from '../../../shared/model.js';
import type { AppSocket } from '../net/app-socket.js';
import { randomId } from '../net/random-id.js';
import { describeError, request } from '../net/request.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** Writes an inject to every team or one team: a message, optionally with a question and the points it is worth. */
@customElement('inject-composer')
export class InjectComposer extends LitElement {
  static override styles = [sharedStyles];

  @property({ attribute: false }) socket: AppSocket | null = null;
  @property() exerciseId = '';
  @property({ attribute: false }) teams: TeamView[] = [];

  @state() private teamId = '';
  @state() private message = '';
  @state() private question = '';
  @state() private maxPoints = 0;
  @state() private busy = false;
  @state() private status = '';
  @state() private error = '';

  override render() {
    return html`<form @submit=${this.onSubmit} novalidate>
      <div class="field">
        <label for="inject-team">Send to</label>
        <select id="inject-team" data-testid="inject-team" .value=${this.teamId} @change=${(event: Event) => (this.teamId = (event.target as HTMLSelectElement).value)}>
          <option value="">Every team</option>
          ${this.teams.map((team) => html`<option value=${team.id}>${team.name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="inject-message">Message</label>
        <textarea id="inject-message" data-testid="inject-message" rows="3" maxlength=${Limits.injectMessageMaxLength} .value=${this.message}
          @input=${(event: Event) => (this.message = (event.target as HTMLTextAreaElement).value)}></textarea>
      </div>
      <div class="field">
        <label for="inject-question">Question for the teams (optional)</label>
        <input id="inject-question" data-testid="inject-question" maxlength=${Limits.injectQuestionMaxLength} .value=${this.question}
          @input=${(event: Event) => (this.question = (event.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="inject-points">Points for a good answer, at most</label>
        <input id="inject-points" type="number" min="0" max="10000" data-testid="inject-points" .value=${String(this.maxPoints)}
          ?disabled=${this.question.trim() === ''} @input=${(event: Event) => (this.maxPoints = Number((event.target as HTMLInputElement).value) || 0)} />
      </div>
      <button class="primary" type="submit" data-testid="inject-send" ?disabled=${this.busy}>Send inject</button>
      ${this.status ? html`<p class="success" role="status" data-testid="inject-status">${this.status}</p>` : null}
      ${this.error ? html`<p class="error" role="alert" data-testid="inject-error">${this.error}</p>` : null}
    </form>`;
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    this.status = '';
    if (this.message.trim() === '') {
      this.error = 'Write the message the teams should read.';
      return;
    }
    if (!this.socket) {
      return;
    }
    this.busy = true;
    this.error = '';
    const question = this.question.trim();
    const result = await request(this.socket, 'inject:send', {
      exerciseId: this.exerciseId,
      teamId: this.teamId || null,
      message: this.message.trim(),
      ...(question ? { question, maxPoints: this.maxPoints } : {}),
      // One key per submitted form, so a resend after a reconnect sends the inject once.
      idempotencyKey: randomId(),
    });
    this.busy = false;
    if (!result.ok) {
      this.error = `Sending the inject failed: ${describeError(result.error)}`;
      return;
    }
    this.message = '';
    this.question = '';
    this.maxPoints = 0;
    this.status = 'Inject sent.';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'inject-composer': InjectComposer;
  }
}
