import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ScoreboardEntry } from '../../../shared/model.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** Notice above a frozen board, so viewers do not take the unchanged scores for live ones. */
const frozenNotice = html`<p class="frozen-badge frozen-notice" role="status" data-testid="scoreboard-frozen-notice">
  Scoreboard frozen: scores as they stood at the freeze. Answers still count and show after the unfreeze.
</p>`;

/** Team ranking with scores. The viewer's own team is highlighted, and a notice marks a frozen board. */
@customElement('scoreboard-table')
export class ScoreboardTable extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      tr.own {
        background: var(--color-selected);
        font-weight: 600;
      }
      .frozen-notice {
        margin: 0 0 var(--space);
      }
      .number {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  @property({ attribute: false }) entries: ScoreboardEntry[] = [];
  @property() ownTeamId = '';
  /** True while the public board is frozen, so the scores shown are those at the freeze. */
  @property({ type: Boolean }) frozen = false;

  override render() {
    if (this.entries.length === 0) {
      return html`<p class="muted" data-testid="scoreboard-empty">No teams yet.</p>`;
    }

    const sorted = [...this.entries].sort((a, b) => a.rank - b.rank || a.teamName.localeCompare(b.teamName));
    return html`${this.frozen ? frozenNotice : null}<table data-testid="scoreboard">
      <thead>
        <tr><th>Rank</th><th>Team</th><th class="number">Score</th></tr>
      </thead>
      <tbody>
        ${repeat(
          sorted,
          (entry) => entry.teamId,
          (entry) => html`<tr
            class=${entry.teamId === this.ownTeamId ? 'own' : ''}
            data-testid="scoreboard-row"
            data-team-id=${entry.teamId}
          >
            <td data-testid="scoreboard-rank">${entry.rank}</td>
            <td data-testid="scoreboard-team">${entry.teamName}</td>
            <td class="number" data-testid="scoreboard-score">${entry.score}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'scoreboard-table': ScoreboardTable;
  }
}
