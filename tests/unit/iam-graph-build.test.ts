import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IamGraph, IamNode } from '../../shared/iam-graph.js';
import { changesOfNode, stateAtStep } from '../../client/src/participant/iam-replay.js';
import { buildIamGraph, buildIamGraphAsync } from '../../server/investigation/iam-graph/build-graph.js';
import type { IamEvent } from '../../server/investigation/iam-graph/iam-event.js';
import { parseIamSnapshot } from '../../server/investigation/iam-graph/snapshot.js';

const packDir = path.resolve(import.meta.dirname, '../../scenarios/apexcorp-prod');
const snapshot = parseIamSnapshot(JSON.parse(readFileSync(path.join(packDir, 'iam/snapshot.json'), 'utf8')));
const attackRecords = (JSON.parse(readFileSync(path.join(packDir, 'cloudtrail/attack.json'), 'utf8')) as { Records: Record<string, unknown>[] }).Records;
const options = { scenarioId: 'apexcorp-prod', accountId: '123456789012', windowStart: '2026-05-07T00:00:00Z', horizon: '2026-05-08T06:00:00Z' };

/** Select the scenario's IAM records as the server reads them: successful calls, oldest first. */
function attackIamEvents(): IamEvent[] {
  return attackRecords
    .filter((record) => record.eventSource === 'iam.amazonaws.com' && !record.errorCode)
    .sort((a, b) => String(a.eventTime).localeCompare(String(b.eventTime)))
    .map((record) => {
      const identity = record.userIdentity as { type?: string; userName?: string; arn?: string };
      return {
        eventId: String(record.eventID),
        eventTime: String(record.eventTime),
        eventName: String(record.eventName),
        eventSource: 'iam.amazonaws.com',
        actor: identity.userName ?? identity.arn ?? 'unknown',
        callerUserName: identity.type === 'IAMUser' ? (identity.userName ?? null) : null,
        sourceIpAddress: typeof record.sourceIPAddress === 'string' ? record.sourceIPAddress : null,
        requestParameters: record.requestParameters ?? null,
        responseElements: record.responseElements ?? null,
      };
    });
}

let sequence = 0;
function event(eventName: string, requestParameters: unknown, responseElements: unknown = null, caller = 'dev-deploy'): IamEvent {
  sequence += 1;
  return {
    eventId: `event-${sequence}`,
    eventTime: `2026-05-08T03:${String(sequence % 60).padStart(2, '0')}:00Z`,
    eventName,
    eventSource: 'iam.amazonaws.com',
    actor: caller,
    callerUserName: caller,
    sourceIpAddress: '185.220.101.45',
    requestParameters,
    responseElements,
  };
}

function node(graph: Pick<IamGraph, 'current'>, id: string): IamNode | undefined {
  return graph.current.nodes.find((candidate) => candidate.id === id);
}

function edgeIds(graph: Pick<IamGraph, 'current'>): string[] {
  return graph.current.edges.map((edge) => edge.id);
}

describe('IAM graph builder', () => {
  it('snapshot gives identities, policies and keys', () => {
    const graph = buildIamGraph(snapshot, [], options);
    const kinds = new Set(graph.current.nodes.map((item) => item.kind));
    expect([...kinds].sort()).toEqual(['accessKey', 'group', 'policy', 'role', 'user']);
    expect(node(graph, 'user:dev-deploy')?.attributes['Administrator access']).toBe('no');
    expect(node(graph, 'user:dana.whitfield')?.attributes['Administrator access']).toBe('yes');
    expect(node(graph, 'user:dana.whitfield')?.flags).toEqual([]);
    expect(node(graph, 'key:AKIABZPUZDIKLNSTKRFZ')?.attributes.Status).toBe('Active');
    expect(edgeIds(graph)).toContain('member-of:user:alice.chen>group:Developers');
    expect(edgeIds(graph)).toContain('attached:group:Administrators>policy:arn:aws:iam::aws:policy/AdministratorAccess');
    expect(edgeIds(graph)).toContain('owns-key:user:dev-deploy>key:AKIABZPUZDIKLNSTKRFZ');
    expect(edgeIds(graph)).toContain('inline-policy:user:bi-export>inline:user:bi-export/bi-export-read');
    expect(node(graph, 'role:apexcorp-web-ec2-role')?.attributes['Trusted services']).toBe('ec2.amazonaws.com');
    expect(graph.changes).toEqual([]);
    expect(graph.current).toEqual(graph.initial);
    expect(graph.snapshotTime).toBe('2026-05-07T00:00:00Z');
  });

  it('scenario attack flags escalation and backdoors', () => {
    const graph = buildIamGraph(snapshot, attackIamEvents(), options);
    expect(node(graph, 'user:dev-deploy')?.flags).toEqual(['escalated']);
    expect(node(graph, 'user:svc-backup')?.flags).toEqual(['escalated', 'new']);
    expect(node(graph, 'user:svc-backup')?.attributes['Console password']).toBe('yes');
    expect(node(graph, 'key:AKIABZPUZDIKDNQIULWG')?.flags).toEqual(['new']);
    expect(node(graph, 'key:AKIABZPUZDIKB7K2HUIV')?.attributes.User).toBe('svc-backup');
    expect(node(graph, 'user:alice.chen')?.flags).toEqual([]);
    expect(node(graph, 'key:AKIABZPUZDIKMX23YIPI')).toBeUndefined();
    expect(edgeIds(graph)).toContain('attached:user:dev-deploy>policy:arn:aws:iam::aws:policy/AdministratorAccess');

    const escalation = graph.changes.find((change) => change.eventId === 'a6459e80-7620-431b-a0b0-09baea03b128');
    expect(escalation?.summary).toBe('dev-deploy attached AdministratorAccess to user dev-deploy');
    expect(escalation?.nodeIds).toContain('user:dev-deploy');
    expect(escalation?.actor).toBe('dev-deploy');
    expect(escalation?.sourceIpAddress).toBe('185.220.101.45');
  });

  it('changes follow CloudTrail order', () => {
    const graph = buildIamGraph(snapshot, attackIamEvents(), options);
    const times = graph.changes.map((change) => change.eventTime);
    expect(times).toEqual([...times].sort());
    expect(graph.changes.map((change) => change.eventName)).toEqual([
      'CreateAccessKey',
      'UpdateAccessKey',
      'DeleteAccessKey',
      'AttachUserPolicy',
      'AttachUserPolicy',
      'CreateAccessKey',
      'CreateUser',
      'CreateLoginProfile',
      'AttachUserPolicy',
      'CreateAccessKey',
    ]);
  });

  it('replay of every step matches a fresh build', () => {
    const events = attackIamEvents();
    const graph = buildIamGraph(snapshot, events, options);
    const sorted = (state: IamGraph['current']) => ({
      nodes: [...state.nodes].sort((a, b) => a.id.localeCompare(b.id)),
      edges: [...state.edges].sort((a, b) => a.id.localeCompare(b.id)),
    });
    for (let step = 0; step <= graph.changes.length; step += 1) {
      const partial = buildIamGraph(snapshot, events.filter((item) => graph.changes.slice(0, step).some((change) => change.eventId === item.eventId)), options);
      expect(sorted(stateAtStep(graph, step))).toEqual(sorted(partial.current));
    }
    expect(sorted(stateAtStep(graph, 999))).toEqual(sorted(graph.current));
    expect(sorted(stateAtStep(graph, -3))).toEqual(sorted(graph.initial));
  });

  it('async build equals sync build', async () => {
    const events = [...attackIamEvents(), ...attackIamEvents(), ...attackIamEvents()];
    expect(await buildIamGraphAsync(snapshot, events, options)).toEqual(buildIamGraph(snapshot, events, options));
  });

  it('node history lists its events newest first', () => {
    const graph = buildIamGraph(snapshot, attackIamEvents(), options);
    const history = changesOfNode(graph, 'user:dev-deploy', graph.changes.length);
    expect(history.map((change) => change.eventName)).toEqual(['CreateAccessKey', 'AttachUserPolicy']);
    expect(changesOfNode(graph, 'user:dev-deploy', 0)).toEqual([]);
  });

  it('unknown events are skipped', () => {
    const graph = buildIamGraph(snapshot, [event('TagUser', { userName: 'dev-deploy' }), event('constructor', {}), event('__proto__', {})], options);
    expect(graph.changes).toEqual([]);
    expect(graph.current).toEqual(graph.initial);
  });

  it('malformed request parameters do not crash', () => {
    const malformed: unknown[] = [null, 'not json', '{"userName":', 42, [], ['dev-deploy'], { userName: 42 }, { userName: '' }, { policyArn: { nested: true } }, true];
    const names = ['CreateUser', 'AttachUserPolicy', 'PutUserPolicy', 'CreateAccessKey', 'UpdateAccessKey', 'DeleteAccessKey', 'AddUserToGroup', 'CreateRole', 'CreatePolicyVersion', 'SetDefaultPolicyVersion', 'UpdateAssumeRolePolicy', 'DeleteUser'];
    const events = names.flatMap((name) => malformed.map((parameters) => ({ ...event(name, parameters, parameters), callerUserName: null })));
    const graph = buildIamGraph(snapshot, events, options);
    expect(graph.changes).toEqual([]);
    expect(graph.current).toEqual(graph.initial);
  });

  it('bad policy document still attaches', () => {
    const graph = buildIamGraph(snapshot, [event('PutUserPolicy', { userName: 'bob.martinez', policyName: 'odd', policyDocument: '%E0%A4%A' })], options);
    expect(node(graph, 'inline:user:bob.martinez/odd')?.attributes['Administrator access']).toBe('no');
    expect(node(graph, 'user:bob.martinez')?.flags).toEqual([]);
  });

  it('group membership escalates a user', () => {
    const graph = buildIamGraph(snapshot, [event('AddUserToGroup', { userName: 'bob.martinez', groupName: 'Administrators' })], options);
    expect(node(graph, 'user:bob.martinez')?.flags).toEqual(['escalated']);
    expect(node(graph, 'group:Administrators')?.flags).toEqual([]);
    expect(graph.changes[0]?.nodeIds).toEqual(['user:bob.martinez', 'group:Administrators']);
  });

  it('wildcard policy version escalates', () => {
    const arn = 'arn:aws:iam::123456789012:policy/DevDeployPipelinePolicy';
    const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    const created = event('CreatePolicyVersion', { policyArn: arn, policyDocument: document, setAsDefault: false }, { policyVersion: { versionId: 'v4', isDefaultVersion: false } });
    const notDefault = buildIamGraph(snapshot, [created], options);
    expect(node(notDefault, 'user:dev-deploy')?.flags).toEqual([]);

    const made = buildIamGraph(snapshot, [created, event('SetDefaultPolicyVersion', { policyArn: arn, versionId: 'v4' })], options);
    expect(node(made, 'user:dev-deploy')?.flags).toEqual(['escalated']);
    expect(node(made, `policy:${arn}`)?.attributes['Default version']).toBe('v4');
    expect(node(made, `policy:${arn}`)?.attributes['Administrator access']).toBe('yes');
  });

  it('inline iam wildcard escalates', () => {
    const document = { Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 'IAM:*'], Resource: '*' }] };
    const graph = buildIamGraph(snapshot, [event('PutRolePolicy', { roleName: 'apexcorp-api-task-role', policyName: 'wide', policyDocument: JSON.stringify(document) })], options);
    expect(node(graph, 'role:apexcorp-api-task-role')?.flags).toEqual(['escalated']);
    expect(edgeIds(graph)).toContain('inline-policy:role:apexcorp-api-task-role>inline:role:apexcorp-api-task-role/wide');
  });

  it('deny statement does not escalate', () => {
    const document = { Statement: { Effect: 'Deny', Action: '*', Resource: '*' } };
    const graph = buildIamGraph(snapshot, [event('PutUserPolicy', { userName: 'bob.martinez', policyName: 'deny-all', policyDocument: document })], options);
    expect(node(graph, 'user:bob.martinez')?.flags).toEqual([]);
  });

  it('detach removes the escalation', () => {
    const admin = { userName: 'dev-deploy', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' };
    const graph = buildIamGraph(snapshot, [event('AttachUserPolicy', admin), event('DetachUserPolicy', admin)], options);
    expect(node(stateAtStepGraph(graph, 1), 'user:dev-deploy')?.flags).toEqual(['escalated']);
    expect(node(graph, 'user:dev-deploy')?.flags).toEqual([]);
    expect(node(graph, 'policy:arn:aws:iam::aws:policy/AdministratorAccess')).toBeDefined();
  });

  it('new role trusting a user adds can-assume', () => {
    const trust = { Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:user/dev-deploy' }, Action: 'sts:AssumeRole' }] };
    const graph = buildIamGraph(
      snapshot,
      [event('CreateRole', { roleName: 'backdoor', assumeRolePolicyDocument: JSON.stringify(trust) }, { role: { arn: 'arn:aws:iam::123456789012:role/backdoor' } })],
      options,
    );
    expect(node(graph, 'role:backdoor')?.flags).toEqual(['new']);
    expect(edgeIds(graph)).toContain('can-assume:user:dev-deploy>role:backdoor');

    const outside = { Statement: [{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::999999999999:root'] }, Action: 'sts:AssumeRole' }] };
    const changed = buildIamGraph(snapshot, [event('UpdateAssumeRolePolicy', { roleName: 'apexcorp-api-task-role', policyDocument: JSON.stringify(outside) })], options);
    expect(node(changed, 'role:apexcorp-api-task-role')?.attributes['Trusted principals']).toBe('arn:aws:iam::999999999999:root');
  });

  it('key without user name goes to caller', () => {
    const graph = buildIamGraph(snapshot, [event('CreateAccessKey', {}, { accessKey: { accessKeyId: 'AKIAEXAMPLE000000001', status: 'Active' } }, 'bob.martinez')], options);
    expect(node(graph, 'key:AKIAEXAMPLE000000001')?.attributes.User).toBe('bob.martinez');
    expect(edgeIds(graph)).toContain('owns-key:user:bob.martinez>key:AKIAEXAMPLE000000001');
  });

  it('deleted user takes its keys along', () => {
    const graph = buildIamGraph(snapshot, [event('DeleteUser', { userName: 'bi-export' })], options);
    expect(node(graph, 'user:bi-export')).toBeUndefined();
    expect(node(graph, 'key:AKIABZPUZDIKMX23YIPI')).toBeUndefined();
    expect(graph.current.edges.every((edge) => edge.source !== 'user:bi-export')).toBe(true);
  });

  it('empty snapshot starts from nothing', () => {
    const graph = buildIamGraph(parseIamSnapshot({}), [event('CreateUser', { userName: 'x' })], options);
    expect(graph.initial.nodes).toEqual([]);
    expect(graph.snapshotTime).toBe(options.windowStart);
    expect(node(graph, 'user:x')?.flags).toEqual(['new']);
  });

  it('invalid snapshot names the field', () => {
    expect(() => parseIamSnapshot({ UserDetailList: [{ UserName: 5 }] })).toThrow(/UserDetailList\.0\.UserName/);
  });
});

function stateAtStepGraph(graph: IamGraph, step: number): Pick<IamGraph, 'current'> {
  return { current: stateAtStep(graph, step) };
}
