import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChecklistArrayName, reportFragmentName, TimelineArrayName } from '../../shared/collab.js';
import type { ExerciseState, ProgressUpdate, QueryHistoryEntry, TeamProgress } from '../../shared/model.js';
import type { InviteResult } from '../../shared/orchestration.js';
import { eventually, FacilitatorToken, ManualClock, ok, request, TestServer, type ClientSocket } from '../support/harness.js';
import { setUpExercise } from '../support/exercise-setup.js';

function timelineEntry(id: string): Y.Map<string> {
  return new Y.Map<string>(
    Object.entries({ id, refId: `evt-${id}`, refKind: 'cloudtrail', eventTime: '2026-05-08T02:17:00Z', actor: 'dev-deploy', action: 'CreateAccessKey', sourceIp: '185.220.101.45', note: '', technique: '', author: 'Ana' }),
  );
}

/** Collect every `progress:updated` a socket receives, newest last. */
function recordProgress(socket: ClientSocket): ProgressUpdate[] {
  const updates: ProgressUpdate[] = [];
  socket.on('progress:updated', (update) => updates.push(update));
  return updates;
}

function teamOf(update: ProgressUpdate | undefined, teamName: string): TeamProgress | undefined {
  return update?.teams.find((team) => team.teamName === teamName);
}

describe('team progress', () => {
  let server: TestServer;

  afterEach(async () => {
    await server?.stop();
  });

  it('counts answers, hints and document work', async () => {
    server = await TestServer.start();
    const { facilitator, summary, players } = await setUpExercise(server, { Blue: ['Ana', 'Ben'], Green: ['Chloe'] }, { start: true });
    const blueId = summary.teams.find((team) => team.name === 'Blue')!.id;
    const ana = await server.connect(players.get('Ana')!.playerToken);
    const opened = await ok(request<ExerciseState>(ana, 'exercise:get'));
    const hintId = opened.objectives.find((candidate) => candidate.id === 'compromised-user')!.hints[0]!.id;
    await ok(request(ana, 'hint:open', { objectiveId: 'compromised-user', hintId }));

    await ok(request(ana, 'objective:submit', { objectiveId: 'compromised-user', answer: 'nobody' }));
    await ok(request(ana, 'objective:submit', { objectiveId: 'compromised-user', answer: 'dev-deploy' }));
    const state = await ok(request<ExerciseState>(ana, 'exercise:get'));
    const objective = state.objectives.find((candidate) => candidate.id === 'compromised-user')!;

    const { doc } = await server.openTeamDoc(players.get('Ana')!.playerToken, blueId);
    doc.transact(() => {
      doc.getArray<Y.Map<string>>(TimelineArrayName).push([timelineEntry('a'), timelineEntry('b')]);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Stolen key used from Tor')]);
      doc.getXmlFragment(reportFragmentName('summary')).insert(0, [paragraph]);
      doc.getArray<Y.Map<unknown>>(ChecklistArrayName).push([
        new Y.Map<unknown>(Object.entries({ id: 'c1', action: 'Deactivate the key', done: true, author: 'Ana' })),
        new Y.Map<unknown>(Object.entries({ id: 'c2', action: 'Rotate secrets', done: false, author: 'Ana' })),
      ]);
      doc.getText('notepad').insert(0, 'AKIA');
    });
    await eventually(() => server.app.collab.loadedDocumentCount() === 1);

    let blue: TeamProgress | undefined;
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      blue = teamOf(await ok(request<ProgressUpdate>(facilitator, 'team:progress', { exerciseId: summary.id })), 'Blue');
      if (blue?.timelineEntries === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    expect(blue?.objectives.solved).toBe(1);
    expect(blue?.objectives.attempted).toBe(1);
    expect(blue?.objectives.points).toBe(objective.pointsAwarded);
    expect(blue?.objectives.released).toBe(state.objectives.length);
    expect(blue?.hintsOpened).toBe(1);
    expect(blue?.score).toBe(state.scoreboard.find((entry) => entry.teamId === blueId)?.score);
    expect(blue?.timelineEntries).toBe(2);
    expect(blue?.reportWords).toBe(5);
    expect(blue?.reportSectionsFilled).toBe(1);
    expect(blue?.reportSectionCount).toBe(8);
    expect(blue?.checklist).toEqual({ done: 1, total: 2 });
    expect(blue?.notepadLength).toBe(4);
    expect(blue?.members.map((member) => member.displayName).sort()).toEqual(['Ana', 'Ben']);
    expect(blue?.lastActivityAt).not.toBeNull();

    const green = teamOf(await ok(request<ProgressUpdate>(facilitator, 'team:progress', { exerciseId: summary.id })), 'Green');
    expect(green?.objectives.solved).toBe(0);
    expect(green?.hintsOpened).toBe(0);
    expect(green?.timelineEntries).toBe(0);
    expect(JSON.stringify(green)).not.toContain('dev-deploy');
  });

  it('ignores automatic reads as activity', async () => {
    const clock = new ManualClock();
    server = await TestServer.start(undefined, { now: clock.now });
    const { facilitator, summary, players } = await setUpExercise(server, { Blue: ['Ana'] }, { start: true });
    const joinedAt = new Date(clock.value).toISOString();
    const ana = await server.connect(players.get('Ana')!.playerToken);
    const lastActive = async () => teamOf(await ok(request<ProgressUpdate>(facilitator, 'team:progress', { exerciseId: summary.id })), 'Blue')?.members[0]?.lastActiveAt;

    clock.advance(60_000);
    await ok(request(ana, 'exercise:get'));
    await ok(request(ana, 'session:get'));
    await ok(request(ana, 'query:history'));
    expect(await lastActive()).toBe(joinedAt);

    clock.advance(60_000);
    await ok(request(ana, 'query:cancel', {}));
    expect(await lastActive()).toBe(new Date(clock.value).toISOString());
  });

  it('pushes changes to a watching facilitator', async () => {
    server = await TestServer.start();
    const { facilitator, summary, players } = await setUpExercise(server, { Blue: ['Ana'], Green: ['Chloe'] }, { start: true });
    await ok(request(facilitator, 'exercise:watch', { exerciseId: summary.id }));
    const updates = recordProgress(facilitator);
    const ana = await server.connect(players.get('Ana')!.playerToken);

    await eventually(() => teamOf(updates.at(-1), 'Blue')?.members[0]?.online === true);
    await ok(request(ana, 'objective:submit', { objectiveId: 'compromised-user', answer: 'dev-deploy' }));
    await eventually(() => teamOf(updates.at(-1), 'Blue')?.objectives.solved === 1);

    const { doc } = await server.openTeamDoc(players.get('Ana')!.playerToken, summary.teams[0]!.id);
    doc.getArray<Y.Map<string>>(TimelineArrayName).push([timelineEntry('a')]);
    await eventually(() => teamOf(updates.at(-1), 'Blue')?.timelineEntries === 1);

    expect(teamOf(updates.at(-1), 'Green')?.members[0]?.online).toBe(false);
  });

  it('marks a player offline after the tab closes', async () => {
    server = await TestServer.start();
    const { facilitator, summary, players } = await setUpExercise(server, { Blue: ['Ana'] }, { start: true });
    await ok(request(facilitator, 'exercise:watch', { exerciseId: summary.id }));
    const updates = recordProgress(facilitator);
    const first = await server.connect(players.get('Ana')!.playerToken);
    const second = await server.connect(players.get('Ana')!.playerToken);
    await eventually(() => teamOf(updates.at(-1), 'Blue')?.members[0]?.online === true);

    // Two tabs: closing one keeps the player online.
    first.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const afterOne = await ok(request<ProgressUpdate>(facilitator, 'team:progress', { exerciseId: summary.id }));
    expect(teamOf(afterOne, 'Blue')?.members[0]?.online).toBe(true);

    second.disconnect();
    await eventually(() => teamOf(updates.at(-1), 'Blue')?.members[0]?.online === false, 3_000);
  });

  it('pushes at most once a second', async () => {
    server = await TestServer.start();
    const { facilitator, summary, players } = await setUpExercise(server, { Blue: ['Ana'] }, { start: true });
    await ok(request(facilitator, 'exercise:watch', { exerciseId: summary.id }));
    const ana = await server.connect(players.get('Ana')!.playerToken);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const times: number[] = [];
    facilitator.on('progress:updated', () => times.push(Date.now()));

    // Forty requests over about two seconds, each of which counts as activity.
    const started = Date.now();
    for (let index = 0; index < 40; index++) {
      await ok(request(ana, 'query:cancel', {}));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const seconds = (Date.now() - started) / 1000;

    expect(times.length).toBeGreaterThanOrEqual(2);
    expect(times.length).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
  });

  it('never sends progress to a team or an observer', async () => {
    server = await TestServer.start();
    const { facilitator, summary, players } = await setUpExercise(server, { Blue: ['Ana'] }, { start: true });
    await ok(request(facilitator, 'exercise:watch', { exerciseId: summary.id }));
    const invite = await ok(request<InviteResult>(facilitator, 'invite:create', { exerciseId: summary.id, role: 'observer', label: 'Screen' }));
    const observer = await server.connect(invite.token);
    const ana = await server.connect(players.get('Ana')!.playerToken);
    const leaked: string[] = [];
    ana.on('progress:updated', () => leaked.push('participant'));
    observer.on('progress:updated', () => leaked.push('observer'));
    const updates = recordProgress(facilitator);

    await ok(request(ana, 'objective:submit', { objectiveId: 'compromised-user', answer: 'dev-deploy' }));
    await eventually(() => teamOf(updates.at(-1), 'Blue')?.objectives.solved === 1);
    await new Promise((resolve) => setTimeout(resolve, 1_200));

    expect(leaked).toEqual([]);
    expect(await request(ana, 'team:progress', { exerciseId: summary.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await request(observer, 'team:progress', { exerciseId: summary.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('lists a team query history for facilitators', async () => {
    server = await TestServer.start();
    const { facilitator, summary, players } = await setUpExercise(server, { Blue: ['Ana'], Green: ['Chloe'] }, { start: true });
    const [blue, green] = summary.teams;
    const ana = await server.connect(players.get('Ana')!.playerToken);
    await ok(request(ana, 'query:run', { sql: 'SELECT 1 AS answer' }));

    const history = await ok(request<QueryHistoryEntry[]>(facilitator, 'team:queries', { exerciseId: summary.id, teamId: blue!.id }));
    expect(history.map((entry) => entry.sql)).toEqual(['SELECT 1 AS answer']);
    expect(await ok(request<QueryHistoryEntry[]>(facilitator, 'team:queries', { exerciseId: summary.id, teamId: green!.id }))).toEqual([]);
    const progress = await ok(request<ProgressUpdate>(facilitator, 'team:progress', { exerciseId: summary.id }));
    expect(teamOf(progress, 'Blue')?.queriesRun).toBe(1);

    expect(await request(facilitator, 'team:queries', { exerciseId: summary.id, teamId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'teamId' } });
    expect(await request(facilitator, 'team:queries', { exerciseId: summary.id })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', field: 'teamId' } });
    const other = await setUpExercise(server, { Red: [] });
    expect(await request(facilitator, 'team:queries', { exerciseId: other.summary.id, teamId: blue!.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers NOT_FOUND for an unknown exercise', async () => {
    server = await TestServer.start();
    const facilitator = await server.connect(FacilitatorToken);
    expect(await request(facilitator, 'team:progress', { exerciseId: 'missing' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'exerciseId' } });
  });
});
