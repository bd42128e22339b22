import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { TeamView } from '../../../shared/model.js';
import type { InjectAnswerView, InjectView } from '../../../shared/orchestration.js';
import { formatDuration } from '../app/format.js';
import type { AppSocket } from '../net/app-socket.js';
import { describeError, request } from '../net/request.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** Injects sent so far, newest first, with the teams' answers and a field to award points for each. */
@customElement('inject-log')
export class InjectLog extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      article {
        border-top: 1px solid var(--color-border);
        padding: 8px 0;
      }
      .answer {
        margin: 6px 0 0 12px;
      }
      .answer input {
        width: 6em;
      }
    `,
  ];

  @property({ attribute: false }) socket: AppSocket | null = null;
  @property() exerciseId = '';
  @property({ attribute: false }) injects: InjectView[] = [];
  @property({ attribute: false }) teams: TeamView[] = [];

  @state() private drafts = new Map<string, number>();
  @state() private error = '';

  override render() {
    if (this.injects.length === 0) {
      return html`<p class="muted">No inject has been sent yet.</p>`;
    }
    const newestFirst = [...this.injects].reverse();
    return html`${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
      ${repeat(
        newestFirst,
        (inject) => inject.id,
        (inject) => html`<article data-testid="inject-entry">
          <div class="muted">
            ${formatDuration(inject.sentAtElapsedMs)} · to ${this.teamName(inject.teamId)}${inject.phaseId ? ` · phase ${inject.phaseId}` : ''}
          </div>
          <div>${inject.message}</div>
          ${inject.question ? html`<div><strong>Question:</strong> ${inject.question} <span class="muted">(up to ${inject.maxPoints} points)</span></div>` : null}
          ${inject.answers.map((answer) => this.renderAnswer(inject, answer))}
        </article>`,
      )}`;
  }

  private renderAnswer(inject: InjectView, answer: InjectAnswerView) {
    const draft = this.drafts.get(answer.id) ?? answer.awardedPoints ?? 0;
    return html`<div class="answer" data-testid="inject-answer">
      <strong>${this.teamName(answer.teamId)}</strong> <span class="muted">(${answer.displayName})</span>: ${answer.answer}
      <div class="row">
        <input type="number" min="0" max=${inject.maxPoints} aria-label="Points" .value=${String(draft)}
          @input=${(event: Event) => this.setDraft(answer.id, Number((event.target as HTMLInputElement).value) || 0)} />
        <button type="button" data-testid="inject-award" @click=${() => this.award(answer.id, draft)}>
          ${answer.awardedPoints === null ? 'Award' : `Change award (${answer.awardedPoints})`}
        </button>
      </div>
    </div>`;
  }

  private setDraft(answerId: string, points: number): void {
    this.drafts = new Map(this.drafts).set(answerId, points);
  }

  private async award(answerId: string, points: number): Promise<void> {
    if (!this.socket) {
      return;
    }
    const result = await request(this.socket, 'inject:award', { exerciseId: this.exerciseId, answerId, points });
    this.error = result.ok ? '' : `Awarding points failed: ${describeError(result.error)}`;
  }

  private teamName(teamId: string | null): string {
    if (teamId === null) {
      return 'every team';
    }
    return this.teams.find((team) => team.id === teamId)?.name ?? 'a removed team';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'inject-log': InjectLog;
  }
}
