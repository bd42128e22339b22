import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Limits } from '../../../shared/limits.js';
import type { InjectView } from '../../../shared/orchestration.js';
import { formatDuration } from '../app/format.js';
import type { AppSocket } from '../net/app-socket.js';
import { randomId } from '../net/random-id.js';
import { describeError, request } from '../net/request.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** Injects the team received, newest first, with a free-text answer box for those that ask a question. */
@customElement('inject-feed')
export class InjectFeed extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      article {
        margin-bottom: 12px;
      }
      textarea {
        width: 100%;
      }
    `,
  ];

  @property({ attribute: false }) injects: InjectView[] = [];
  @property({ attribute: false }) socket: AppSocket | null = null;

  @state() private drafts = new Map<string, string>();
  @state() private errors = new Map<string, string>();

  override render() {
    if (this.injects.length === 0) {
      return html`<p class="muted" data-testid="inject-feed-empty">No injects yet. Messages from the facilitator appear here.</p>`;
    }
    return html`${repeat(
      [...this.injects].reverse(),
      (inject) => inject.id,
      (inject) => {
        const answer = inject.answers[0];
        const error = this.errors.get(inject.id);
        return html`<article class="panel" data-testid="inject-item">
          <div class="muted">At ${formatDuration(inject.sentAtElapsedMs)} exercise time</div>
          <p data-testid="inject-text">${inject.message}</p>
          ${inject.question
            ? html`<p><strong>${inject.question}</strong> <span class="muted">(up to ${inject.maxPoints} points)</span></p>
                ${answer?.awardedPoints !== null && answer?.awardedPoints !== undefined
                  ? html`<p class="success">Your team answered: ${answer.answer} · ${answer.awardedPoints} points awarded</p>`
                  : html`<textarea rows="3" maxlength=${Limits.injectAnswerMaxLength} aria-label="Your team's answer" data-testid="inject-answer-input"
                        .value=${this.drafts.get(inject.id) ?? answer?.answer ?? ''}
                        @input=${(event: Event) => this.setDraft(inject.id, (event.target as HTMLTextAreaElement).value)}></textarea>
                      <button type="button" data-testid="inject-answer-submit" @click=${() => this.answer(inject.id)}>
                        ${answer ? 'Update answer' : 'Send answer'}
                      </button>
                      ${answer ? html`<span class="muted" data-testid="inject-answer-saved">Answer saved; the facilitator scores it.</span>` : null}`}`
            : null}
          ${error ? html`<p class="error" role="alert">${error}</p>` : null}
        </article>`;
      },
    )}`;
  }

  private setDraft(injectId: string, value: string): void {
    this.drafts = new Map(this.drafts).set(injectId, value);
  }

  private async answer(injectId: string): Promise<void> {
    const text = (this.drafts.get(injectId) ?? '').trim();
    const errors = new Map(this.errors);
    if (!text || !this.socket) {
      this.errors = errors.set(injectId, 'Write your team\'s answer first.');
      return;
    }
    const result = await request(this.socket, 'inject:answer', { injectId, answer: text, idempotencyKey: randomId() });
    if (result.ok) {
      errors.delete(injectId);
    } else {
      errors.set(injectId, `Sending the answer failed: ${describeError(result.error)}`);
    }
    this.errors = errors;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'inject-feed': InjectFeed;
  }
}
