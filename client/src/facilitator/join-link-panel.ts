import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { joinPath } from '../app/routes.js';
import { publicAppUrl } from '../net/base-path.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** Host names that only reach the facilitator's own machine. */
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The join code, the full join link with a copy button, and the link as a QR code for the room's screen. */
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
      .qr {
        width: 176px;
        height: 176px;
        background: #ffffff;
        padding: 8px;
        border-radius: var(--radius);
      }
      .link {
        flex: 1;
        min-width: min(240px, 100%);
        font-family: var(--font-mono);
      }
    `,
  ];

  @property() joinCode = '';

  @state() private copyStatus = '';
  @state() private qrDataUrl = '';
  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('joinCode')) {
      this.copyStatus = '';
      void this.drawQrCode(this.joinLink());
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
      ${loopbackHosts.has(new URL(link).hostname)
        ? html`<p class="error" role="alert" data-testid="loopback-warning">
            This link points to ${new URL(link).hostname}, which works only on this computer. Start the server with
            HOST=0.0.0.0 and PUBLIC_URL set to the machine's network address so others can join.
          </p>`
        : null}
      ${this.qrDataUrl ? html`<img class="qr" data-testid="join-qr" src=${this.qrDataUrl} alt=${`QR code of the join link ${link}`} />` : null}
    `;
  }

  private joinLink(): string {
    // PUBLIC_URL when the server sets it, since the facilitator may use another address than players.
    return `${publicAppUrl()}${joinPath(this.joinCode)}`;
  }

  /** Draws the QR code; the library is loaded on first use, so it stays out of the participants' bundle. */
  private async drawQrCode(link: string): Promise<void> {
    if (!this.joinCode) {
      this.qrDataUrl = '';
      return;
    }
    try {
      const { toDataURL } = await import('qrcode');
      this.qrDataUrl = await toDataURL(link, { margin: 1, width: 160, errorCorrectionLevel: 'M' });
    } catch (error) {
      console.warn('Drawing the join QR code failed', error);
      this.qrDataUrl = '';
    }
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
