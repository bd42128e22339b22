import type { Core, EventObject } from 'cytoscape';
import type cytoscape from 'cytoscape';
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { IamGraph, IamGraphState } from '../../../shared/iam-graph.js';
import { columnLayout } from './iam-graph-layout.js';
import { canvasLabel, graphStylesheet } from './iam-graph-style.js';
import { everyElement } from './iam-replay.js';

/** Detail of `node-selected`: the id of the node the user picked. */
export interface NodeSelectedDetail {
  id: string;
}

/** Cytoscape is loaded on first use, as a chunk of its own, and shared by every canvas. */
let cytoscapeFactory: Promise<typeof cytoscape> | undefined;
function loadCytoscape(): Promise<typeof cytoscape> {
  cytoscapeFactory ??= import('cytoscape').then((module) => module.default);
  return cytoscapeFactory;
}

/**
 * The graph drawn with cytoscape. Every node of every step is placed once, and a step only shows
 * or hides elements, so nodes keep their places while the replay moves.
 * @fires node-selected - when the user clicks or taps a node.
 */
@customElement('iam-graph-canvas')
export class IamGraphCanvas extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    /* Cytoscape positions its canvas layers absolutely inside this box. */
    .canvas {
      position: relative;
      width: 100%;
      height: 100%;
      min-height: 360px;
    }
    .status {
      position: absolute;
      inset: 8px auto auto 8px;
      color: var(--color-muted);
    }
  `;

  @property({ attribute: false }) graph: IamGraph | null = null;
  @property({ attribute: false }) view: IamGraphState | null = null;
  /** Nodes changed by the current step, marked on the canvas. */
  @property({ attribute: false }) changedIds: readonly string[] = [];
  @property({ attribute: false }) selectedId: string | null = null;

  @state() private loadError = '';
  @query('.canvas') private container!: HTMLDivElement;

  private cy: Core | null = null;
  private builtFor: IamGraph | null = null;
  /**
   * Observer that draws or refits the graph once the canvas has a size. The tab panel is hidden
   * while another tab is open, so cytoscape loads only when the tab is first shown.
   */
  private readonly resizeObserver = new ResizeObserver((entries) => {
    const box = entries[entries.length - 1]?.contentRect;
    if (box && box.width > 0 && box.height > 0) void this.sync().then(() => this.fit());
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated) return;
    this.resizeObserver.observe(this.container);
    void this.sync();
  }

  override firstUpdated(): void {
    this.resizeObserver.observe(this.container);
  }

  override render() {
    return html`<div class="canvas" aria-hidden="true" data-testid="iam-canvas">
      ${this.loadError ? html`<p class="status">${this.loadError}</p>` : null}
    </div>`;
  }

  override updated(): void {
    void this.sync();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
    this.cy?.destroy();
    this.cy = null;
    this.builtFor = null;
  }

  private async sync(): Promise<void> {
    const graph = this.graph;
    if (!graph || this.container.clientWidth === 0 || this.container.clientHeight === 0) return;
    if (this.builtFor !== graph) {
      this.builtFor = graph;
      await this.build(graph);
      // A newer graph may have arrived while cytoscape loaded.
      if (this.builtFor !== graph) return;
    }
    this.applyView();
  }

  private async build(graph: IamGraph): Promise<void> {
    let create: typeof cytoscape;
    try {
      create = await loadCytoscape();
    } catch (error) {
      console.warn('Loading the graph library failed', error);
      cytoscapeFactory = undefined;
      this.loadError = 'The graph drawing could not be loaded. Reload the page, or use the node list beside it.';
      return;
    }
    const all = everyElement(graph);
    const positions = columnLayout(all.nodes, all.edges);
    const text = getComputedStyle(this).getPropertyValue('--color-text').trim() || '#e6edf3';
    this.cy?.destroy();
    const cy = create({
      container: this.container,
      style: graphStylesheet(text),
      layout: { name: 'preset', fit: true, padding: 30 },
      elements: [
        ...all.nodes.map((node) => ({ group: 'nodes' as const, data: { id: node.id, kind: node.kind, display: node.label }, position: positions.get(node.id) ?? { x: 0, y: 0 } })),
        ...all.edges.map((edge) => ({ group: 'edges' as const, data: { id: edge.id, kind: edge.kind, source: edge.source, target: edge.target } })),
      ],
      minZoom: 0.2,
      maxZoom: 3,
      boxSelectionEnabled: false,
      autounselectify: false,
    });
    cy.on('tap', 'node', (event: EventObject) => {
      const id = String(event.target.id());
      this.dispatchEvent(new CustomEvent<NodeSelectedDetail>('node-selected', { detail: { id }, bubbles: true, composed: true }));
    });
    this.cy = cy;
  }

  private applyView(): void {
    const cy = this.cy;
    const view = this.view;
    if (!cy || !view) return;
    const nodes = new Map(view.nodes.map((node) => [node.id, node]));
    const edges = new Set(view.edges.map((edge) => edge.id));
    const changed = new Set(this.changedIds);
    cy.batch(() => {
      cy.nodes().forEach((element) => {
        const node = nodes.get(element.id());
        element.toggleClass('absent', !node);
        if (!node) return;
        element.data('display', canvasLabel(node.label, node.flags));
        element.toggleClass('escalated', node.flags.includes('escalated'));
        element.toggleClass('new', node.flags.includes('new'));
        element.toggleClass('changed', changed.has(node.id));
      });
      cy.edges().forEach((element) => {
        element.toggleClass('absent', !edges.has(element.id()));
      });
      cy.nodes().unselect();
      if (this.selectedId) cy.getElementById(this.selectedId).select();
    });
  }

  /** Fit the graph to the canvas again, for example after the panel was hidden while the graph loaded. */
  fit(): void {
    if (!this.cy) return;
    this.cy.resize();
    this.cy.fit(undefined, 30);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'iam-graph-canvas': IamGraphCanvas;
  }
}
