import type { IamGraph, IamGraphState } from '../../../shared/iam-graph.js';

/**
 * Replay the graph up to `step` changes, where 0 is the snapshot and `changes.length` is now.
 * The step is clamped to that range, and the graph itself is not modified.
 */
export function stateAtStep(graph: IamGraph, step: number): IamGraphState {
  const last = Math.max(0, Math.min(Math.trunc(step), graph.changes.length));
  const nodes = new Map(graph.initial.nodes.map((node) => [node.id, node]));
  const edges = new Map(graph.initial.edges.map((edge) => [edge.id, edge]));
  for (const change of graph.changes.slice(0, last)) {
    for (const operation of change.operations) {
      switch (operation.op) {
        case 'put-node':
          nodes.set(operation.node.id, operation.node);
          break;
        case 'remove-node':
          nodes.delete(operation.id);
          break;
        case 'put-edge':
          edges.set(operation.edge.id, operation.edge);
          break;
        case 'remove-edge':
          edges.delete(operation.id);
          break;
      }
    }
  }
  // An edge whose end was removed is dropped, so cytoscape is never handed a dangling edge.
  const kept = [...edges.values()].filter((edge) => nodes.has(edge.source) && nodes.has(edge.target));
  return { nodes: [...nodes.values()], edges: kept };
}

/** List the changes up to `step` that touched the node, newest first. */
export function changesOfNode(graph: IamGraph, nodeId: string, step: number): IamGraph['changes'] {
  return graph.changes
    .slice(0, Math.max(0, step))
    .filter((change) => change.nodeIds.includes(nodeId))
    .reverse();
}

/** Collect every node and edge that exists at any step, in their latest form, so a layout can place them all once. */
export function everyElement(graph: IamGraph): IamGraphState {
  const nodes = new Map(graph.initial.nodes.map((node) => [node.id, node]));
  const edges = new Map(graph.initial.edges.map((edge) => [edge.id, edge]));
  for (const change of graph.changes) {
    for (const operation of change.operations) {
      if (operation.op === 'put-node') nodes.set(operation.node.id, operation.node);
      else if (operation.op === 'put-edge') edges.set(operation.edge.id, operation.edge);
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
