import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Finding } from '../../../shared/model.js';
import '../app/json-view.js';
import { formatUtc, severityLabel, type SeverityLabel } from '../app/format.js';
import type { TeamCollab } from '../net/team-collab.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { draftFromFinding, findingRemoteIp } from './timeline-drafts.js';

const severityOrder: SeverityLabel[] = ['HIGH', 'MEDIUM', 'LOW'];

/** Released GuardDuty findings, most severe first, with counts per severity and the raw finding. */
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
        gap: 16px;
        margin-bottom: var(--space);
      }
      .count {
        font-size: 1.1rem;
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
      .actions {
        margin-bottom: var(--space);
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
  /** Ids of findings the player had seen before this visit; the others are marked as new. */
  @property({ attribute: false }) seenIds: ReadonlySet<string> = new Set();

  @state() private selectedId = '';
  @state() private addStatus = '';

  override render() {
    const sorted = [...this.findings].sort(
      (a, b) => b.Severity - a.Severity || String(b.UpdatedAt).localeCompare(String(a.UpdatedAt)),
    );
    const selected = sorted.find((finding) => finding.Id === this.selectedId) ?? null;

    return html`
      <section class="panel">
        <div class="counts">
          ${severityOrder.map((label) => {
            const count = sorted.filter((finding) => severityLabel(finding.Severity) === label).length;
            return html`<span class="count">
              <span class=${`severity-${label}`}>${label}</span>
              <strong data-testid=${`severity-count-${label.toLowerCase()}`}>${count}</strong>
            </span>`;
          })}
        </div>
        ${sorted.length === 0
          ? html`<p class="muted" data-testid="findings-empty">No findings released yet.</p>`
          : this.renderTable(sorted)}
      </section>
      <section class="panel detail" data-testid="finding-detail">${this.renderDetail(selected)}</section>
    `;
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

  private renderDetail(finding: Finding | null) {
    if (!finding) {
      return html`<p class="muted">Select a finding to see the raw finding.</p>`;
    }
    const onTimeline = this.collab?.hasRef(finding.Id) ?? false;
    return html`
      <h3>${finding.Title}</h3>
      <div class="row actions">
        <button
          class="primary"
          data-testid="timeline-add"
          ?disabled=${!this.collab || onTimeline}
          @click=${() => this.addToTimeline(finding)}
        >
          ${onTimeline ? 'On the timeline' : 'Add to timeline'}
        </button>
        ${this.addStatus ? html`<span role="status" data-testid="timeline-add-status">${this.addStatus}</span>` : null}
      </div>
      <json-view .value=${finding}></json-view>
    `;
  }

  private select(findingId: string): void {
    this.selectedId = findingId;
    this.addStatus = '';
  }

  private onRowKey(event: KeyboardEvent, findingId: string): void {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.select(findingId);
    }
  }

  private addToTimeline(finding: Finding): void {
    if (!this.collab) {
      return;
    }
    const result = this.collab.addEntry(draftFromFinding(finding));
    this.addStatus = result.added ? 'Added to the team timeline.' : 'This finding is already on the team timeline.';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'guardduty-findings': GuardDutyFindings;
  }
}
