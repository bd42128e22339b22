import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../facilitator/facilitator-console.js';
import '../observer/observer-board.js';
import '../participant/participant-view.js';
import '../redcell/red-console.js';
import { clearRedToken, loadRedToken, saveRedToken } from '../redcell/red-token-store.js';
import {
  clearFacilitatorToken,
  clearObserverToken,
  clearParticipantSession,
  loadFacilitatorToken,
  loadObserverToken,
  loadParticipantSession,
  saveFacilitatorToken,
  saveObserverToken,
} from '../net/session-store.js';
import './landing-page.js';
import { appUrl, currentAppPath } from '../net/base-path.js';
import { exercisePath, facilitatorPath, parseRoute, redPath, type Route } from './routes.js';

/** Detail of `session-ended`: fired by a view when its token stops working or the user signs out. */
export interface SessionEndedDetail {
  role: 'facilitator' | 'participant' | 'observer' | 'red';
  /** Reason shown on the landing page, or an empty string for a plain sign-out. */
  reason: string;
}

/** Picks the screen from the path and the stored sign-in, and switches screens on sign-in and sign-out. */
@customElement('app-root')
export class AppRoot extends LitElement {
  @state() private route: Route = parseRoute(currentAppPath());
  @state() private notice = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.acceptInvitation();
    window.addEventListener('popstate', this.onPopState);
    this.addEventListener('facilitator-signed-in', () => this.navigate(facilitatorPath));
    this.addEventListener('participant-joined', () => this.navigate(exercisePath));
    this.addEventListener('red-signed-in', () => this.navigate(redPath));
    this.addEventListener('session-ended', (event) => this.onSessionEnded(event as CustomEvent<SessionEndedDetail>));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
  }

  /** Sends the bare landing path to the screen of a stored sign-in: participant, facilitator, then red cell. */
  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('route') || this.route.kind !== 'landing') {
      return;
    }
    if (loadParticipantSession()) {
      this.redirect(exercisePath);
    } else if (loadFacilitatorToken()) {
      this.redirect(facilitatorPath);
    } else if (loadRedToken()) {
      this.redirect(redPath);
    }
  }

  // The views bring their own styles, so the root renders into the light DOM of the page.
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render() {
    const route = this.route;
    const facilitatorToken = loadFacilitatorToken();
    const participant = loadParticipantSession();

    if (route.kind === 'join') {
      return html`<landing-page .joinCode=${route.code} .notice=${this.notice}></landing-page>`;
    }
    if (route.kind === 'facilitator' && facilitatorToken) {
      return html`<facilitator-console .token=${facilitatorToken}></facilitator-console>`;
    }
    if (route.kind === 'exercise' && participant) {
      return html`<participant-view .session=${participant}></participant-view>`;
    }
    const observerToken = loadObserverToken();
    if (route.kind === 'board' && observerToken) {
      return html`<observer-board .token=${observerToken}></observer-board>`;
    }
    const redToken = loadRedToken();
    if (route.kind === 'red' && redToken) {
      return html`<red-console .token=${redToken}></red-console>`;
    }
    return html`<landing-page .notice=${this.notice}></landing-page>`;
  }

  /**
   * Stores the token of an invitation link (`/facilitator#token=…`, `/board#token=…` or
   * `/red#token=…`) as the sign-in of that screen, and removes it from the address bar and the history.
   */
  private acceptInvitation(): void {
    const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
    if (!token || (this.route.kind !== 'facilitator' && this.route.kind !== 'board' && this.route.kind !== 'red')) {
      return;
    }
    if (this.route.kind === 'facilitator') {
      saveFacilitatorToken(token);
    } else if (this.route.kind === 'red') {
      saveRedToken(token);
    } else {
      saveObserverToken(token);
    }
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }

  /** Show the app path `path` (such as `/facilitator`), placed under the base path in the address bar. */
  private navigate(path: string): void {
    window.history.pushState(null, '', appUrl(path));
    this.route = parseRoute(path);
    this.notice = '';
  }

  private redirect(path: string): void {
    window.history.replaceState(null, '', appUrl(path));
    this.route = parseRoute(path);
  }

  private readonly onPopState = (): void => {
    this.route = parseRoute(currentAppPath());
  };

  private onSessionEnded(event: CustomEvent<SessionEndedDetail>): void {
    if (event.detail.role === 'facilitator') {
      clearFacilitatorToken();
    } else if (event.detail.role === 'observer') {
      clearObserverToken();
    } else if (event.detail.role === 'red') {
      clearRedToken();
    } else {
      clearParticipantSession();
    }
    window.history.replaceState(null, '', appUrl('/'));
    this.notice = event.detail.reason;
    this.route = parseRoute('/');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-root': AppRoot;
  }
}
