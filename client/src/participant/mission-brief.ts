import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { BriefView } from '../../../shared/model.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** The scenario's mission brief: summary, environment table and suggested workflow. */
@customElement('mission-brief')
export class MissionBrief extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        gap: 16px;
      }
      .summary {
        white-space: pre-line;
        max-width: 80ch;
      }
      td:first-child {
        font-weight: 600;
        white-space: nowrap;
      }
      ol {
        margin: 0;
        padding-left: 22px;
      }
      li {
        margin-bottom: 4px;
      }
    `,
  ];

  @property({ attribute: false }) brief: BriefView | null = null;

  override render() {
    const brief = this.brief;
    if (!brief) {
      return html`<p class="muted">Loading the brief…</p>`;
    }

    return html`
      <section class="panel">
        <h2>${brief.scenarioTitle}</h2>
        <p class="summary" data-testid="brief-summary">${brief.summary}</p>
      </section>
      <section class="panel">
        <h3>Environment</h3>
        <table data-testid="brief-environment">
          <thead>
            <tr><th>Resource</th><th>Detail</th></tr>
          </thead>
          <tbody>
            ${brief.environment.map((row) => html`<tr><td>${row.resource}</td><td>${row.detail}</td></tr>`)}
          </tbody>
        </table>
      </section>
      <section class="panel">
        <h3>Workflow</h3>
        <ol data-testid="brief-workflow">
          ${brief.workflow.map((step) => html`<li>${step}</li>`)}
        </ol>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mission-brief': MissionBrief;
  }
}
