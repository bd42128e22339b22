import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Limits } from '../../../shared/limits.js';
import type { JoinInfo } from '../../../shared/model.js';
import { fetchJoinInfo, joinExercise } from '../net/join-api.js';
import { describeError } from '../net/request.js';
import { saveParticipantSession, type ParticipantSession } from '../net/session-store.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { plural } from './format.js';

const joinCodePattern = new RegExp(`^[A-Z0-9]{${Limits.joinCodeLength}}$`);

/**
 * Joins an exercise: look up the code, pick a team and a display name.
 * Stores the session and fires `participant-joined` with the ParticipantSession.
 */
@customElement('join-form')
export class JoinForm extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .teams {
        border: none;
        margin: 0 0 calc(var(--space) * 1.5);
        padding: 0;
      }
      .teams legend {
        font-weight: 600;
        margin-bottom: 4px;
      }
      .team {
        display: flex;
        gap: var(--space);
        align-items: center;
        font-weight: normal;
        padding: 4px 0;
      }
      .code-row {
        display: flex;
        gap: var(--space);
      }
      .code-row input {
        flex: 1;
        text-transform: uppercase;
        letter-spacing: 0.15em;
        font-family: var(--font-mono);
      }
    `,
  ];

  /** Join code to start with, for example from a `/join/CODE` link. */
  @property() initialCode = '';

  @state() private code = '';
  @state() private info: JoinInfo | null = null;
  @state() private displayName = '';
  @state() private teamId = '';
  @state() private busy = false;
  @state() private error = '';

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('initialCode')) {
      this.code = this.initialCode;
      this.info = null;
      if (joinCodePattern.test(this.code)) {
        void this.lookUp();
      } else if (this.code !== '') {
        this.error = `The link's join code "${this.code}" is not valid: a join code is ${Limits.joinCodeLength} letters or digits. Check the link or type the code.`;
      }
    }
  }

  override render() {
    return html`
      <form @submit=${this.onLookUpSubmit} novalidate>
        <div class="field">
          <label for="code">Join code</label>
          <div class="code-row">
            <input
              id="code"
              data-testid="join-code-input"
              autocomplete="off"
              placeholder="ABC123"
              .value=${this.code}
              @input=${this.onCodeInput}
            />
            <button type="submit" data-testid="join-lookup" ?disabled=${this.busy}>Find exercise</button>
          </div>
        </div>
      </form>
      ${this.info ? this.renderJoinStep(this.info) : null}
      ${this.error ? html`<p class="error" role="alert" data-testid="join-error">${this.error}</p>` : null}
    `;
  }

  private renderJoinStep(info: JoinInfo) {
    return html`<form @submit=${this.onJoinSubmit} novalidate>
      <p>Exercise: <strong data-testid="join-exercise-name">${info.exerciseName}</strong></p>
      <fieldset class="teams">
        <legend>Team</legend>
        ${info.teams.map(
          (team) => html`<label class="team">
            <input
              type="radio"
              name="team"
              data-testid="join-team-option"
              .value=${team.id}
              .checked=${team.id === this.teamId}
              @change=${() => (this.teamId = team.id)}
            />
            ${team.name}
            <span class="muted">${plural(team.memberCount, 'member')}</span>
          </label>`,
        )}
      </fieldset>
      <div class="field">
        <label for="display-name">Display name</label>
        <input
          id="display-name"
          data-testid="join-display-name"
          autocomplete="nickname"
          maxlength=${Limits.displayNameMaxLength}
          .value=${this.displayName}
          @input=${(event: Event) => (this.displayName = (event.target as HTMLInputElement).value)}
        />
      </div>
      <button type="submit" class="primary" data-testid="join-submit" ?disabled=${this.busy}>Join</button>
    </form>`;
  }

  private onCodeInput(event: Event): void {
    // No maxlength on the input: a pasted code with spaces around it would be cut before trimming.
    const input = event.target as HTMLInputElement;
    this.code = input.value.trim().toUpperCase().slice(0, Limits.joinCodeLength * 4);
    this.info = null;
    this.error = '';
    this.teamId = '';
  }

  private onLookUpSubmit(event: Event): void {
    event.preventDefault();
    void this.lookUp();
  }

  private async lookUp(): Promise<void> {
    if (!joinCodePattern.test(this.code)) {
      this.error = `A join code is ${Limits.joinCodeLength} letters or digits, for example ABC123.`;
      return;
    }

    this.busy = true;
    this.error = '';
    const result = await fetchJoinInfo(this.code);
    this.busy = false;
    if (!result.ok) {
      this.info = null;
      this.error = describeError(result.error);
      return;
    }

    this.info = result.data;
    if (result.data.teams.length === 1) {
      this.teamId = result.data.teams[0]?.id ?? '';
    }
  }

  private async onJoinSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const displayName = this.displayName.trim();
    if (!this.teamId) {
      this.error = 'Choose a team to join.';
      return;
    }
    if (displayName === '') {
      this.error = 'Enter a display name so your team knows who you are.';
      return;
    }

    this.busy = true;
    this.error = '';
    const result = await joinExercise({ code: this.code, displayName, teamId: this.teamId });
    this.busy = false;
    if (!result.ok) {
      this.error = describeError(result.error);
      return;
    }

    const session: ParticipantSession = { ...result.data, displayName };
    saveParticipantSession(session);
    this.dispatchEvent(new CustomEvent<ParticipantSession>('participant-joined', { detail: session, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'join-form': JoinForm;
  }
}
