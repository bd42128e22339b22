import type { IamEdgeKind, IamGraphState } from '../../../shared/iam-graph.js';
import type { NodeRelation } from './iam-node-details.js';
import { KindLooks } from './iam-graph-style.js';

/** Phrases of each edge kind, read from its source and from its target. The other node's kind follows the phrase. */
const Phrases: Record<IamEdgeKind, { outgoing: string; incoming: string }> = {
  'member-of': { outgoing: 'member of', incoming: 'has member' },
  attached: { outgoing: 'has', incoming: 'attached to' },
  'inline-policy': { outgoing: 'has inline', incoming: 'inline policy of' },
  'owns-key': { outgoing: 'owns', incoming: 'owned by' },
  'can-assume': { outgoing: 'can assume', incoming: 'can be assumed by' },
};

/** Describe the relations of one node at a step in words, for the details pane and screen readers. */
export function relationsOf(view: IamGraphState, nodeId: string): NodeRelation[] {
  const nodes = new Map(view.nodes.map((node) => [node.id, node]));
  const relations: NodeRelation[] = [];
  for (const edge of view.edges) {
    const outgoing = edge.source === nodeId;
    if (!outgoing && edge.target !== nodeId) continue;
    const other = nodes.get(outgoing ? edge.target : edge.source);
    if (!other) continue;
    const phrase = outgoing ? Phrases[edge.kind].outgoing : Phrases[edge.kind].incoming;
    relations.push({ text: `${phrase} ${KindLooks[other.kind].label.toLowerCase()} ${other.label}`, otherId: other.id });
  }
  return relations.sort((a, b) => a.text.localeCompare(b.text));
}
