import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { verifyToken } from '../net/app-socket.js';
import { describeError } from '../net/request.js';
import { saveFacilitatorToken } from '../net/session-store.js';
import { saveRedToken } from '../redcell/red-token-store.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** Signs a facilitator in with the token the server printed at start; fires `facilitator-signed-in`. */
@customElement('facilitator-sign-in')
export class FacilitatorSignIn extends LitElement {
  static override styles = sharedStyles;

  @state() private token = '';
  @state() private busy = false;
  @state() private error = '';

  override render() {
    return html`<form @submit=${this.onSubmit} novalidate>
      <div class="field">
        <label for="token">Facilitator token</label>
        <input
          id="token"
          type="password"
          autocomplete="current-password"
          data-testid="facilitator-token"
          .value=${this.token}
          @input=${(event: Event) => (this.token = (event.target as HTMLInputElement).value)}
        />
      </div>
      <p class="muted">The server prints this token in its log when it starts.</p>
      <button type="submit" class="primary" data-testid="facilitator-sign-in" ?disabled=${this.busy}>Sign in</button>
      ${this.error ? html`<p class="error" role="alert" data-testid="facilitator-error">${this.error}</p>` : null}
    </form>`;
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const token = this.token.trim();
    if (token === '') {
      this.error = 'Enter the facilitator token.';
      return;
    }

    this.busy = true;
    this.error = '';
    const result = await verifyToken(token);
    this.busy = false;
    if (!result.ok) {
      this.error = describeError(result.error);
      return;
    }
    if (result.data.role === 'red') {
      saveRedToken(token);
      this.dispatchEvent(new CustomEvent('red-signed-in', { bubbles: true, composed: true }));
      return;
    }
    if (result.data.role !== 'facilitator') {
      this.error = 'This is a participant token. Use "Join an exercise" instead.';
      return;
    }

    saveFacilitatorToken(token);
    this.dispatchEvent(new CustomEvent('facilitator-signed-in', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'facilitator-sign-in': FacilitatorSignIn;
  }
}
