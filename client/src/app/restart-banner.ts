import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AppSocket } from '../net/app-socket.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** Text of the banner; the client's own words, so it reads the same whatever the server sends. */
export const restartingMessage = 'The server is restarting; your work is saved and the page will reconnect.';

/**
 * A banner shown from the server's `server:restarting` notice until the socket connects again.
 * The socket reconnects by itself, so the banner needs no button.
 */
@customElement('restart-banner')
export class RestartBanner extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      p {
        margin: 8px 16px 0;
        padding: 8px 12px;
        border: 1px solid var(--color-border);
        border-left: 4px solid var(--color-accent);
        background: var(--color-selected);
      }
    `,
  ];

  @property({ attribute: false }) socket: AppSocket | null = null;

  @state() private restarting = false;

  private listening: AppSocket | null = null;

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('socket')) {
      this.listen(this.socket);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listen(null);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.listen(this.socket);
  }

  override render() {
    if (!this.restarting) {
      return null;
    }
    return html`<p role="status" data-testid="restart-banner">${restartingMessage}</p>`;
  }

  private listen(socket: AppSocket | null): void {
    if (this.listening === socket) {
      return;
    }
    this.listening?.off('server:restarting', this.onRestarting);
    this.listening?.off('connect', this.onConnect);
    this.listening = socket;
    this.restarting = false;
    socket?.on('server:restarting', this.onRestarting);
    socket?.on('connect', this.onConnect);
  }

  private readonly onRestarting = (): void => {
    this.restarting = true;
  };

  private readonly onConnect = (): void => {
    this.restarting = false;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'restart-banner': RestartBanner;
  }
}
