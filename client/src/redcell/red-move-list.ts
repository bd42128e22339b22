import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { RedMoveTeamResult, RedMoveView } from '../../../shared/red-blue.js';
import { formatUtc } from '../app/format.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { describeOutcome, moveStatusLabels, teamLabel, type TeamName } from './move-status.js';

/** Detail of `move-decision`: the facilitator's Approve or Reject of a waiting move. */
export interface MoveDecision {
  moveId: string;
  approve: boolean;
}

/**
 * The red cell's moves, newest first: technique, parameters, status and, per team, each call's
 * outcome, the findings raised with their due times and when the team detected or contained it.
 * Two clocks meet here, and every time names its own: the request, detection and containment
 * are wall-clock times, while the move's calls and the findings' due times are scenario times.
 * With `decidable` set, waiting moves get Approve and Reject buttons that fire `move-decision`.
 */
@customElement('red-move-list')
export class RedMoveList extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li.move {
        padding: 10px 0;
        border-bottom: 1px solid var(--color-border);
      }
      .status {
        display: inline-block;
        padding: 1px 8px;
        border-radius: 999px;
        font-size: 0.85rem;
        font-weight: 600;
        border: 1px solid var(--color-border);
      }
      .status-applied {
        color: var(--color-success);
      }
      .status-rejected {
        color: var(--color-danger);
      }
      .status-awaiting-approval {
        color: var(--color-medium);
      }
      .params {
        margin: 4px 0;
        overflow-wrap: anywhere;
      }
      table {
        margin-top: 6px;
        font-size: 0.92em;
      }
      ul.compact {
        margin: 0;
        padding-left: 18px;
      }
      .failed {
        color: var(--color-danger);
      }
      .results {
        overflow-x: auto;
      }
      .nowrap {
        white-space: nowrap;
      }
      /* The clock goes on a line of its own, so the headers stay narrow. */
      .clock {
        display: block;
        font-size: 0.85em;
        font-weight: normal;
      }
      .findings-note {
        margin: 4px 0 0;
        font-size: 0.9em;
      }
    `,
  ];

  @property({ attribute: false }) moves: RedMoveView[] = [];
  /** Teams of the exercise, to name them in the results. */
  @property({ attribute: false }) teams: TeamName[] = [];
  /** Shows Approve and Reject on waiting moves (facilitators only). */
  @property({ type: Boolean }) decidable = false;
  /** Text shown when the list is empty. */
  @property() emptyText = 'No moves yet.';
  /** Moves whose decision is waiting for the server, so their buttons stay disabled. */
  @property({ attribute: false }) deciding: ReadonlySet<string> = new Set();

  override render() {
    if (this.moves.length === 0) {
      return html`<p class="muted" data-testid="red-moves-empty">${this.emptyText}</p>`;
    }
    return html`<ol data-testid="red-move-list" aria-label="Red cell moves">
      ${repeat(
        this.moves,
        (move) => move.id,
        (move) => this.renderMove(move),
      )}
    </ol>`;
  }

  private renderMove(move: RedMoveView) {
    const params = Object.entries(move.params);
    return html`<li class="move" data-testid="red-move" data-status=${move.status}>
      <div class="row">
        <strong data-testid="red-move-technique">${move.mitreId} ${move.techniqueName}</strong>
        <span class="status status-${move.status}" data-testid="red-move-status">${moveStatusLabels[move.status] ?? move.status}</span>
        <span class="muted">${teamLabel(move.teamId, this.teams)}</span>
      </div>
      <div class="muted" data-testid="red-move-times">
        Requested ${formatUtc(move.requestedAt)} UTC (wall clock)${move.scenarioTime ? html` · calls made at ${formatUtc(move.scenarioTime)} UTC (scenario time)` : null}
      </div>
      ${params.length > 0
        ? html`<div class="params mono">${params.map(([name, value]) => `${name}=${value}`).join('  ')}</div>`
        : null}
      ${move.status === 'awaiting-approval' ? null : html`<div data-testid="red-move-outcome">${describeOutcome(move)}</div>`}
      ${this.decidable && move.status === 'awaiting-approval' ? this.renderDecision(move) : null}
      ${move.results.length > 0 ? this.renderResults(move.results) : null}
    </li>`;
  }

  private renderDecision(move: RedMoveView) {
    const busy = this.deciding.has(move.id);
    const name = `${move.mitreId} ${move.techniqueName}`;
    return html`<div class="row">
      <button class="primary" data-testid="red-move-approve" aria-label=${`Approve ${name}`} ?disabled=${busy} @click=${() => this.decide(move.id, true)}>
        Approve
      </button>
      <button class="danger" data-testid="red-move-reject" aria-label=${`Reject ${name}`} ?disabled=${busy} @click=${() => this.decide(move.id, false)}>
        Reject
      </button>
    </div>`;
  }

  private renderResults(results: RedMoveTeamResult[]) {
    return html`<div class="results" role="region" aria-label="Results per team" tabindex="0"><table data-testid="red-move-results">
      <thead>
        <tr>
          <th scope="col">Team</th>
          <th scope="col">Calls</th>
          <th scope="col">Findings, due at <span class="clock">(scenario time, UTC)</span></th>
          <th scope="col">Detected <span class="clock">(wall clock, UTC)</span></th>
          <th scope="col">Contained <span class="clock">(wall clock, UTC)</span></th>
        </tr>
      </thead>
      <tbody>
        ${results.map(
          (result) => html`<tr data-testid="red-move-team-result">
            <td>${teamLabel(result.teamId, this.teams)}</td>
            <td>
              <ul class="compact">
                ${result.calls.map(
                  (call) => html`<li class="mono nowrap" data-testid="red-move-call">
                    ${call.action}
                    ${call.errorCode ? html`<span class="failed">${call.errorCode}</span>` : html`<span class="muted">OK</span>`}
                    ${call.eventId === null ? html`<span class="muted">(not recorded by CloudTrail)</span>` : null}
                  </li>`,
                )}
              </ul>
            </td>
            <td>
              ${result.findings.length === 0
                ? html`<span class="muted">None</span>`
                : html`<ul class="compact">
                    ${result.findings.map((finding) => html`<li><span class="mono">${finding.type}</span> <span class="nowrap">${formatUtc(finding.dueAt)}</span></li>`)}
                  </ul>`}
            </td>
            <td class="nowrap" data-testid="red-move-detected">${result.detectedAt ? formatUtc(result.detectedAt) : html`<span class="muted">Not yet</span>`}</td>
            <td class="nowrap" data-testid="red-move-contained">${result.containedAt ? formatUtc(result.containedAt) : html`<span class="muted">Not yet</span>`}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    ${results.some((result) => result.findings.length > 0)
      ? html`<p class="muted findings-note" data-testid="red-findings-note">
          A finding reaches the team's GuardDuty list when the scenario clock reaches its due time. Releasing the next phase moves
          the scenario clock forward, so every pending finding may arrive at once.
        </p>`
      : null}</div>`;
  }

  private decide(moveId: string, approve: boolean): void {
    this.dispatchEvent(new CustomEvent<MoveDecision>('move-decision', { detail: { moveId, approve }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'red-move-list': RedMoveList;
  }
}
