import type { IamGraphOperation, IamGraphState, IamNode } from '../../../shared/iam-graph.js';

/**
 * List the operations that turn `before` into `after`, removals first, then additions and
 * changed nodes and edges. Applying them in order to `before` gives `after` as a set.
 */
export function diffStates(before: IamGraphState, after: IamGraphState): IamGraphOperation[] {
  const operations: IamGraphOperation[] = [];
  const afterNodes = new Map(after.nodes.map((node) => [node.id, node]));
  const afterEdges = new Set(after.edges.map((edge) => edge.id));
  const beforeNodes = new Map(before.nodes.map((node) => [node.id, node]));
  const beforeEdges = new Set(before.edges.map((edge) => edge.id));

  for (const edge of before.edges) if (!afterEdges.has(edge.id)) operations.push({ op: 'remove-edge', id: edge.id });
  for (const node of before.nodes) if (!afterNodes.has(node.id)) operations.push({ op: 'remove-node', id: node.id });
  for (const node of after.nodes) {
    const previous = beforeNodes.get(node.id);
    if (!previous || !sameNode(previous, node)) operations.push({ op: 'put-node', node });
  }
  for (const edge of after.edges) if (!beforeEdges.has(edge.id)) operations.push({ op: 'put-edge', edge });
  return operations;
}

/** Equal label, kind, flags and attributes, with attributes in the same display order. */
function sameNode(a: IamNode, b: IamNode): boolean {
  if (a.label !== b.label || a.kind !== b.kind || a.flags.length !== b.flags.length) return false;
  if (a.flags.some((flag, index) => flag !== b.flags[index])) return false;
  const keys = Object.keys(a.attributes);
  const otherKeys = Object.keys(b.attributes);
  if (keys.length !== otherKeys.length) return false;
  return keys.every((key, index) => otherKeys[index] === key && a.attributes[key] === b.attributes[key]);
}

/** Node ids an operation list touches, including both ends of every changed edge. */
export function touchedNodeIds(operations: IamGraphOperation[]): string[] {
  const ids = new Set<string>();
  for (const operation of operations) {
    if (operation.op === 'put-node') ids.add(operation.node.id);
    else if (operation.op === 'remove-node') ids.add(operation.id);
    else if (operation.op === 'put-edge') ids.add(operation.edge.source).add(operation.edge.target);
    else {
      // Edge ids are KIND:SOURCE>TARGET, and no kind contains a colon.
      const [source, target] = operation.id.slice(operation.id.indexOf(':') + 1).split('>');
      if (source) ids.add(source);
      if (target) ids.add(target);
    }
  }
  return [...ids];
}
