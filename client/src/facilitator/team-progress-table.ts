import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ProgressUpdate, TeamProgress } from '../../../shared/model.js';
import type { AppSocket } from '../net/app-socket.js';
import { describeError, request } from '../net/request.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { formatAgo, sortProgress, type ProgressSort } from './team-progress-format.js';

/** Milliseconds between re-renders, so "12 s ago" keeps counting without a new push. */
const tickMs = 5_000;

/** Detail of `team-view-requested`: the team whose work the facilitator wants to read. */
export interface TeamViewRequest {
  teamId: string;
  teamName: string;
}

/**
 * Live progress of every team of an exercise. Loads it with `team:progress` on every (re)connect
 * and then follows `progress:updated`. Fires `team-view-requested` from a team's "View team" button
 * and `progress-changed` with the latest update.
 */
@customElement('team-progress-table')
export class TeamProgressTable extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .table-wrap {
        overflow-x: auto;
      }
      td.number {
        text-align: right;
      }
      td.nowrap {
        white-space: nowrap;
      }
      .member {
        display: inline-block;
        margin-right: 8px;
        white-space: nowrap;
      }
      .member[data-online='false'] {
        color: var(--color-muted);
      }
      .dot {
        display: inline-block;
        width: 8px;
        height: 8px;
        margin-right: 4px;
        border-radius: 50%;
        background: var(--color-success);
      }
      .member[data-online='false'] .dot {
        background: transparent;
        border: 1px solid var(--color-muted);
      }
    `,
  ];

  @property({ attribute: false }) socket: AppSocket | null = null;
  @property() exerciseId = '';

  @state() private latest: ProgressUpdate | null = null;
  @state() private sort: ProgressSort = 'score';
  @state() private error = '';
  @state() private now = Date.now();
  /** Milliseconds this browser's clock is ahead of the server's, so "ago" is right on a skewed clock. */
  private skew = 0;

  private listening: AppSocket | null = null;
  private ticker: number | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.ticker = window.setInterval(() => (this.now = Date.now()), tickMs);
    this.listen(this.socket);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearInterval(this.ticker);
    this.listen(null);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('socket')) {
      this.listen(this.socket);
    }
    if (changed.has('exerciseId')) {
      this.latest = null;
      void this.load();
    }
  }

  override render() {
    const teams = this.latest ? sortProgress(this.latest.teams, this.sort) : [];
    return html`
      <div class="row">
        <label
          >Sort by
          <select data-testid="progress-sort" @change=${(event: Event) => (this.sort = (event.target as HTMLSelectElement).value as ProgressSort)}>
            <option value="score" ?selected=${this.sort === 'score'}>Score</option>
            <option value="activity" ?selected=${this.sort === 'activity'}>Last activity</option>
          </select></label
        >
      </div>
      ${this.error ? html`<p class="error" role="alert" data-testid="progress-error">${this.error}</p>` : null}
      ${!this.latest
        ? html`<p class="muted">Loading team progress…</p>`
        : html`<div class="table-wrap">
            <table data-testid="progress-table">
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  <th scope="col">Score</th>
                  <th scope="col">Objectives solved / tried / open</th>
                  <th scope="col">Hints</th>
                  <th scope="col">Timeline</th>
                  <th scope="col">Report</th>
                  <th scope="col">Checklist</th>
                  <th scope="col">Queries</th>
                  <th scope="col">Members</th>
                  <th scope="col">Last activity</th>
                  <th scope="col"><span class="muted">Work</span></th>
                </tr>
              </thead>
              <tbody>
                ${repeat(
                  teams,
                  (team) => team.teamId,
                  (team) => this.renderRow(team),
                )}
              </tbody>
            </table>
          </div>`}
    `;
  }

  private renderRow(team: TeamProgress) {
    return html`<tr data-testid="progress-row" data-team-id=${team.teamId}>
      <th scope="row">${team.teamName}</th>
      <td class="number" data-testid="progress-score">${team.score}</td>
      <td class="nowrap" data-testid="progress-objectives">${team.objectives.solved} / ${team.objectives.attempted} / ${team.objectives.released}</td>
      <td class="number" data-testid="progress-hints">${team.hintsOpened}</td>
      <td class="number" data-testid="progress-timeline">${team.timelineEntries}</td>
      <td class="nowrap" data-testid="progress-report">${team.reportWords} words, ${team.reportSectionsFilled}/${team.reportSectionCount} sections</td>
      <td class="nowrap" data-testid="progress-checklist">${team.checklist.done}/${team.checklist.total} done</td>
      <td class="number" data-testid="progress-queries">${team.queriesRun}</td>
      <td data-testid="progress-members">
        ${team.members.length === 0
          ? html`<span class="muted">Nobody yet</span>`
          : team.members.map(
              (member) => html`<span class="member" data-testid="progress-member" data-online=${String(member.online)} title=${`Last active ${formatAgo(member.lastActiveAt, this.now - this.skew)}`}
                ><span class="dot" aria-hidden="true"></span>${member.displayName}${member.online ? '' : ' (offline)'}</span
              >`,
            )}
      </td>
      <td data-testid="progress-last-activity">${formatAgo(team.lastActivityAt, this.now - this.skew)}</td>
      <td>
        <button data-testid="view-team" aria-label=${`View team ${team.teamName}`} @click=${() => this.requestView(team)}>View team</button>
      </td>
    </tr>`;
  }

  private listen(socket: AppSocket | null): void {
    if (this.listening === socket) {
      return;
    }
    this.listening?.off('progress:updated', this.onProgress);
    this.listening?.off('connect', this.onConnect);
    this.listening = socket;
    socket?.on('progress:updated', this.onProgress);
    socket?.on('connect', this.onConnect);
    void this.load();
  }

  private readonly onProgress = (update: ProgressUpdate): void => {
    if (update.exerciseId !== this.exerciseId) {
      return;
    }
    this.apply(update);
  };

  // Pushes missed while offline are not replayed, so the table loads again after a reconnect.
  private readonly onConnect = (): void => {
    void this.load();
  };

  private async load(): Promise<void> {
    const socket = this.listening;
    const exerciseId = this.exerciseId;
    if (!socket || !exerciseId || !socket.connected) {
      return;
    }
    const result = await request(socket, 'team:progress', { exerciseId });
    if (exerciseId !== this.exerciseId) {
      return;
    }
    if (!result.ok) {
      this.error = `Loading team progress failed: ${describeError(result.error)}`;
      return;
    }
    this.apply(result.data);
  }

  /** Keeps the newer of two views, since a request's response can arrive after a later push. */
  private apply(update: ProgressUpdate): void {
    if (this.latest && this.latest.exerciseId === update.exerciseId && Date.parse(update.at) < Date.parse(this.latest.at)) {
      return;
    }
    this.error = '';
    this.latest = update;
    this.now = Date.now();
    this.skew = this.now - Date.parse(update.at);
    this.dispatchEvent(new CustomEvent<ProgressUpdate>('progress-changed', { detail: update }));
  }

  private requestView(team: TeamProgress): void {
    const detail: TeamViewRequest = { teamId: team.teamId, teamName: team.teamName };
    this.dispatchEvent(new CustomEvent<TeamViewRequest>('team-view-requested', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'team-progress-table': TeamProgressTable;
  }
}
