import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { CollabCloseCode, CollabPath, reportFragmentName, TimelineArrayName, teamDocName } from '../../shared/collab.js';
import { Limits } from '../../shared/limits.js';
import { DocPersistence } from '../../server/collab/doc-persistence.js';
import { readReport, readTimeline } from '../../server/collab/team-document.js';
import { eventually, TestServer } from '../support/harness.js';
import { setUpExercise } from '../support/exercise-setup.js';

function timelineEntry(id: string, eventTime: string, action: string): Y.Map<string> {
  return new Y.Map<string>(
    Object.entries({ id, refId: `evt-${id}`, refKind: 'cloudtrail', eventTime, actor: 'dev-deploy', action, sourceIp: '185.220.101.45', note: '', technique: '', author: 'Ana' }),
  );
}

function rawSocket(server: TestServer, teamId: string, token: string): WebSocket {
  return new WebSocket(`${server.url.replace('http', 'ws')}${CollabPath}/${teamDocName(teamId)}?token=${token}`);
}

function closeCode(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.on('close', (code) => resolve(code)));
}

describe('team documents', () => {
  let server: TestServer;

  afterEach(async () => {
    await server?.stop();
  });

  it('stores an edit on disk within a second', async () => {
    server = await TestServer.start();
    const { summary, players } = await setUpExercise(server, { Blue: ['Ana'] });
    const teamId = summary.teams[0]!.id;
    const { doc } = await server.openTeamDoc(players.get('Ana')!.playerToken, teamId);

    doc.getArray<Y.Map<string>>(TimelineArrayName).push([timelineEntry('a', '2026-05-08T01:52:07Z', 'GetCallerIdentity')]);
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const stored = await new DocPersistence(`${server.dataDir}/collab`).load(teamDocName(teamId));
    expect(stored).not.toBeNull();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, stored!);
    expect(readTimeline(copy).map((entry) => entry.action)).toEqual(['GetCallerIdentity']);
  });

  it('does not duplicate content after a restart', async () => {
    server = await TestServer.start();
    const { summary, players } = await setUpExercise(server, { Blue: ['Ana', 'Ben'] });
    const teamId = summary.teams[0]!.id;
    const ana = await server.openTeamDoc(players.get('Ana')!.playerToken, teamId);
    ana.doc.getArray<Y.Map<string>>(TimelineArrayName).push([timelineEntry('a', '2026-05-08T01:52:07Z', 'GetCallerIdentity')]);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Key of dev-deploy used from a Tor exit.')]);
    ana.doc.getXmlFragment(reportFragmentName('summary')).insert(0, [paragraph]);
    await eventually(() => server.app.collab.loadedDocumentCount() === 1);

    const { dataDir, port } = server;
    await server.stop({ keepData: true, keepClients: true });
    const previous = server;
    server = await TestServer.start(dataDir, port);
    server.adoptClients(previous);

    // Ana's provider reconnects by itself and syncs its own copy back into the server.
    await eventually(() => ana.provider.wsconnected && ana.provider.synced, 15_000);
    const ben = await server.openTeamDoc(players.get('Ben')!.playerToken, teamId);
    expect(ben.doc.getArray(TimelineArrayName).length).toBe(1);
    expect(ana.doc.getArray(TimelineArrayName).length).toBe(1);
    expect(readReport(ben.doc).summary).toBe('Key of dev-deploy used from a Tor exit.');
    expect(ben.doc.getXmlFragment(reportFragmentName('summary')).length).toBe(1);
  });

  it('unloads a document nobody has open', async () => {
    server = await TestServer.start();
    const { summary, players } = await setUpExercise(server, { Blue: ['Ana'] });
    const socket = rawSocket(server, summary.teams[0]!.id, players.get('Ana')!.playerToken);
    await new Promise((resolve) => socket.on('open', resolve));
    await eventually(() => server.app.collab.loadedDocumentCount() === 1);
    socket.close();
    await eventually(() => server.app.collab.loadedDocumentCount() === 0);
  });

  it('closes only the connection that sent a malformed frame', async () => {
    server = await TestServer.start();
    const { summary, players } = await setUpExercise(server, { Blue: ['Ana', 'Ben'] });
    const teamId = summary.teams[0]!.id;
    const ben = await server.openTeamDoc(players.get('Ben')!.playerToken, teamId);
    const ana = await server.openTeamDoc(players.get('Ana')!.playerToken, teamId);

    const bad = rawSocket(server, teamId, players.get('Ana')!.playerToken);
    await new Promise((resolve) => bad.on('open', resolve));
    const closed = closeCode(bad);
    bad.send(Uint8Array.from([0, 2, 200, 200, 200]));
    expect(await closed).toBe(CollabCloseCode.MalformedMessage);

    ana.doc.getArray<Y.Map<string>>(TimelineArrayName).push([timelineEntry('a', '2026-05-08T02:03:18Z', 'AttachUserPolicy')]);
    await eventually(() => ben.doc.getArray(TimelineArrayName).length === 1);
  });

  it('rejects a frame over the size limit', async () => {
    server = await TestServer.start();
    const { summary, players } = await setUpExercise(server, { Blue: ['Ana'] });
    const socket = rawSocket(server, summary.teams[0]!.id, players.get('Ana')!.playerToken);
    await new Promise((resolve) => socket.on('open', resolve));
    const closed = closeCode(socket);
    socket.send(new Uint8Array(Limits.collabFrameMaxBytes + 1));
    expect(await closed).toBe(1009);
  });

  it('stops a document from growing past its limit', async () => {
    server = await TestServer.start();
    const { summary, players } = await setUpExercise(server, { Blue: ['Ana', 'Ben'] });
    const teamId = summary.teams[0]!.id;
    const ben = await server.openTeamDoc(players.get('Ben')!.playerToken, teamId);
    const ana = await server.openTeamDoc(players.get('Ana')!.playerToken, teamId);
    const closedCodes: number[] = [];
    ana.provider.on('connection-close', (event) => closedCodes.push(event?.code ?? 0));

    // Each insert is one update of about 900 kB, under the frame limit; six pass the document limit.
    const chunk = 'x'.repeat(900_000);
    const notepad = ana.doc.getText('notepad');
    for (let index = 0; index < 6; index++) notepad.insert(notepad.length, chunk);

    await eventually(() => closedCodes.includes(CollabCloseCode.TooLarge), 15_000);
    const stored = await server.app.collab.readDocument(teamDocName(teamId), (doc) => Y.encodeStateAsUpdate(doc).length);
    expect(stored).toBeLessThanOrEqual(Limits.collabDocumentMaxBytes);
    expect(ben.doc.getText('notepad').length).toBeLessThan(6 * chunk.length);
  });

  it('shows teammates under their signed-in names', async () => {
    server = await TestServer.start();
    const { summary, players } = await setUpExercise(server, { Blue: ['Ana', 'Ben'] });
    const teamId = summary.teams[0]!.id;
    const ana = await server.openTeamDoc(players.get('Ana')!.playerToken, teamId);
    const ben = await server.openTeamDoc(players.get('Ben')!.playerToken, teamId);

    ana.provider.awareness.setLocalState({ user: { playerId: players.get('Ben')!.playerId, name: 'Ben' }, view: 'cloudtrail' });
    await eventually(() => [...ben.provider.awareness.getStates().values()].some((state) => state.view === 'cloudtrail'));
    const seen = [...ben.provider.awareness.getStates().entries()].find(([clientId]) => clientId === ana.doc.clientID)?.[1];
    expect(seen?.user).toEqual({ playerId: players.get('Ana')!.playerId, name: 'Ana' });
    expect(seen?.view).toBe('cloudtrail');
  });
});
