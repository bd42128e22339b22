import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { TechniqueView } from '../../../shared/red-blue.js';
import { detailListStyles, sharedStyles } from '../styles/shared-styles.js';

/** A technique's summary: ATT&CK id and name, description, the API calls it makes and the findings it may raise. */
@customElement('technique-summary')
export class TechniqueSummary extends LitElement {
  static override styles = [
    sharedStyles,
    detailListStyles,
    css`
      :host {
        display: block;
      }
      p {
        margin: 0 0 var(--space);
      }
      ul {
        margin: 0;
        padding-left: 18px;
      }
    `,
  ];

  @property({ attribute: false }) technique: TechniqueView | null = null;

  override render() {
    const technique = this.technique;
    if (!technique) {
      return null;
    }
    return html`<h2 data-testid="technique-name" tabindex="-1">${technique.name}</h2>
      <p data-testid="technique-description">${technique.description}</p>
      <dl>
        <dt>ATT&CK</dt>
        <dd data-testid="technique-mitre"><span class="mono">${technique.mitre.id}</span> ${technique.mitre.name}</dd>
        <dt>API calls</dt>
        <dd>
          <ul data-testid="technique-calls">
            ${technique.calls.map((call) => html`<li class="mono">${call}</li>`)}
          </ul>
        </dd>
        <dt>May raise</dt>
        <dd>
          ${technique.findingTypes.length === 0
            ? html`<span class="muted">No GuardDuty finding</span>`
            : html`<ul data-testid="technique-findings">
                ${technique.findingTypes.map((type) => html`<li class="mono">${type}</li>`)}
              </ul>`}
        </dd>
      </dl>`;
  }

  /** Moves the keyboard focus to the technique's name, so the next Tab reaches its move form. */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'technique-summary': TechniqueSummary;
  }
}
