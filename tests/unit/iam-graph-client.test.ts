import { describe, expect, it } from 'vitest';
import type { IamEdge, IamGraphState, IamNode } from '../../shared/iam-graph.js';
import { columnLayout } from '../../client/src/participant/iam-graph-layout.js';
import { canvasLabel } from '../../client/src/participant/iam-graph-style.js';
import { relationsOf } from '../../client/src/participant/iam-relations.js';

function node(id: string, kind: IamNode['kind'], label = id.slice(id.indexOf(':') + 1)): IamNode {
  return { id, kind, label, attributes: {}, flags: [] };
}

function edge(kind: IamEdge['kind'], source: string, target: string): IamEdge {
  return { id: `${kind}:${source}>${target}`, kind, source, target };
}

const view: IamGraphState = {
  nodes: [
    node('user:zed', 'user'),
    node('user:amy', 'user'),
    node('group:Admins', 'group'),
    node('policy:arn:aws:iam::aws:policy/AdministratorAccess', 'policy', 'AdministratorAccess'),
    node('key:AKIA2', 'accessKey'),
    node('key:AKIA1', 'accessKey'),
    node('role:deploy', 'role'),
  ],
  edges: [
    edge('member-of', 'user:zed', 'group:Admins'),
    edge('attached', 'group:Admins', 'policy:arn:aws:iam::aws:policy/AdministratorAccess'),
    edge('owns-key', 'user:zed', 'key:AKIA1'),
    edge('owns-key', 'user:amy', 'key:AKIA2'),
    edge('can-assume', 'user:amy', 'role:deploy'),
  ],
};

describe('IAM graph client helpers', () => {
  it('layout puts each kind in its column', () => {
    const positions = columnLayout(view.nodes, view.edges);
    const x = (id: string) => positions.get(id)!.x;
    expect(x('key:AKIA1')).toBeLessThan(x('user:amy'));
    expect(x('user:amy')).toBe(x('user:zed'));
    expect(x('user:zed')).toBeLessThan(x('group:Admins'));
    expect(x('group:Admins')).toBeLessThan(x('policy:arn:aws:iam::aws:policy/AdministratorAccess'));
    expect(x('policy:arn:aws:iam::aws:policy/AdministratorAccess')).toBeLessThan(x('role:deploy'));
    expect(positions.size).toBe(view.nodes.length);
  });

  it('layout keeps keys beside their users', () => {
    const positions = columnLayout(view.nodes, view.edges);
    const y = (id: string) => positions.get(id)!.y;
    expect(y('user:amy')).toBeLessThan(y('user:zed'));
    expect(y('key:AKIA2')).toBeLessThan(y('key:AKIA1'));
  });

  it('relations read in both directions', () => {
    expect(relationsOf(view, 'user:zed').map((relation) => relation.text)).toEqual(['member of group Admins', 'owns access key AKIA1']);
    expect(relationsOf(view, 'group:Admins').map((relation) => relation.text)).toEqual(['has member user zed', 'has policy AdministratorAccess']);
    expect(relationsOf(view, 'key:AKIA2').map((relation) => relation.text)).toEqual(['owned by user amy']);
    expect(relationsOf(view, 'role:deploy').map((relation) => relation.text)).toEqual(['can be assumed by user amy']);
  });

  it('label adds a line per flag', () => {
    expect(canvasLabel('dev-deploy', [])).toBe('dev-deploy');
    expect(canvasLabel('svc-backup', ['escalated', 'new'])).toBe('svc-backup\n▲ ESCALATED\n✚ NEW');
  });
});
