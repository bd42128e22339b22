import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ExerciseState } from '../../../shared/model.js';
import '../app/scenario-clock.js';
import type { TeammatePresence } from '../net/team-collab.js';
import { sharedStyles } from '../styles/shared-styles.js';

/**
 * The participant's header: exercise, phase, clock, team, who is online and the team's standing.
 * It marks a frozen scoreboard next to the score and adds a banner under the phase once the exercise has ended.
 */
@customElement('exercise-header')
export class ExerciseHeader extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 24px;
        align-items: center;
        padding: 12px 16px;
        background: var(--color-surface);
        border-bottom: 1px solid var(--color-border);
      }
      .title {
        flex: 1 1 220px;
        min-width: 0;
      }
      .title h1,
      .title span,
      .stat > :not(.label) {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .title h1 {
        margin: 0;
      }
      .stat {
        max-width: 22ch;
      }
      .stat.clock,
      .stat.standing {
        max-width: none;
      }
      .stat {
        display: flex;
        flex-direction: column;
      }
      .stat .label {
        font-size: 0.78rem;
        color: var(--color-muted);
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
      .score {
        font-size: 1.3rem;
        font-weight: 700;
      }
      .frozen-badge {
        margin-left: 6px;
        padding: 0 6px;
        font-size: 0.8rem;
      }
      .ended-banner {
        margin-top: 4px;
      }
      .online {
        color: var(--color-success);
      }
    `,
  ];

  @property({ attribute: false }) exerciseState: ExerciseState | null = null;
  @property({ type: Number }) receivedAt = 0;
  @property() teamId = '';
  @property() displayName = '';
  @property({ attribute: false }) teammates: TeammatePresence[] = [];

  override render() {
    const current = this.exerciseState;
    const phase = current?.phases.at(-1);
    const team = current?.exercise.teams.find((candidate) => candidate.id === this.teamId);
    const teamEntry = current?.scoreboard.find((entry) => entry.teamId === this.teamId);
    const teamCount = current?.scoreboard.length ?? 0;
    const ended = current?.exercise.status === 'ended';

    return html`<header>
      <div class="title">
        <h1 data-testid="exercise-name" title=${current?.exercise.name ?? ''}>${current?.exercise.name ?? 'Loading…'}</h1>
        <span data-testid="phase-title">
          ${phase && current
            ? `Phase ${current.phases.length} of ${current.phaseCount}: ${phase.title}`
            : 'Waiting for the facilitator to start the exercise'}
        </span>
        ${ended
          ? html`<div><span class="ended-banner" role="status" data-testid="exercise-ended">Exercise ended: answers are closed.</span></div>`
          : null}
      </div>
      <div class="stat clock">
        <span class="label">Scenario clock</span>
        <scenario-clock .clock=${current?.clock ?? null} .receivedAt=${this.receivedAt}></scenario-clock>
      </div>
      <div class="stat">
        <span class="label">Team</span>
        <strong data-testid="team-name" title=${team?.name ?? ''}>${team?.name ?? '…'}</strong>
      </div>
      <div class="stat">
        <span class="label">Online</span>
        <span data-testid="teammates-online">${this.renderTeammates()}</span>
      </div>
      <div class="stat standing">
        <span class="label">Team score</span>
        <span>
          <span class="score" data-testid="team-score">${teamEntry?.score ?? 0}</span>
          <span class="muted" data-testid="team-rank">${teamEntry ? `rank ${teamEntry.rank} of ${teamCount}` : ''}</span>
          ${current?.scoreboardFrozen
            ? html`<span class="frozen-badge" role="status" data-testid="header-frozen" title="Scores and ranks stay as they stood at the freeze until the facilitator unfreezes the board.">Scoreboard frozen</span>`
            : null}
        </span>
      </div>
      <div class="stat">
        <span class="label">Signed in as</span>
        <span>${this.displayName}</span>
      </div>
      <button data-testid="sign-out" @click=${this.signOut}>Leave</button>
    </header>`;
  }

  private renderTeammates() {
    if (this.teammates.length === 0) {
      return html`<span class="muted">—</span>`;
    }
    return this.teammates.map(
      (mate, index) => html`${index > 0 ? ', ' : ''}<span class="online" data-testid="teammate">${mate.name}${mate.isSelf ? ' (you)' : ''}</span>`,
    );
  }

  private signOut(): void {
    this.dispatchEvent(new CustomEvent('sign-out-requested', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'exercise-header': ExerciseHeader;
  }
}
