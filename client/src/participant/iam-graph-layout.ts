import type { IamEdge, IamNode, IamNodeKind } from '../../../shared/iam-graph.js';

/** Column of each kind, left to right: keys beside their users, then groups, policies and roles. */
const Columns: Record<IamNodeKind, number> = { accessKey: 0, user: 1, group: 2, policy: 3, role: 4 };

/** Kinds in the order their columns are filled. Each column is ordered by the neighbours already placed. */
const PlacementOrder: IamNodeKind[] = ['user', 'accessKey', 'group', 'role', 'policy'];

const ColumnGap = 220;
const RowGap = 72;

/**
 * Place nodes in one column per kind, so edges mostly run left to right and a node keeps its
 * place while the replay steps. Within a column, nodes are ordered by the mean row of their
 * neighbours in columns filled before (a barycentre pass), which keeps most edges short.
 * Returns model coordinates; the canvas zooms them to fit.
 */
export function columnLayout(nodes: readonly IamNode[], edges: readonly IamEdge[]): Map<string, { x: number; y: number }> {
  const neighbours = new Map<string, string[]>();
  for (const edge of edges) {
    neighbours.set(edge.source, [...(neighbours.get(edge.source) ?? []), edge.target]);
    neighbours.set(edge.target, [...(neighbours.get(edge.target) ?? []), edge.source]);
  }

  const rows = new Map<string, number>();
  const columns = new Map<IamNodeKind, IamNode[]>();
  for (const kind of PlacementOrder) {
    const members = nodes.filter((node) => node.kind === kind);
    const weight = (node: IamNode) => {
      const placed = (neighbours.get(node.id) ?? []).map((id) => rows.get(id)).filter((row) => row !== undefined);
      return placed.length > 0 ? placed.reduce((sum, row) => sum + row, 0) / placed.length : Number.POSITIVE_INFINITY;
    };
    const ordered = members
      .map((node) => ({ node, weight: weight(node) }))
      .sort((a, b) => a.weight - b.weight || a.node.label.localeCompare(b.node.label))
      .map((entry) => entry.node);
    ordered.forEach((node, index) => rows.set(node.id, index));
    columns.set(kind, ordered);
  }

  // Shorter columns are centred against the tallest one.
  const tallest = Math.max(1, ...[...columns.values()].map((members) => members.length));
  const positions = new Map<string, { x: number; y: number }>();
  for (const [kind, members] of columns) {
    const offset = ((tallest - members.length) * RowGap) / 2;
    members.forEach((node, index) => positions.set(node.id, { x: Columns[kind] * ColumnGap, y: offset + index * RowGap }));
  }
  return positions;
}
