import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { joinPath } from '../app/routes.js';
import { publicAppUrl } from '../net/base-path.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** The join code and the full join link of an exercise, with a button that copies the link. */
@customElement('join-link-panel')
export class JoinLinkPanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .code {
        font-family: var(--font-mono);
        font-size: 1.6rem;
        font-weight: 700;
        letter-spacing: 0.2em;
      }
      .link {
        flex: 1;
        min-width: 240px;
        font-family: var(--font-mono);
      }
    `,
  ];

  @property() joinCode = '';

  @state() private copyStatus = '';

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('joinCode')) {
      this.copyStatus = '';
    }
  }

  override render() {
    const link = this.joinLink();
    return html`
      <div class="row">
        <span class="muted">Join code</span>
        <span class="code" data-testid="join-code">${this.joinCode}</span>
      </div>
      <div class="row">
        <input class="link" readonly aria-label="Join link" data-testid="join-link" .value=${link} @focus=${this.selectAll} />
        <button type="button" data-testid="copy-join-link" @click=${this.copyLink}>Copy link</button>
      </div>
      ${this.copyStatus ? html`<p class="muted" role="status" data-testid="copy-status">${this.copyStatus}</p>` : null}
    `;
  }

  private joinLink(): string {
    // PUBLIC_URL when the server sets it, since the facilitator may use another address than players.
    return `${publicAppUrl()}${joinPath(this.joinCode)}`;
  }

  private selectAll(event: Event): void {
    (event.target as HTMLInputElement).select();
  }

  private async copyLink(): Promise<void> {
    // The Clipboard API exists only in secure contexts (HTTPS or localhost).
    if (!navigator.clipboard) {
      this.copyStatus = 'Copying needs HTTPS. Select the link and copy it with the keyboard.';
      return;
    }
    try {
      await navigator.clipboard.writeText(this.joinLink());
      this.copyStatus = 'Link copied.';
    } catch {
      this.copyStatus = 'The browser did not allow copying. Select the link and copy it with the keyboard.';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'join-link-panel': JoinLinkPanel;
  }
}
