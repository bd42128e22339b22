import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { InviteView } from '../../../shared/orchestration.js';
import { boardPath, facilitatorPath, redPath } from '../app/routes.js';
import { publicAppUrl } from '../net/base-path.js';
import type { AppSocket } from '../net/app-socket.js';
import { describeError, request } from '../net/request.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** Roles a facilitator can invite. `red` is the red cell, which plays the attacker. */
type InviteRole = 'facilitator' | 'observer' | 'red';

const defaultLabels: Record<InviteRole, string> = { facilitator: 'Co-facilitator', observer: 'Observer', red: 'Red cell' };
const invitePaths: Record<InviteRole, string> = { facilitator: facilitatorPath, observer: boardPath, red: redPath };

/**
 * Creates sign-in links for another facilitator, an observer or the red cell of this exercise. The token
 * travels in the link's fragment, which browsers do not send to the server, and is shown once.
 */
@customElement('invite-panel')
export class InvitePanel extends LitElement {
  static override styles = [sharedStyles];

  @property({ attribute: false }) socket: AppSocket | null = null;
  @property() exerciseId = '';

  @state() private label = '';
  @state() private link = '';
  @state() private error = '';
  @state() private invites: InviteView[] = [];

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if ((changed.has('exerciseId') || changed.has('socket')) && this.socket && this.exerciseId) {
      this.link = '';
      void this.load();
    }
  }

  override render() {
    return html`
      <div class="row">
        <input aria-label="Name of the person invited" placeholder="Name" data-testid="invite-label" .value=${this.label}
          @input=${(event: Event) => (this.label = (event.target as HTMLInputElement).value)} />
        <button type="button" data-testid="invite-facilitator" @click=${() => this.invite('facilitator')}>Invite facilitator</button>
        <button type="button" data-testid="invite-observer" @click=${() => this.invite('observer')}>Invite observer</button>
        <button type="button" data-testid="invite-red" @click=${() => this.invite('red')}>Invite red cell</button>
      </div>
      ${this.link
        ? html`<p class="muted" id="invite-link-help">Send this link to the person. It is shown only once.</p>
            <input readonly style="width: 100%" aria-label="Invitation link" aria-describedby="invite-link-help" data-testid="invite-link" .value=${this.link} @focus=${(event: Event) => (event.target as HTMLInputElement).select()} />`
        : null}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
      ${this.invites.length === 0
        ? null
        : html`<ul data-testid="invite-list">
            ${this.invites.map(
              (invite) => html`<li class="row">
                ${invite.label} <span class="muted">(${invite.role})</span>
                <button type="button" data-testid="invite-revoke" @click=${() => this.revoke(invite.id)}>Revoke</button>
              </li>`,
            )}
          </ul>`}
    `;
  }

  private async load(): Promise<void> {
    const result = await request(this.socket!, 'invite:list', { exerciseId: this.exerciseId });
    if (result.ok) {
      this.invites = result.data;
    }
  }

  private async revoke(inviteId: string): Promise<void> {
    const result = await request(this.socket!, 'invite:revoke', { exerciseId: this.exerciseId, inviteId });
    if (!result.ok) {
      this.error = `Revoking the invitation failed: ${describeError(result.error)}`;
      return;
    }
    this.error = '';
    this.invites = result.data;
  }

  private async invite(role: InviteRole): Promise<void> {
    if (!this.socket) {
      return;
    }
    const label = this.label.trim() || defaultLabels[role];
    const result = await request(this.socket, 'invite:create', { exerciseId: this.exerciseId, role, label });
    if (!result.ok) {
      this.error = `Creating the invitation failed: ${describeError(result.error)}`;
      return;
    }
    this.error = '';
    void this.load();
    const path = role === 'facilitator' ? `${facilitatorPath}?exercise=${encodeURIComponent(this.exerciseId)}` : invitePaths[role];
    this.link = `${publicAppUrl()}${path}#token=${encodeURIComponent(result.data.token)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'invite-panel': InvitePanel;
  }
}
