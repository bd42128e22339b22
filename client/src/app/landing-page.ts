import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared-styles.js';
import './facilitator-sign-in.js';
import './join-form.js';

/** First screen: join an exercise as a responder, or sign in as the facilitator (not on a join link). */
@customElement('landing-page')
export class LandingPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        max-width: 960px;
        margin: 0 auto;
        padding: 32px 16px;
      }
      .choices {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(300px, 1fr));
        gap: 16px;
        margin-top: 24px;
      }
      .intro {
        max-width: 680px;
      }
    `,
  ];

  /** Join code from a `/join/CODE` link. */
  @property() joinCode = '';
  /** A message to show above the choices, for example why the user was signed out. */
  @property() notice = '';

  override render() {
    return html`
      <header data-testid="landing">
        <h1>Cloud IR Lab</h1>
        <p class="intro muted">
          Tabletop exercises in AWS incident response: investigate a simulated breach with your team and build the
          attack timeline together.
        </p>
      </header>
      ${this.notice ? html`<p class="error" role="alert" data-testid="landing-notice">${this.notice}</p>` : null}
      <div class="choices">
        <section class="panel" aria-labelledby="join-heading">
          <h2 id="join-heading">Join an exercise</h2>
          <join-form .initialCode=${this.joinCode}></join-form>
        </section>
        ${this.joinCode
          ? null
          : html`<section class="panel" aria-labelledby="facilitator-heading">
              <h2 id="facilitator-heading">Facilitator sign-in</h2>
              <facilitator-sign-in></facilitator-sign-in>
            </section>`}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'landing-page': LandingPage;
  }
}
