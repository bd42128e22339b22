import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Finding } from '../../../shared/model.js';
import { formatUtc, plural, severityLabel, type SeverityLabel } from '../app/format.js';
import type { TeamCollab } from '../net/team-collab.js';
import { sharedStyles } from '../styles/shared-styles.js';
import './guardduty-detail.js';
import { resourceSearchText } from './guardduty-fields.js';
import { findingRemoteIp } from './timeline-drafts.js';

const severityOrder: SeverityLabel[] = ['HIGH', 'MEDIUM', 'LOW'];
const severityNames: Record<SeverityLabel, string> = { HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low' };

/**
 * Released GuardDuty findings, most severe first: counts per severity, filters by severity,
 * finding type and resource, a "New" marker on findings whose details are not opened yet, and the
 * selected finding's details.
 */
@customElement('guardduty-findings')
export class GuardDutyFindings extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(320px, 460px);
        gap: 16px;
        align-items: start;
      }
      @media (max-width: 1000px) {
        :host {
          grid-template-columns: 1fr;
        }
      }
      .counts {
        display: flex;
        gap: var(--space);
        margin-bottom: var(--space);
        flex-wrap: wrap;
      }
      .count {
        font-size: 1.05rem;
      }
      .count[aria-pressed='true'] {
        border-color: var(--color-accent);
        background: var(--color-selected);
      }
      .filters {
        display: flex;
        gap: var(--space);
        align-items: end;
        flex-wrap: wrap;
        margin-bottom: var(--space);
      }
      .filters label {
        font-size: 12px;
      }
      .detail {
        position: sticky;
        top: 8px;
      }
      .table-wrap {
        overflow-x: auto;
      }
      td.type {
        overflow-wrap: anywhere;
        min-width: 200px;
      }
      td.nowrap {
        white-space: nowrap;
      }
      .new-tag {
        margin-right: 6px;
        padding: 0 6px;
        border-radius: 999px;
        background: var(--color-accent);
        color: var(--color-accent-text);
        font-family: var(--font-sans, inherit);
        font-size: 0.75rem;
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) findings: Finding[] = [];
  @property({ attribute: false }) collab: TeamCollab | null = null;
  /** Ids of findings whose details the player has opened; the others are marked as new. */
  @property({ attribute: false }) seenIds: ReadonlySet<string> = new Set();

  @state() private selectedId = '';
  @state() private severity: SeverityLabel | '' = '';
  @state() private typeText = '';
  @state() private resourceText = '';

  override render() {
    const sorted = [...this.findings].sort(
      (a, b) => b.Severity - a.Severity || String(b.UpdatedAt).localeCompare(String(a.UpdatedAt)),
    );
    const shown = sorted.filter((finding) => this.passesFilters(finding));
    const selected = sorted.find((finding) => finding.Id === this.selectedId) ?? null;

    return html`
      <section class="panel">
        <div class="counts" role="group" aria-label="Findings by severity; press one to show only that severity">
          ${severityOrder.map((label) => {
            const count = sorted.filter((finding) => severityLabel(finding.Severity) === label).length;
            return html`<button
              class="count"
              data-testid=${`severity-filter-${label.toLowerCase()}`}
              aria-pressed=${this.severity === label ? 'true' : 'false'}
              @click=${() => (this.severity = this.severity === label ? '' : label)}
            >
              <span class=${`severity-${label}`}>${severityNames[label]}</span>
              <strong data-testid=${`severity-count-${label.toLowerCase()}`}>${count}</strong>
            </button>`;
          })}
        </div>
        <div class="filters">
          <div>
            <label for="severity">Severity</label>
            <select id="severity" data-testid="finding-filter-severity" .value=${this.severity} @change=${this.onSeverity}>
              <option value="">All</option>
              ${severityOrder.map((label) => html`<option value=${label} ?selected=${this.severity === label}>${severityNames[label]}</option>`)}
            </select>
          </div>
          <div>
            <label for="type">Finding type contains</label>
            <input id="type" data-testid="finding-filter-type" placeholder="Exfiltration" .value=${this.typeText} @input=${this.onType} />
          </div>
          <div>
            <label for="resource">Resource contains</label>
            <input id="resource" data-testid="finding-filter-resource" placeholder="i-0…, bucket or user" .value=${this.resourceText} @input=${this.onResource} />
          </div>
          <span class="muted" role="status" data-testid="finding-shown">${shown.length} of ${plural(sorted.length, 'finding')}</span>
        </div>
        ${sorted.length === 0
          ? html`<p class="muted" data-testid="findings-empty">No findings released yet.</p>`
          : shown.length === 0
            ? html`<p class="muted" data-testid="findings-none-match">No findings match these filters.</p>`
            : this.renderTable(shown)}
      </section>
      <section class="panel detail" data-testid="finding-detail">
        <guardduty-detail .finding=${selected} .collab=${this.collab}></guardduty-detail>
      </section>
    `;
  }

  private passesFilters(finding: Finding): boolean {
    if (this.severity && severityLabel(finding.Severity) !== this.severity) return false;
    const type = this.typeText.trim().toLowerCase();
    if (type && !finding.Type.toLowerCase().includes(type)) return false;
    const resource = this.resourceText.trim().toLowerCase();
    return !resource || resourceSearchText(finding).includes(resource);
  }

  private onSeverity(event: Event): void {
    this.severity = (event.target as HTMLSelectElement).value as SeverityLabel | '';
  }

  private onType(event: Event): void {
    this.typeText = (event.target as HTMLInputElement).value;
  }

  private onResource(event: Event): void {
    this.resourceText = (event.target as HTMLInputElement).value;
  }

  private renderTable(findings: Finding[]) {
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label="GuardDuty findings"><table>
      <thead>
        <tr><th>Severity</th><th>Type</th><th>Title</th><th>Remote IP</th><th>Updated (UTC)</th></tr>
      </thead>
      <tbody>
        ${repeat(
          findings,
          (finding) => finding.Id,
          (finding) => {
            const label = severityLabel(finding.Severity);
            return html`<tr
              class="clickable ${finding.Id === this.selectedId ? 'selected' : ''}"
              tabindex="0"
              data-testid="finding-row"
              data-severity=${label}
              aria-selected=${finding.Id === this.selectedId ? 'true' : 'false'}
              @click=${() => this.select(finding.Id)}
              @keydown=${(event: KeyboardEvent) => this.onRowKey(event, finding.Id)}
            >
              <td class="nowrap">
                <span class=${`severity-${label}`} data-testid="finding-severity">${label}</span>
                <span class="muted">${finding.Severity}</span>
              </td>
              <td class="mono type">
                ${this.seenIds.has(finding.Id) ? null : html`<span class="new-tag" data-testid="finding-new">New</span>`}
                ${finding.Type}
              </td>
              <td>${finding.Title}</td>
              <td class="mono nowrap">${findingRemoteIp(finding) || '—'}</td>
              <td class="mono nowrap">${formatUtc(finding.UpdatedAt)}</td>
            </tr>`;
          },
        )}
      </tbody>
    </table></div>`;
  }

  private select(findingId: string): void {
    this.selectedId = findingId;
    this.dispatchEvent(new CustomEvent<string>('finding-opened', { detail: findingId, bubbles: true, composed: true }));
  }

  private onRowKey(event: KeyboardEvent, findingId: string): void {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.select(findingId);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'guardduty-findings': GuardDutyFindings;
  }
}
