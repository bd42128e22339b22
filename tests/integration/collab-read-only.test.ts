import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { CollabCloseCode, CollabPath, TimelineArrayName, teamDocName } from '../../shared/collab.js';
import type { InviteResult } from '../../shared/orchestration.js';
import { readTimeline } from '../../server/collab/team-document.js';
import { DocPersistence } from '../../server/collab/doc-persistence.js';
import { eventually, FacilitatorToken, ok, request, TestServer } from '../support/harness.js';
import { setUpExercise } from '../support/exercise-setup.js';

function timelineEntry(id: string, action: string): Y.Map<string> {
  return new Y.Map<string>(
    Object.entries({ id, refId: `evt-${id}`, refKind: 'cloudtrail', eventTime: '2026-05-08T02:17:00Z', actor: 'dev-deploy', action, sourceIp: '185.220.101.45', note: '', technique: '', author: 'Ana' }),
  );
}

function closeCodeOf(server: TestServer, teamId: string, token: string): Promise<number> {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}${CollabPath}/${teamDocName(teamId)}?token=${token}`);
  return new Promise((resolve) => socket.on('close', (code) => resolve(code)));
}

describe('read-only team documents', () => {
  let server: TestServer;

  afterEach(async () => {
    await server?.stop();
  });

  it('shows a facilitator the team work live', async () => {
    server = await TestServer.start();
    const { summary, players } = await setUpExercise(server, { Blue: ['Ana'] });
    const teamId = summary.teams[0]!.id;
    const ana = await server.openTeamDoc(players.get('Ana')!.playerToken, teamId);
    ana.doc.getArray<Y.Map<string>>(TimelineArrayName).push([timelineEntry('a', 'CreateAccessKey')]);

    const viewer = await server.openTeamDoc(FacilitatorToken, teamId);
    await eventually(() => readTimeline(viewer.doc).length === 1);
    ana.doc.getArray<Y.Map<string>>(TimelineArrayName).push([timelineEntry('b', 'AttachUserPolicy')]);
    await eventually(() => readTimeline(viewer.doc).length === 2);
    // Equal event times are ordered by entry id.
    expect(readTimeline(viewer.doc).map((entry) => entry.action)).toEqual(['CreateAccessKey', 'AttachUserPolicy']);
  });

  it('drops writes from a facilitator', async () => {
    server = await TestServer.start();
    const { summary, players } = await setUpExercise(server, { Blue: ['Ana'] });
    const teamId = summary.teams[0]!.id;
    const ana = await server.openTeamDoc(players.get('Ana')!.playerToken, teamId);
    const viewer = await server.openTeamDoc(FacilitatorToken, teamId);

    viewer.doc.getArray<Y.Map<string>>(TimelineArrayName).push([timelineEntry('f', 'DeleteTrail')]);
    viewer.doc.getText('notepad').insert(0, 'written by the facilitator');
    // Ana's later edit reaching the viewer shows that the facilitator's edits had time to reach the server.
    ana.doc.getText('notepad').insert(0, 'Ana was here');
    await eventually(() => viewer.doc.getText('notepad').toString().includes('Ana was here'));
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    expect(readTimeline(ana.doc)).toEqual([]);
    expect(ana.doc.getText('notepad').toString()).toBe('Ana was here');
    const onServer = await server.app.collab.readDocument(teamDocName(teamId), (doc) => ({ timeline: readTimeline(doc).length, notepad: doc.getText('notepad').toString() }));
    expect(onServer).toEqual({ timeline: 0, notepad: 'Ana was here' });

    const stored = await new DocPersistence(`${server.dataDir}/collab`).load(teamDocName(teamId));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, stored!);
    expect(copy.getText('notepad').toString()).toBe('Ana was here');
  });

  it('hides the facilitator from team presence', async () => {
    server = await TestServer.start();
    const { summary, players } = await setUpExercise(server, { Blue: ['Ana'] });
    const teamId = summary.teams[0]!.id;
    const ana = await server.openTeamDoc(players.get('Ana')!.playerToken, teamId);
    const viewer = await server.openTeamDoc(FacilitatorToken, teamId);
    viewer.provider.awareness.setLocalState({ user: { playerId: 'server', name: 'Facilitator' }, view: 'timeline' });
    ana.provider.awareness.setLocalStateField('view', 'cloudtrail');

    await eventually(() => [...viewer.provider.awareness.getStates().values()].some((state) => state.view === 'cloudtrail'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const names = [...ana.provider.awareness.getStates().values()].map((state) => (state.user as { name?: string } | undefined)?.name);
    expect(names).not.toContain('Facilitator');
  });

  it('admits an invited facilitator to its own exercise only', async () => {
    server = await TestServer.start();
    const alpha = await setUpExercise(server, { Blue: ['Ana'] });
    const beta = await setUpExercise(server, { Red: ['Rita'] });
    const invite = await ok(request<InviteResult>(alpha.facilitator, 'invite:create', { exerciseId: alpha.summary.id, role: 'facilitator', label: 'Co-lead' }));

    const own = await server.openTeamDoc(invite.token, alpha.summary.teams[0]!.id);
    expect(own.provider.synced).toBe(true);
    expect(await closeCodeOf(server, beta.summary.teams[0]!.id, invite.token)).toBe(CollabCloseCode.Forbidden);
  });

  it('closes a viewer whose invitation is revoked', async () => {
    server = await TestServer.start();
    const { facilitator, summary } = await setUpExercise(server, { Blue: ['Ana'] });
    const invite = await ok(request<InviteResult>(facilitator, 'invite:create', { exerciseId: summary.id, role: 'facilitator', label: 'Co-lead' }));
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}${CollabPath}/${teamDocName(summary.teams[0]!.id)}?token=${invite.token}`);
    await new Promise((resolve) => socket.on('open', resolve));
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));

    await ok(request(facilitator, 'invite:revoke', { exerciseId: summary.id, inviteId: invite.inviteId }));
    expect(await closed).toBe(CollabCloseCode.Forbidden);
  });

  it('still refuses another team to a participant', async () => {
    server = await TestServer.start();
    const { summary, players } = await setUpExercise(server, { Blue: ['Ana'], Green: ['Chloe'] });
    const green = summary.teams.find((team) => team.name === 'Green')!;
    expect(await closeCodeOf(server, green.id, players.get('Ana')!.playerToken)).toBe(CollabCloseCode.Forbidden);
  });
});
