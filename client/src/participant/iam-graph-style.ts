import type { StylesheetJson } from 'cytoscape';
import type { IamEdgeKind, IamNodeFlag, IamNodeKind } from '../../../shared/iam-graph.js';

/**
 * Look of one kind of node. Every kind has its own shape as well as its own colour, and flags
 * add a text marker to the label, so the graph does not depend on colour alone.
 */
export interface KindLook {
  label: string;
  /** Cytoscape node shape. */
  shape: 'ellipse' | 'round-rectangle' | 'hexagon' | 'rectangle' | 'diamond';
  /** Fill colour, chosen for the dark theme's surface colour. */
  color: string;
  /** Shape name for the legend and the node list. */
  shapeName: string;
}

export const KindLooks: Record<IamNodeKind, KindLook> = {
  user: { label: 'User', shape: 'ellipse', color: '#5ea2ff', shapeName: 'circle' },
  group: { label: 'Group', shape: 'round-rectangle', color: '#3fc1b0', shapeName: 'rounded square' },
  role: { label: 'Role', shape: 'hexagon', color: '#b48cff', shapeName: 'hexagon' },
  policy: { label: 'Policy', shape: 'rectangle', color: '#f3b05a', shapeName: 'square' },
  accessKey: { label: 'Access key', shape: 'diamond', color: '#b4bfcb', shapeName: 'diamond' },
};

/** Text markers added to a node's label for each flag, so a flag is readable without colour. */
export const FlagMarkers: Record<IamNodeFlag, { marker: string; description: string }> = {
  escalated: { marker: '▲ ESCALATED', description: 'gained administrator-like access after the snapshot (thick red double border)' },
  new: { marker: '✚ NEW', description: 'created after the snapshot (dashed green border)' },
};

export const EdgeLabels: Record<IamEdgeKind, string> = {
  'member-of': 'member of',
  attached: 'attached',
  'inline-policy': 'inline policy',
  'owns-key': 'owns key',
  'can-assume': 'can assume',
};

/** Label shown on the canvas: the name, then one line per flag marker. */
export function canvasLabel(label: string, flags: readonly IamNodeFlag[]): string {
  return [label, ...flags.map((flag) => FlagMarkers[flag].marker)].join('\n');
}

/** Build the cytoscape stylesheet, with `text` as the label colour read from the page theme. */
export function graphStylesheet(text: string): StylesheetJson {
  const kinds = Object.entries(KindLooks).map(([kind, look]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { shape: look.shape, 'background-color': look.color },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(display)',
        color: text,
        'font-size': 13,
        'text-wrap': 'wrap',
        'text-max-width': '175px',
        'text-overflow-wrap': 'anywhere',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        width: 28,
        height: 28,
        'border-width': 1,
        'border-color': '#0f141a',
      },
    },
    ...kinds,
    { selector: 'node.new', style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#56d38f' } },
    { selector: 'node.escalated', style: { 'border-width': 6, 'border-style': 'double', 'border-color': '#ff5c50' } },
    { selector: 'node.changed', style: { 'underlay-color': '#f3b05a', 'underlay-opacity': 0.35, 'underlay-padding': 8 } },
    { selector: 'node:selected', style: { 'overlay-color': '#5ea2ff', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#6b7a8a',
        'target-arrow-color': '#6b7a8a',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        'arrow-scale': 0.8,
      },
    },
    { selector: 'edge[kind = "member-of"]', style: { 'line-style': 'dotted' } },
    { selector: 'edge[kind = "can-assume"]', style: { 'line-style': 'dashed', 'line-color': '#b48cff', 'target-arrow-color': '#b48cff' } },
    { selector: '.absent', style: { display: 'none' } },
  ];
}
