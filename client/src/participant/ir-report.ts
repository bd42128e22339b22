import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ReportSections } from '../../../shared/collab.js';
import type { TeamCollab } from '../net/team-collab.js';
import { sharedStyles } from '../styles/shared-styles.js';
import './containment-checklist.js';
import './ir-report-section.js';

/** The team's incident response report: one shared rich-text section each, and the containment checklist. */
@customElement('ir-report')
export class IrReport extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(300px, 420px);
        gap: 16px;
        align-items: start;
      }
      @media (max-width: 1000px) {
        :host {
          grid-template-columns: 1fr;
        }
      }
      .sections {
        display: grid;
        gap: 18px;
      }
    `,
  ];

  @property({ attribute: false }) collab: TeamCollab | null = null;

  override render() {
    return html`
      <section class="panel" aria-labelledby="report-title">
        <h2 id="report-title">Incident response report</h2>
        <p class="muted">Every teammate writes here at the same time; changes save by themselves. Ctrl+Z undoes only your own edits.</p>
        <div class="sections">
          ${ReportSections.map((section) => html`<ir-report-section .collab=${this.collab} section=${section} data-testid=${`report-section-${section}`}></ir-report-section>`)}
        </div>
      </section>
      <containment-checklist .collab=${this.collab}></containment-checklist>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ir-report': IrReport;
  }
}
