import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TimelineArrayName, type TimelineEntry } from '../../shared/collab.js';
import type { CloudTrailPage, ExerciseState, ExerciseSummary, JoinInfo, JoinResult, PhaseReleased, QueryHistoryEntry, QueryResult, ScoreboardUpdate, SubmissionResult } from '../../shared/model.js';
import type { Ack } from '../../shared/ack.js';
import { eventually, FacilitatorToken, next, ok, request, TestServer, type ClientSocket } from '../support/harness.js';

/**
 * The first minutes of an apexcorp-prod exercise, through real Socket.IO and Yjs clients:
 * create, join, start, browse, query, build the timeline, score, then restart the server.
 */
describe('exercise slice', () => {
  let server: TestServer;
  let facilitator: ClientSocket;
  let summary: ExerciseSummary;
  let blueTeamId: string;
  let greenTeamId: string;
  const players: { join: JoinResult; socket: ClientSocket }[] = [];

  beforeAll(async () => {
    server = await TestServer.start();
    facilitator = await server.connect(FacilitatorToken);
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('creates an exercise with a join code', async () => {
    const scenarios = await ok(request<{ id: string }[]>(facilitator, 'scenario:list'));
    expect(scenarios.map((scenario) => scenario.id)).toContain('apexcorp-prod');

    summary = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Morning drill', teams: ['Blue', 'Green'] }));
    expect(summary.joinCode).toMatch(/^[A-Z0-9]{6}$/);
    expect(summary.status).toBe('ready');
    expect(summary.teams.map((team) => team.name)).toEqual(['Blue', 'Green']);
    blueTeamId = summary.teams[0]!.id;
    greenTeamId = summary.teams[1]!.id;
  });

  it('lets participants join a team with the code', async () => {
    const info = (await (await fetch(`${server.url}/api/join/${summary.joinCode.toLowerCase()}`)).json()) as Ack<JoinInfo>;
    expect(info.ok && info.data.teams.map((team) => team.name)).toEqual(['Blue', 'Green']);

    for (const [name, teamId] of [['Ana', blueTeamId], ['Ben', blueTeamId], ['Chloe', greenTeamId]] as const) {
      const join = await server.join(summary.joinCode, name, teamId);
      players.push({ join, socket: await server.connect(join.playerToken) });
    }
    const state = await ok(request<ExerciseState>(players[0]!.socket, 'exercise:get'));
    expect(state.exercise.teams.find((team) => team.id === blueTeamId)?.members.map((member) => member.displayName)).toEqual(['Ana', 'Ben']);
  });

  it('shows no data before the exercise starts', async () => {
    const response = await request<CloudTrailPage>(players[0]!.socket, 'cloudtrail:list', { filter: 'all' });
    expect(response.ok).toBe(false);
    expect(!response.ok && response.error.code).toBe('INVALID_STATE');
    const state = await ok(request<ExerciseState>(players[0]!.socket, 'exercise:get'));
    expect(state.findings).toEqual([]);
  });

  it('releases the first HIGH finding to every team at start', async () => {
    await ok(request(facilitator, 'exercise:watch', { exerciseId: summary.id }));
    const releases = players.map((player) => next<PhaseReleased>(player.socket, 'phase:released'));
    const started = await ok(request<ExerciseState>(facilitator, 'exercise:start', { exerciseId: summary.id }));
    expect(started.clock.status).toBe('running');

    for (const release of await Promise.all(releases)) {
      expect(release.exerciseId).toBe(summary.id);
      expect(release.phase.index).toBe(0);
      expect(release.findings).toHaveLength(1);
      expect(release.findings[0]!.Severity).toBeGreaterThanOrEqual(7);
      expect(String(release.findings[0]!.UpdatedAt)).toContain('2026-05-08T02:1');
    }
    const state = await ok(request<ExerciseState>(players[2]!.socket, 'exercise:get'));
    expect(state.findings).toHaveLength(1);
    expect(state.clock.scenarioTime?.startsWith('2026-05-08T02:')).toBe(true);
  });

  it('pages CloudTrail up to the phase horizon with quick filters', async () => {
    const socket = players[0]!.socket;
    const all = await ok(request<CloudTrailPage>(socket, 'cloudtrail:list', { filter: 'all', limit: 50 }));
    const iam = await ok(request<CloudTrailPage>(socket, 'cloudtrail:list', { filter: 'iam', limit: 50 }));
    expect(all.rows).toHaveLength(50);
    expect(iam.total).toBeGreaterThan(0);
    expect(iam.total).toBeLessThan(all.total);
    expect(iam.rows.every((row) => row.eventSource === 'iam.amazonaws.com')).toBe(true);

    const state = await ok(request<ExerciseState>(socket, 'exercise:get'));
    const horizon = '2026-05-08T02:20:00Z';
    expect(state.phases).toHaveLength(1);
    expect(all.rows.every((row) => row.eventTime <= horizon)).toBe(true);

    const second = await ok(request<CloudTrailPage>(socket, 'cloudtrail:list', { filter: 'all', limit: 50, offset: 50 }));
    expect(second.rows[0]!.eventId).not.toBe(all.rows[0]!.eventId);

    const record = await ok(request<Record<string, unknown>>(socket, 'cloudtrail:get', { eventId: all.rows[0]!.eventId }));
    expect(record.eventID).toBe(all.rows[0]!.eventId);
    expect(record.eventVersion).toBeTypeOf('string');
    expect(record.userIdentity).toBeTypeOf('object');
  });

  it('runs Athena SQL over the visible CloudTrail', async () => {
    const result = await ok(
      request<QueryResult>(players[0]!.socket, 'query:run', {
        sql: "SELECT eventname, count(*) FROM cloudtrail_logs WHERE useridentity.username = 'dev-deploy' GROUP BY 1",
      }),
    );
    expect(result.columns.map((column) => column.name)).toEqual(['eventname', '_col1']);
    expect(result.rowCount).toBeGreaterThan(1);
    expect(result.rows.map((row) => row[0])).toContain('GetCallerIdentity');

    const late = await ok(request<QueryResult>(players[0]!.socket, 'query:run', { sql: "SELECT count(*) FROM cloudtrail_logs WHERE eventtime > '2026-05-08T02:20:00Z'" }));
    expect(Number(late.rows[0]![0])).toBe(0);
  });

  it('shares timeline entries within a team only', async () => {
    const [ana, ben, chloe] = players;
    const anaDoc = await server.openTeamDoc(ana!.join.playerToken, blueTeamId);
    const benDoc = await server.openTeamDoc(ben!.join.playerToken, blueTeamId);
    const chloeDoc = await server.openTeamDoc(chloe!.join.playerToken, greenTeamId);

    const entry = new Y.Map<string>(
      Object.entries({
        id: 'entry-1',
        refId: 'evt-1',
        refKind: 'cloudtrail',
        eventTime: '2026-05-08T01:52:00Z',
        actor: 'dev-deploy',
        action: 'GetCallerIdentity',
        sourceIp: '185.220.101.45',
        note: 'first call from the Tor exit',
        technique: 'T1078.004',
        author: 'Ana',
      } satisfies TimelineEntry),
    );
    anaDoc.doc.getArray<Y.Map<string>>(TimelineArrayName).push([entry]);

    const benTimeline = benDoc.doc.getArray<Y.Map<string>>(TimelineArrayName);
    await eventually(() => benTimeline.length === 1);
    expect(benTimeline.get(0).get('action')).toBe('GetCallerIdentity');

    // Give a wrongly routed update time to arrive before checking that none did.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(chloeDoc.doc.getArray(TimelineArrayName).length).toBe(0);
  });

  it('scores an objective and pushes the score to everyone', async () => {
    const scoreUpdates = [facilitator, ...players.map((player) => player.socket)].map((socket) => next<ScoreboardUpdate>(socket, 'score:updated'));
    const result = await ok(
      request<SubmissionResult>(players[1]!.socket, 'objective:submit', { objectiveId: 'compromised-user', answer: ' Dev-Deploy ', idempotencyKey: 'submit-0001' }),
    );
    expect(result.correct).toBe(true);
    expect(result.teamScore).toBe(100);

    for (const update of await Promise.all(scoreUpdates)) {
      expect(update.exerciseId).toBe(summary.id);
      const board = update.scoreboard;
      expect(board.find((entry) => entry.teamId === blueTeamId)).toMatchObject({ score: 100, rank: 1 });
      expect(board.find((entry) => entry.teamId === greenTeamId)).toMatchObject({ score: 0, rank: 2 });
    }

    const replay = await ok(request<SubmissionResult>(players[1]!.socket, 'objective:submit', { objectiveId: 'compromised-user', answer: 'dev-deploy', idempotencyKey: 'submit-0001' }));
    expect(replay.teamScore).toBe(100);
    const again = await ok(request<SubmissionResult>(players[0]!.socket, 'objective:submit', { objectiveId: 'compromised-user', answer: 'dev-deploy' }));
    expect(again.pointsAwarded).toBe(0);
    expect(again.teamScore).toBe(100);
  });

  it('keeps exercise, teams, timeline, queries and score across a restart', async () => {
    const dataDir = server.dataDir;
    await server.stop({ keepData: true });
    server = await TestServer.start(dataDir);

    const ana = await server.connect(players[0]!.join.playerToken);
    const state = await ok(request<ExerciseState>(ana, 'exercise:get'));
    expect(state.exercise.name).toBe('Morning drill');
    expect(state.exercise.status).toBe('running');
    expect(state.phases).toHaveLength(1);
    expect(state.findings).toHaveLength(1);
    expect(state.exercise.teams.map((team) => team.members.length)).toEqual([2, 1]);
    expect(state.scoreboard.find((entry) => entry.teamId === blueTeamId)?.score).toBe(100);
    expect(state.objectives.find((objective) => objective.id === 'compromised-user')?.solved).toBe(true);

    const { doc } = await server.openTeamDoc(players[0]!.join.playerToken, blueTeamId);
    const timeline = doc.getArray<Y.Map<string>>(TimelineArrayName);
    expect(timeline.length).toBe(1);
    expect(timeline.get(0).get('note')).toBe('first call from the Tor exit');

    // Both queries of the first player, newest first, for the teammate; none for the other team.
    const ben = await server.connect(players[1]!.join.playerToken);
    const history = await ok(request<QueryHistoryEntry[]>(ben, 'query:history'));
    expect(history.map((entry) => entry.sql)).toEqual([expect.stringContaining("eventtime > '2026-05-08T02:20:00Z'"), expect.stringContaining("'dev-deploy' GROUP BY 1")]);
    expect(history.every((entry) => entry.ok && entry.displayName === 'Ana')).toBe(true);
    const chloe = await server.connect(players[2]!.join.playerToken);
    expect(await ok(request<QueryHistoryEntry[]>(chloe, 'query:history'))).toEqual([]);
  });
});
