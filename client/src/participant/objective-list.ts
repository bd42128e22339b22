import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ObjectiveView, ScoreboardEntry } from '../../../shared/model.js';
import '../app/scoreboard-table.js';
import type { AppSocket } from '../net/app-socket.js';
import { sharedStyles } from '../styles/shared-styles.js';
import './objective-card.js';

/** The released objectives with the team's progress, and the scoreboard of all teams. */
@customElement('objective-list')
export class ObjectiveList extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(240px, 1fr);
        gap: 16px;
        align-items: start;
      }
      @media (max-width: 900px) {
        :host {
          grid-template-columns: 1fr;
        }
      }
      .objectives {
        display: grid;
        gap: 12px;
      }
    `,
  ];

  @property({ attribute: false }) objectives: ObjectiveView[] = [];
  @property({ attribute: false }) scoreboard: ScoreboardEntry[] = [];
  @property({ attribute: false }) socket: AppSocket | null = null;
  @property() teamId = '';

  override render() {
    const maxPoints = this.objectives.reduce((sum, objective) => sum + objective.points, 0);
    const teamScore = this.scoreboard.find((entry) => entry.teamId === this.teamId)?.score ?? 0;

    return html`
      <div class="objectives">
        <section class="panel">
          <h2>Objectives</h2>
          <p data-testid="objectives-score">Score <strong>${teamScore}</strong> of ${maxPoints} points available so far</p>
        </section>
        ${this.objectives.length === 0
          ? html`<p class="muted" data-testid="objectives-empty">Objectives appear when the facilitator releases a phase.</p>`
          : repeat(
              this.objectives,
              (objective) => objective.id,
              (objective) => html`<objective-card .objective=${objective} .socket=${this.socket}></objective-card>`,
            )}
      </div>
      <section class="panel">
        <h2>Scoreboard</h2>
        <scoreboard-table .entries=${this.scoreboard} .ownTeamId=${this.teamId}></scoreboard-table>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'objective-list': ObjectiveList;
  }
}
