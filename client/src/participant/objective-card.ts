import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Limits } from '../../../shared/limits.js';
import type { ObjectiveView, SubmissionResult } from '../../../shared/model.js';
import { formatDuration, formatUtc, plural } from '../app/format.js';
import type { AppSocket } from '../net/app-socket.js';
import { randomId } from '../net/random-id.js';
import { describeError, request } from '../net/request.js';
import { sharedStyles } from '../styles/shared-styles.js';
import './hint-list.js';

/** One objective with its answer form; fires `objective-answered` with the SubmissionResult. */
@customElement('objective-card')
export class ObjectiveCard extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .head {
        display: flex;
        gap: var(--space);
        align-items: baseline;
      }
      .head h3 {
        flex: 1;
      }
      .description {
        white-space: pre-line;
      }
      form {
        display: flex;
        gap: var(--space);
      }
      form input {
        flex: 1;
      }
    `,
  ];

  @property({ attribute: false }) objective: ObjectiveView | null = null;
  @property({ attribute: false }) socket: AppSocket | null = null;

  @state() private answer = '';
  @state() private busy = false;
  @state() private feedback: { correct: boolean; message: string } | null = null;
  @state() private error = '';

  /**
   * Idempotency key of the last answer that got no ack. Sending the same answer again reuses it,
   * so a submission that did reach the server is not counted twice.
   */
  private unconfirmed: { answer: string; key: string } | null = null;

  override render() {
    const objective = this.objective;
    if (!objective) {
      return null;
    }

    return html`<section class="panel" data-testid=${`objective-${objective.id}`} data-solved=${String(objective.solved)}>
      <div class="head">
        <h3>${objective.title}</h3>
        <span data-testid="objective-points">
          ${objective.solved ? `${objective.pointsAwarded} of ${objective.points} points` : plural(objective.points, 'point')}
        </span>
      </div>
      ${objective.description ? html`<p class="description">${objective.description}</p>` : null}
      ${objective.solved ? this.renderSolved(objective) : this.renderForm(objective)}
      ${!objective.solved && (objective.wrongAnswerPenalty ?? 0) > 0
        ? html`<p class="muted" data-testid="objective-penalty">
            A wrong answer costs ${plural(objective.wrongAnswerPenalty ?? 0, 'point')}, and the team score can go below zero.
          </p>`
        : null}
      ${objective.solved ? null : html`<hint-list .objectiveId=${objective.id} .hints=${objective.hints ?? []} .socket=${this.socket}></hint-list>`}
      ${objective.wrongAttempts > 0 && !objective.solved
        ? html`<p class="muted" data-testid="objective-attempts">${plural(objective.wrongAttempts, 'wrong attempt')} so far.</p>`
        : null}
      ${this.feedback
        ? html`<p class=${this.feedback.correct ? 'success' : 'error'} role="status" data-testid="objective-feedback">
            ${this.feedback.message}
          </p>`
        : null}
      ${this.error ? html`<p class="error" role="alert" data-testid="objective-error">${this.error}</p>` : null}
    </section>`;
  }

  private renderSolved(objective: ObjectiveView) {
    const solver = objective.solvedBy;
    return html`<p class="success" data-testid="objective-status">${solver ? solvedText(solver) : 'Solved.'}</p>`;
  }

  private renderForm(objective: ObjectiveView) {
    return html`<form @submit=${this.onSubmit} novalidate>
      <input
        aria-label=${`Answer for ${objective.title}`}
        data-testid="objective-answer"
        maxlength=${Limits.answerMaxLength}
        placeholder=${objective.answerHint || 'Your answer'}
        .value=${this.answer}
        @input=${(event: Event) => (this.answer = (event.target as HTMLInputElement).value)}
      />
      <button type="submit" class="primary" data-testid="objective-submit" ?disabled=${this.busy}>Submit</button>
    </form>`;
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const objective = this.objective;
    const answer = this.answer.trim();
    if (!objective || !this.socket || this.busy) {
      return;
    }
    if (answer === '') {
      this.error = 'Enter an answer first.';
      return;
    }

    const key = this.unconfirmed?.answer === answer ? this.unconfirmed.key : randomId();
    this.unconfirmed = { answer, key };
    this.busy = true;
    this.error = '';
    this.feedback = null;
    const result = await request(this.socket, 'objective:submit', {
      objectiveId: objective.id,
      answer,
      idempotencyKey: key,
    });
    this.busy = false;

    if (!result.ok) {
      // Only a lost ack leaves the outcome unknown; any response from the server settles the key.
      if (result.error.code !== 'TIMEOUT') {
        this.unconfirmed = null;
      }
      this.error = describeError(result.error);
      return;
    }

    this.unconfirmed = null;
    this.feedback = { correct: result.data.correct, message: result.data.message };
    if (result.data.correct) {
      this.answer = '';
    }
    this.dispatchEvent(
      new CustomEvent<SubmissionResult>('objective-answered', { detail: result.data, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'objective-card': ObjectiveCard;
  }
}

/**
 * Describes a solve in the terms of the exercise header: scenario time and time into the exercise,
 * never the room's wall clock, which would read like a time in the scenario.
 */
function solvedText(solver: NonNullable<ObjectiveView['solvedBy']>): string {
  const when: string[] = [];
  if (solver.scenarioTime) when.push(`at ${formatUtc(solver.scenarioTime)} UTC scenario time`);
  if (solver.elapsedMs !== undefined) when.push(`${formatDuration(solver.elapsedMs)} into the exercise`);
  return when.length > 0 ? `Solved by ${solver.displayName} ${when.join(', ')}.` : `Solved by ${solver.displayName}.`;
}
