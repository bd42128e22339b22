import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Finding } from '../../../shared/model.js';
import '../app/json-view.js';
import { formatUtc, severityLabel } from '../app/format.js';
import type { TeamCollab } from '../net/team-collab.js';
import { detailListStyles, sharedStyles } from '../styles/shared-styles.js';
import { summarizeFinding, type RemoteIp } from './guardduty-fields.js';
import { draftFromFinding } from './timeline-drafts.js';

/** One GuardDuty finding as the console's detail panel shows it, with the raw finding below. */
@customElement('guardduty-detail')
export class GuardDutyDetail extends LitElement {
  static override styles = [
    sharedStyles,
    detailListStyles,
    css`
      :host {
        display: block;
      }
      h4 {
        margin: calc(var(--space) * 1.5) 0 4px;
        font-size: 0.9rem;
      }
      .actions {
        margin-bottom: var(--space);
      }
      details summary {
        cursor: pointer;
        margin-bottom: var(--space);
      }
    `,
  ];

  @property({ attribute: false }) finding: Finding | null = null;
  @property({ attribute: false }) collab: TeamCollab | null = null;

  @state() private addStatus = '';

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('finding')) this.addStatus = '';
  }

  override render() {
    const finding = this.finding;
    if (!finding) {
      return html`<p class="muted">Select a finding to see its details.</p>`;
    }
    const summary = summarizeFinding(finding);
    const label = severityLabel(finding.Severity);
    const action = summary.action;
    const onTimeline = this.collab?.hasRef(finding.Id) ?? false;
    return html`
      <h3>${finding.Title}</h3>
      <div class="row actions">
        <button class="primary" data-testid="timeline-add" ?disabled=${!this.collab || onTimeline} @click=${() => this.addToTimeline(finding)}>
          ${onTimeline ? 'On the timeline' : 'Add to timeline'}
        </button>
        ${this.addStatus ? html`<span role="status" data-testid="timeline-add-status">${this.addStatus}</span>` : null}
      </div>
      <dl data-testid="finding-summary">
        ${this.entry('Severity', html`<span class=${`severity-${label}`}>${label}</span> ${finding.Severity}`)}
        ${this.entry('Finding type', finding.Type, 'mono')}
        ${this.entry('Resource type', summary.resourceType, '', 'finding-resource-type')}
        ${this.entry('Resource', summary.resourceId, 'mono', 'finding-resource-id')}
        ${this.entry('Count', summary.count?.toLocaleString('en-US'), '', 'finding-count')}
        ${this.entry('First seen', summary.firstSeen ? `${formatUtc(summary.firstSeen)} UTC` : undefined, 'mono', 'finding-first-seen')}
        ${this.entry('Last seen', summary.lastSeen ? `${formatUtc(summary.lastSeen)} UTC` : undefined, 'mono', 'finding-last-seen')}
      </dl>
      <h4>Action</h4>
      <dl data-testid="finding-action">
        ${this.entry('Action type', action.type, 'mono', 'finding-action-type')}
        ${this.entry('API', action.api, 'mono', 'finding-api')}
        ${this.entry('Service name', action.serviceName, 'mono')}
        ${this.entry('Caller type', action.callerType)}
        ${this.entry('Connection direction', action.connectionDirection)}
        ${this.entry('Protocol', action.protocol)}
        ${this.entry('Local port', action.localPort, 'mono')}
        ${this.entry('Remote port', action.remotePort, 'mono')}
        ${this.entry('Domain', action.domain, 'mono')}
        ${this.entry('Blocked', yesNo(action.blocked))}
      </dl>
      ${summary.remoteIps.map((remote) => this.renderRemote(remote))}
      <details>
        <summary>Raw JSON</summary>
        <json-view .value=${finding}></json-view>
      </details>
    `;
  }

  private renderRemote(remote: RemoteIp) {
    const place = [remote.city, remote.country].filter(Boolean).join(', ');
    return html`<h4>Remote IP</h4>
      <dl data-testid="finding-remote-ip">
        ${this.entry('IP address', remote.ip, 'mono', 'finding-remote-address')}
        ${this.entry('Location', place || undefined, '', 'finding-remote-location')}
        ${this.entry('Organization', remote.organization, '', 'finding-remote-org')}
        ${this.entry('ASN', remote.asn ? `${remote.asn}${remote.asnOrganization ? ` (${remote.asnOrganization})` : ''}` : undefined, '', 'finding-remote-asn')}
        ${this.entry('ISP', remote.isp)}
      </dl>`;
  }

  /** Render one term and its value, or nothing when the value is missing, as the console does. */
  private entry(term: string, value: unknown, className = '', testId = '') {
    if (value === undefined || value === '') return null;
    return html`<dt>${term}</dt><dd class=${className} data-testid=${testId || 'finding-field'}>${value}</dd>`;
  }

  private addToTimeline(finding: Finding): void {
    if (!this.collab) {
      return;
    }
    const result = this.collab.addEntry(draftFromFinding(finding));
    this.addStatus = result.added ? 'Added to the team timeline.' : 'This finding is already on the team timeline.';
  }
}

function yesNo(value: boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value ? 'Yes' : 'No';
}

declare global {
  interface HTMLElementTagNameMap {
    'guardduty-detail': GuardDutyDetail;
  }
}
