import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { TeamView } from '../../../shared/model.js';
import { plural } from '../app/format.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** The teams of an exercise and the players who joined each. */
@customElement('team-roster')
export class TeamRoster extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .teams {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
        gap: var(--space);
      }
      ul {
        margin: 4px 0 0;
        padding-left: 18px;
      }
    `,
  ];

  @property({ attribute: false }) teams: TeamView[] = [];

  override render() {
    return html`<div class="teams">
      ${repeat(
        this.teams,
        (team) => team.id,
        (team) => html`<section class="panel" data-testid="team-card" data-team-id=${team.id}>
          <h3>${team.name}</h3>
          <span class="muted">${plural(team.members.length, 'member')}</span>
          ${team.members.length === 0
            ? html`<p class="muted">Nobody has joined yet.</p>`
            : html`<ul>
                ${repeat(
                  team.members,
                  (member) => member.id,
                  (member) => html`<li data-testid="team-member">${member.displayName}</li>`,
                )}
              </ul>`}
        </section>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'team-roster': TeamRoster;
  }
}
