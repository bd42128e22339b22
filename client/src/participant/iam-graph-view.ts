import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { IamGraph, IamGraphState, IamNode } from '../../../shared/iam-graph.js';
import { formatUtc } from '../app/format.js';
import type { AppSocket } from '../net/app-socket.js';
import { describeError, request } from '../net/request.js';
import type { TeamCollab } from '../net/team-collab.js';
import { sharedStyles } from '../styles/shared-styles.js';
import './iam-graph-canvas.js';
import type { NodeSelectedDetail } from './iam-graph-canvas.js';
import { EdgeLabels, FlagMarkers, KindLooks } from './iam-graph-style.js';
import './iam-node-details.js';
import { relationsOf } from './iam-relations.js';
import { changesOfNode, stateAtStep } from './iam-replay.js';

/**
 * The IAM graph tab: users, groups, roles, policies and access keys as the released CloudTrail
 * shows them, with a slider that replays the IAM changes from the snapshot on. Nodes are also
 * listed in a table, because the graph canvas cannot be reached with a keyboard.
 */
@customElement('iam-graph-view')
export class IamGraphView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .head {
        display: flex;
        gap: var(--space);
        align-items: baseline;
        flex-wrap: wrap;
        margin-bottom: var(--space);
      }
      .head h2 {
        margin: 0;
      }
      .replay {
        display: grid;
        grid-template-columns: max-content minmax(200px, 1fr) max-content;
        gap: 4px 12px;
        align-items: center;
        margin-bottom: var(--space);
      }
      .replay label {
        margin: 0;
      }
      .replay input {
        width: 100%;
        padding: 0;
      }
      .replay output {
        grid-column: 1 / -1;
        min-height: 1.45em;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 14px;
        margin: 0 0 var(--space);
        padding: 0;
        list-style: none;
        font-size: 12.5px;
      }
      .swatch {
        display: inline-block;
        width: 11px;
        height: 11px;
        margin-right: 4px;
        vertical-align: -1px;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(280px, 340px);
        gap: 12px;
        align-items: start;
      }
      iam-graph-canvas {
        height: 470px;
        border: 1px solid var(--color-border);
        border-radius: var(--radius);
        background: var(--color-bg);
      }
      .side {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      .node-list {
        max-height: 230px;
        overflow-y: auto;
        border: 1px solid var(--color-border);
        border-radius: var(--radius);
      }
      .node-list td,
      .node-list th {
        padding: 3px 6px;
        font-size: 12.5px;
      }
      .node-list tbody tr {
        cursor: pointer;
      }
      .node-list tbody tr:hover,
      .node-list tbody tr.selected {
        background: var(--color-selected);
      }
      .node-list button {
        padding: 1px 6px;
        border-color: transparent;
        background: transparent;
        text-align: left;
        overflow-wrap: anywhere;
      }
      .node-list button[aria-pressed='true'] {
        background: var(--color-selected);
        border-color: var(--color-accent);
      }
      .flags {
        font-weight: 700;
        color: var(--color-high);
      }
      .details {
        max-height: 360px;
        overflow-y: auto;
      }
    `,
  ];

  @property({ attribute: false }) socket: AppSocket | null = null;
  @property({ attribute: false }) collab: TeamCollab | null = null;
  /** Number of released phases. A change widens the visible CloudTrail, so the graph is loaded again. */
  @property({ type: Number }) phaseCount = 0;

  @state() private graph: IamGraph | null = null;
  @state() private step = 0;
  @state() private selectedId: string | null = null;
  @state() private loading = false;
  @state() private loadError = '';
  @state() private timelineVersion = 0;

  /** Sequence number of the latest request, so a slow older response cannot overwrite a newer one. */
  private loadRequest = 0;
  private readonly onTimelineChanged = () => (this.timelineVersion += 1);

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('socket') || changed.has('phaseCount')) void this.load();
    if (changed.has('collab')) {
      const previous = changed.get('collab') as TeamCollab | null | undefined;
      previous?.removeEventListener('timeline-changed', this.onTimelineChanged);
      this.collab?.addEventListener('timeline-changed', this.onTimelineChanged);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.collab?.removeEventListener('timeline-changed', this.onTimelineChanged);
  }

  override render() {
    return html`<section class="panel" aria-labelledby="iam-heading">
      <div class="head">
        <h2 id="iam-heading">IAM graph</h2>
        ${this.graph
          ? html`<span class="muted" data-testid="iam-horizon">
              Snapshot ${formatUtc(this.graph.snapshotTime)} UTC, CloudTrail released up to ${formatUtc(this.graph.horizon)} UTC
            </span>`
          : null}
        <span class="spacer"></span>
        <button data-testid="iam-reload" ?disabled=${this.loading || !this.socket} @click=${() => void this.load()}>Reload</button>
      </div>
      ${this.loadError ? html`<p class="error" role="alert" data-testid="iam-error">${this.loadError}</p>` : null}
      ${this.graph?.truncated
        ? html`<p class="error" role="status">
            There are more IAM changes than one request reads, so the latest ones are missing. Use the Athena tab to see them all.
          </p>`
        : null}
      ${this.renderBody()}
    </section>`;
  }

  private renderBody() {
    if (this.phaseCount === 0) {
      return html`<p class="muted" data-testid="iam-waiting">The IAM graph appears once the facilitator starts the exercise.</p>`;
    }
    const graph = this.graph;
    if (!graph) {
      return html`<p class="muted">${this.loading ? 'Loading the IAM graph…' : ''}</p>`;
    }
    const view = stateAtStep(graph, this.step);
    const current = this.step > 0 ? graph.changes[this.step - 1] : undefined;
    return html`
      ${this.renderReplay(graph)}
      ${this.renderLegend()}
      <div class="layout">
        <iam-graph-canvas
          .graph=${graph}
          .view=${view}
          .changedIds=${current?.nodeIds ?? []}
          .selectedId=${this.selectedId}
          @node-selected=${(event: CustomEvent<NodeSelectedDetail>) => (this.selectedId = event.detail.id)}
        ></iam-graph-canvas>
        <div class="side">
          ${this.renderNodeList(view)}
          <div class="details" data-testid="iam-details">${this.renderDetails(graph, view)}</div>
        </div>
      </div>
    `;
  }

  private renderReplay(graph: IamGraph) {
    const total = graph.changes.length;
    const change = this.step > 0 ? graph.changes[this.step - 1] : undefined;
    const description = change
      ? `${formatUtc(change.eventTime)} UTC, ${change.eventName}: ${change.summary}`
      : `The snapshot at ${formatUtc(graph.snapshotTime)} UTC, before any change`;
    return html`<div class="replay">
      <label for="iam-step">Replay step ${this.step} of ${total}</label>
      <input
        id="iam-step"
        type="range"
        min="0"
        max=${total}
        step="1"
        .value=${String(this.step)}
        ?disabled=${total === 0}
        aria-valuetext=${`Step ${this.step} of ${total}: ${description}`}
        data-testid="iam-step"
        @input=${(event: Event) => (this.step = Number((event.target as HTMLInputElement).value))}
      />
      <button data-testid="iam-step-latest" ?disabled=${this.step === total} @click=${() => (this.step = total)}>Show latest</button>
      <output for="iam-step" aria-live="polite" data-testid="iam-step-description">${description}</output>
    </div>`;
  }

  private renderLegend() {
    return html`<ul class="legend" aria-label="Legend">
      ${Object.values(KindLooks).map(
        (look) => html`<li><span class="swatch" style=${`background:${look.color}`}></span>${look.label}: ${look.shapeName}</li>`,
      )}
      ${Object.values(FlagMarkers).map((flag) => html`<li><strong>${flag.marker}</strong>: ${flag.description}</li>`)}
      <li>Arrows: ${EdgeLabels.attached}, ${EdgeLabels['member-of']} (dotted), ${EdgeLabels['owns-key']}, ${EdgeLabels['can-assume']} (dashed)</li>
    </ul>`;
  }

  private renderNodeList(view: IamGraphState) {
    return html`<div class="node-list">
      <table data-testid="iam-node-list">
        <caption class="muted">Nodes at this step (${view.nodes.length})</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Flags</th>
          </tr>
        </thead>
        <tbody>
          ${view.nodes.map((node) => this.renderNodeRow(node))}
        </tbody>
      </table>
    </div>`;
  }

  private renderNodeRow(node: IamNode) {
    // The whole row selects on a pointer click; the button inside is its keyboard equivalent.
    return html`<tr data-testid="iam-node-row" data-node-id=${node.id} class=${this.selectedId === node.id ? 'selected' : ''} @click=${() => (this.selectedId = node.id)}>
      <td>
        <button aria-pressed=${this.selectedId === node.id ? 'true' : 'false'}>${node.label}</button>
      </td>
      <td>${KindLooks[node.kind].label}</td>
      <td class="flags" data-testid="iam-node-flags">${node.flags.map((flag) => FlagMarkers[flag].marker).join(' ')}</td>
    </tr>`;
  }

  private renderDetails(graph: IamGraph, view: IamGraphState) {
    const id = this.selectedId;
    return html`<iam-node-details
      .nodeId=${id}
      .node=${id ? (view.nodes.find((node) => node.id === id) ?? null) : null}
      .relations=${id ? relationsOf(view, id) : []}
      .changes=${id ? changesOfNode(graph, id, this.step) : []}
      .collab=${this.collab}
      .timelineVersion=${this.timelineVersion}
    ></iam-node-details>`;
  }

  private async load(): Promise<void> {
    if (!this.socket || this.phaseCount === 0) return;
    const sequence = ++this.loadRequest;
    this.loading = true;
    const result = await request(this.socket, 'iam:graph', undefined);
    if (sequence !== this.loadRequest) return;
    this.loading = false;
    if (!result.ok) {
      this.loadError = `Loading the IAM graph failed: ${describeError(result.error)}`;
      return;
    }
    this.loadError = '';
    // A reader at the latest step follows new changes, and one replaying an earlier step stays there.
    const atLatest = !this.graph || this.step >= this.graph.changes.length;
    this.graph = result.data;
    this.step = atLatest ? result.data.changes.length : Math.min(this.step, result.data.changes.length);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'iam-graph-view': IamGraphView;
  }
}
