import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Limits } from '../../../shared/limits.js';
import type { ExerciseSummary } from '../../../shared/model.js';
import type { AppSocket } from '../net/app-socket.js';
import { randomId } from '../net/random-id.js';
import { describeError, request, type RequestResult } from '../net/request.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** Team management during the exercise: add, rename and remove teams, set a size limit, move or remove players. */
@customElement('team-admin-panel')
export class TeamAdminPanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .team {
        border-top: 1px solid var(--color-border);
        padding: 8px 0;
      }
      li {
        margin: 4px 0;
      }
      /* Wide enough for the "no limit" placeholder beside the number input's spin buttons. */
      .size-max {
        width: 8.5em;
      }
    `,
  ];

  @property({ attribute: false }) socket: AppSocket | null = null;
  @property({ attribute: false }) exercise: ExerciseSummary | null = null;

  @state() private newTeam = '';
  @state() private error = '';

  override render() {
    const exercise = this.exercise;
    if (!exercise) {
      return null;
    }
    const locked = exercise.status === 'ended';
    return html`
      <div class="row">
        <input aria-label="New team name" data-testid="team-new-name" maxlength=${Limits.teamNameMaxLength} .value=${this.newTeam}
          @input=${(event: Event) => (this.newTeam = (event.target as HTMLInputElement).value)} />
        <button type="button" data-testid="team-add" ?disabled=${locked} @click=${this.addTeam}>Add team</button>
        <label class="row">Members per team, at most
          <input type="number" min="1" max=${Limits.teamSizeMax} data-testid="team-size-max" class="size-max"
            .value=${exercise.teamSizeMax === null ? '' : String(exercise.teamSizeMax)} placeholder="no limit" ?disabled=${locked}
            @change=${this.setSizeLimit} />
        </label>
      </div>
      ${this.error ? html`<p class="error" role="alert" data-testid="team-admin-error">${this.error}</p>` : null}
      ${exercise.teams.map(
        (team) => html`<div class="team" data-testid="team-admin" data-team-id=${team.id}>
          <div class="row">
            <strong>${team.name}</strong>
            <button type="button" ?disabled=${locked} @click=${() => this.renameTeam(team.id, team.name)}>Rename</button>
            <button type="button" ?disabled=${locked || team.members.length > 0} title="Move or remove its members first"
              @click=${() => this.send(request(this.socket!, 'team:remove', { exerciseId: exercise.id, teamId: team.id }), 'Removing the team')}>Remove</button>
          </div>
          <ul>
            ${team.members.map(
              (member) => html`<li class="row">
                ${member.displayName}
                <select aria-label=${`Move ${member.displayName} to`} ?disabled=${locked}
                  @change=${(event: Event) => this.movePlayer(member.id, (event.target as HTMLSelectElement).value)}>
                  <option value="">Move to…</option>
                  ${exercise.teams.filter((other) => other.id !== team.id).map((other) => html`<option value=${other.id}>${other.name}</option>`)}
                </select>
                <button type="button" ?disabled=${locked} @click=${() => this.removePlayer(member.id, member.displayName)}>Remove</button>
              </li>`,
            )}
          </ul>
        </div>`,
      )}
    `;
  }

  private async addTeam(): Promise<void> {
    const name = this.newTeam.trim();
    if (!name || !this.exercise || !this.socket) {
      this.error = name ? '' : 'Enter a name for the new team.';
      return;
    }
    if (await this.send(request(this.socket, 'team:create', { exerciseId: this.exercise.id, name, idempotencyKey: randomId() }), 'Adding the team')) {
      this.newTeam = '';
    }
  }

  private async renameTeam(teamId: string, current: string): Promise<void> {
    const name = window.prompt('New team name', current)?.trim();
    if (!name || name === current || !this.exercise || !this.socket) {
      return;
    }
    await this.send(request(this.socket, 'team:rename', { exerciseId: this.exercise.id, teamId, name }), 'Renaming the team');
  }

  private async setSizeLimit(event: Event): Promise<void> {
    if (!this.exercise || !this.socket) {
      return;
    }
    const value = (event.target as HTMLInputElement).value.trim();
    const teamSizeMax = value === '' ? null : Number(value);
    await this.send(request(this.socket, 'exercise:update', { exerciseId: this.exercise.id, teamSizeMax }), 'Setting the team size limit');
  }

  private async movePlayer(playerId: string, teamId: string): Promise<void> {
    if (!teamId || !this.exercise || !this.socket) {
      return;
    }
    await this.send(request(this.socket, 'player:move', { exerciseId: this.exercise.id, playerId, teamId }), 'Moving the player');
  }

  private async removePlayer(playerId: string, name: string): Promise<void> {
    if (!this.exercise || !this.socket || !window.confirm(`Remove ${name} from the exercise? Their sign-in stops working.`)) {
      return;
    }
    await this.send(request(this.socket, 'player:remove', { exerciseId: this.exercise.id, playerId }), 'Removing the player');
  }

  /** Shows the error of a failed request; the new roster arrives with the next state broadcast. */
  private async send(pending: Promise<RequestResult<unknown>>, action: string): Promise<boolean> {
    const result = await pending;
    this.error = result.ok ? '' : `${action} failed: ${describeError(result.error)}`;
    return result.ok;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'team-admin-panel': TeamAdminPanel;
  }
}
