import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { IamChange, IamNode } from '../../../shared/iam-graph.js';
import { formatUtc, serviceName } from '../app/format.js';
import type { TeamCollab } from '../net/team-collab.js';
import { detailListStyles, sharedStyles } from '../styles/shared-styles.js';
import { FlagMarkers, KindLooks } from './iam-graph-style.js';

/** A relation of the selected node, in words: "member of Developers". */
export interface NodeRelation {
  text: string;
  otherId: string;
}

/**
 * The selected node at the current replay step: its attributes, its relations and the CloudTrail
 * events that changed it, each of which can be put on the team timeline.
 */
@customElement('iam-node-details')
export class IamNodeDetails extends LitElement {
  static override styles = [
    sharedStyles,
    detailListStyles,
    css`
      :host {
        display: block;
      }
      dl {
        gap: 2px 10px;
      }
      ul {
        margin: 0 0 var(--space);
        padding-left: 18px;
      }
      ol.events {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ol.events li {
        border-top: 1px solid var(--color-border);
        padding: 6px 0;
      }
      .flag {
        font-weight: 700;
        color: var(--color-high);
      }
      .flag.new {
        color: var(--color-success);
      }
      button {
        padding: 3px 8px;
        margin-top: 4px;
      }
    `,
  ];

  @property({ attribute: false }) nodeId: string | null = null;
  /** The node at the current step, or null when it does not exist at that step. */
  @property({ attribute: false }) node: IamNode | null = null;
  @property({ attribute: false }) relations: readonly NodeRelation[] = [];
  @property({ attribute: false }) changes: readonly IamChange[] = [];
  @property({ attribute: false }) collab: TeamCollab | null = null;
  /** Bumped by the parent when the team timeline changes, so the "On the timeline" state is redrawn. */
  @property({ attribute: false }) timelineVersion = 0;

  @state() private addStatus = '';

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('nodeId')) this.addStatus = '';
  }

  override render() {
    if (!this.nodeId) {
      return html`<p class="muted">Select a node in the graph or the list to see its details and the events that changed it.</p>`;
    }
    const node = this.node;
    return html`
      <h3 data-testid="iam-details-title">${node ? `${KindLooks[node.kind].label} ${node.label}` : this.nodeId}</h3>
      ${node ? this.renderNode(node) : html`<p class="muted" data-testid="iam-details-absent">Not present at this step of the replay.</p>`}
      <h4>CloudTrail events that changed it</h4>
      ${this.addStatus ? html`<p role="status" data-testid="iam-timeline-status">${this.addStatus}</p>` : null}
      ${this.changes.length === 0
        ? html`<p class="muted" data-testid="iam-details-no-events">None up to this step: it is as the snapshot shows it.</p>`
        : html`<ol class="events" data-testid="iam-details-events">
            ${this.changes.map((change) => this.renderChange(change))}
          </ol>`}
    `;
  }

  private renderNode(node: IamNode) {
    return html`
      ${node.flags.length > 0
        ? html`<p data-testid="iam-details-flags">
            ${node.flags.map((flag) => html`<span class=${`flag ${flag}`}>${FlagMarkers[flag].marker}</span> ${FlagMarkers[flag].description}. `)}
          </p>`
        : null}
      <dl data-testid="iam-details-attributes">
        ${Object.entries(node.attributes).map(([name, value]) => html`<dt>${name}</dt><dd>${value}</dd>`)}
      </dl>
      ${this.relations.length > 0
        ? html`<ul aria-label="Relations">
            ${this.relations.map((relation) => html`<li>${relation.text}</li>`)}
          </ul>`
        : null}
    `;
  }

  private renderChange(change: IamChange) {
    const onTimeline = this.collab?.hasRef(change.eventId) ?? false;
    const buttonText = onTimeline ? 'On the timeline' : 'Add to timeline';
    return html`<li data-testid="iam-details-event">
      <div><span class="mono">${formatUtc(change.eventTime)}</span> <strong>${change.eventName}</strong></div>
      <div>${change.summary}</div>
      <div class="muted">${change.sourceIpAddress ? `from ${change.sourceIpAddress}, ` : ''}event ${change.eventId}</div>
      <button
        data-testid="iam-timeline-add"
        ?disabled=${!this.collab || onTimeline}
        @click=${() => this.addToTimeline(change)}
        aria-label=${`${buttonText}: ${change.eventName} at ${formatUtc(change.eventTime)}`}
      >
        ${buttonText}
      </button>
    </li>`;
  }

  private addToTimeline(change: IamChange): void {
    if (!this.collab) return;
    const result = this.collab.addEntry({
      refId: change.eventId,
      refKind: 'cloudtrail',
      eventTime: change.eventTime,
      actor: change.actor,
      action: `${serviceName(change.eventSource)}:${change.eventName}`,
      sourceIp: change.sourceIpAddress ?? '',
    });
    this.addStatus = result.added ? 'Added to the team timeline.' : 'This event is already on the team timeline.';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'iam-node-details': IamNodeDetails;
  }
}
