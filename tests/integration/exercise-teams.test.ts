import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExerciseState, ExerciseSummary, JoinResult, ScoreboardUpdate, SessionView } from '../../shared/model.js';
import type { HintView, InjectAnswerView, InjectView } from '../../shared/orchestration.js';
import { eventually, FacilitatorToken, next, ok, request, TestServer, type ClientSocket } from '../support/harness.js';
import { copyApexcorp } from '../support/scenario-copy.js';

/** Team management, injects and hints during a running exercise, through real clients. */
describe('exercise teams and injects', () => {
  let scenariosDir: string;
  let server: TestServer;
  let facilitator: ClientSocket;
  let summary: ExerciseSummary;
  let blueId: string;
  let greenId: string;
  const players: Record<string, { join: JoinResult; socket: ClientSocket }> = {};

  beforeAll(async () => {
    scenariosDir = await copyApexcorp(await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-packs-')), {}, {
      hints: {
        'compromised-user': [
          { id: 'look-at-key', text: 'Search IAM for the access key id in the finding.', cost: 10 },
          { id: 'name-it', text: 'The user deploys from CI.', cost: 25 },
        ],
      },
    });
    server = await TestServer.start(undefined, { scenariosDir });
    facilitator = await server.connect(FacilitatorToken);
    summary = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Team drill', teams: ['Blue', 'Green'] }));
    blueId = summary.teams[0]!.id;
    greenId = summary.teams[1]!.id;
    await ok(request(facilitator, 'exercise:watch', { exerciseId: summary.id }));
    for (const [name, teamId] of [['Ana', blueId], ['Ben', blueId], ['Chloe', greenId]] as const) {
      const join = await server.join(summary.joinCode, name, teamId);
      players[name] = { join, socket: await server.connect(join.playerToken, { reconnection: true }) };
    }
    await ok(request(facilitator, 'exercise:start', { exerciseId: summary.id }));
  });

  afterAll(async () => {
    await server?.stop();
    await rm(scenariosDir, { recursive: true, force: true });
  });

  const manage = <T>(event: string, extra: Record<string, unknown>) => request<T>(facilitator, event, { exerciseId: summary.id, ...extra });

  it('creates, renames and removes teams', async () => {
    const created = await ok(manage<ExerciseSummary>('team:create', { name: 'Red', idempotencyKey: 'team-red-1' }));
    const again = await ok(manage<ExerciseSummary>('team:create', { name: 'Red', idempotencyKey: 'team-red-1' }));
    expect(again.teams.map((team) => team.name)).toEqual(['Blue', 'Green', 'Red']);
    const redId = created.teams.find((team) => team.name === 'Red')!.id;

    expect(await manage('team:create', { name: 'blue' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'name' } });
    const renamed = await ok(manage<ExerciseSummary>('team:rename', { teamId: redId, name: 'Crimson' }));
    expect(renamed.teams.map((team) => team.name)).toEqual(['Blue', 'Green', 'Crimson']);

    expect(await manage('team:remove', { teamId: blueId })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', field: 'teamId' } });
    const removed = await ok(manage<ExerciseSummary>('team:remove', { teamId: redId }));
    expect(removed.teams.map((team) => team.name)).toEqual(['Blue', 'Green']);
  });

  it('adds a participant mid-exercise up to the size limit', async () => {
    await ok(manage('exercise:update', { teamSizeMax: 2 }));
    const full = await fetch(`${server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: summary.joinCode, displayName: 'Dan', teamId: blueId }),
    });
    expect(full.status).toBe(409);
    expect(await full.json()).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'teamId' } });

    const join = await server.join(summary.joinCode, 'Dan', greenId);
    players.Dan = { join, socket: await server.connect(join.playerToken, { reconnection: true }) };
    const state = await ok(request<ExerciseState>(players.Dan.socket, 'exercise:get'));
    expect(state.clock.status).toBe('running');
    expect(state.findings).toHaveLength(1);
    expect(await manage('player:move', { playerId: players.Ana!.join.playerId, teamId: greenId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await ok(manage('exercise:update', { teamSizeMax: null }));
  });

  it('moves a participant to another team', async () => {
    const ben = players.Ben!;
    const disconnected = new Promise<string>((resolve) => ben.socket.once('disconnect', (reason) => resolve(reason)));
    await ok(manage('player:move', { playerId: ben.join.playerId, teamId: greenId }));
    expect(await disconnected).toBe('io server disconnect');

    ben.socket.connect();
    await new Promise<void>((resolve) => ben.socket.once('connect', () => resolve()));
    const session = await ok(request<SessionView>(ben.socket, 'session:get'));
    expect(session.teamId).toBe(greenId);
    const state = await ok(request<ExerciseState>(ben.socket, 'exercise:get'));
    expect(state.exercise.teams.find((team) => team.id === greenId)!.members.map((member) => member.displayName)).toContain('Ben');
  });

  it('removes a participant and revokes the token', async () => {
    const dan = players.Dan!;
    await ok(manage('player:remove', { playerId: dan.join.playerId }));
    await expect(server.connect(dan.join.playerToken)).rejects.toThrow('UNAUTHENTICATED');
    const summaries = await ok(request<ExerciseSummary[]>(facilitator, 'exercise:list'));
    expect(summaries[0]!.teams.flatMap((team) => team.members.map((member) => member.displayName))).not.toContain('Dan');
  });

  it('sends an inject to one team only', async () => {
    const ana = players.Ana!;
    const chloe = players.Chloe!;
    const chloeGot: InjectView[] = [];
    chloe.socket.on('inject:sent', (inject) => chloeGot.push(inject));
    const arriving = next<InjectView>(ana.socket, 'inject:sent');
    const sent = await ok(manage<InjectView>('inject:send', { teamId: blueId, message: 'Legal wants a status.', question: 'Was customer data taken?', maxPoints: 30, idempotencyKey: 'inject-legal-1' }));
    const replay = await ok(manage<InjectView>('inject:send', { teamId: blueId, message: 'Legal wants a status.', question: 'Was customer data taken?', maxPoints: 30, idempotencyKey: 'inject-legal-1' }));
    expect(replay.id).toBe(sent.id);
    expect((await arriving).id).toBe(sent.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(chloeGot).toEqual([]);

    const greenState = await ok(request<ExerciseState>(chloe.socket, 'exercise:get'));
    expect(greenState.injects.map((inject) => inject.id)).not.toContain(sent.id);
    const wrongTeam = await request(chloe.socket, 'inject:answer', { injectId: sent.id, answer: 'No' });
    expect(wrongTeam).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'injectId' } });
  });

  it('scores an inject answer awarded by the facilitator', async () => {
    const ana = players.Ana!;
    const inject = (await ok(request<ExerciseState>(ana.socket, 'exercise:get'))).injects.find((candidate) => candidate.question !== null)!;
    const answer = await ok(request<InjectAnswerView>(ana.socket, 'inject:answer', { injectId: inject.id, answer: 'Yes, 4 GB from the finance bucket.' }));
    const resent = await ok(request<InjectAnswerView>(ana.socket, 'inject:answer', { injectId: inject.id, answer: 'Yes, 4 GB from the finance bucket.' }));
    expect(resent.id).toBe(answer.id);

    expect(await manage('inject:award', { answerId: answer.id, points: 31 })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', field: 'points' } });
    const scores = next<ScoreboardUpdate>(players.Chloe!.socket, 'score:updated');
    await ok(manage('inject:award', { answerId: answer.id, points: 25 }));
    await ok(manage('inject:award', { answerId: answer.id, points: 25 }));
    expect((await scores).scoreboard.find((entry) => entry.teamId === blueId)!.score).toBe(25);

    const locked = await request(ana.socket, 'inject:answer', { injectId: inject.id, answer: 'Changed my mind' });
    expect(locked).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const facilitatorView = await ok(request<ExerciseState>(facilitator, 'exercise:watch', { exerciseId: summary.id }));
    expect(facilitatorView.injects.find((candidate) => candidate.id === inject.id)!.answers[0]).toMatchObject({ displayName: 'Ana', awardedPoints: 25 });
  });

  it('opens hints in order and charges once', async () => {
    const ana = players.Ana!;
    const before = await ok(request<ExerciseState>(ana.socket, 'exercise:get'));
    const hints = before.objectives.find((objective) => objective.id === 'compromised-user')!.hints;
    expect(hints).toEqual([
      { id: 'look-at-key', cost: 10, opened: false },
      { id: 'name-it', cost: 25, opened: false },
    ]);

    const outOfOrder = await request(ana.socket, 'hint:open', { objectiveId: 'compromised-user', hintId: 'name-it' });
    expect(outOfOrder).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', field: 'hintId' } });
    const locked = await request(ana.socket, 'hint:open', { objectiveId: 'unauthorized-ec2', hintId: 'x' });
    expect(locked).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'objectiveId' } });

    const opened = await ok(request<HintView>(ana.socket, 'hint:open', { objectiveId: 'compromised-user', hintId: 'look-at-key' }));
    expect(opened.text).toContain('access key');
    await ok(request<HintView>(ana.socket, 'hint:open', { objectiveId: 'compromised-user', hintId: 'look-at-key' }));

    const after = await ok(request<ExerciseState>(ana.socket, 'exercise:get'));
    // The cost comes off the objective's points, which Blue has not earned yet, so the score holds.
    const scoreBefore = before.scoreboard.find((entry) => entry.teamId === blueId)!.score;
    expect(after.scoreboard.find((entry) => entry.teamId === blueId)!.score).toBe(scoreBefore);
    expect(after.objectives.find((objective) => objective.id === 'compromised-user')!.pointsAwarded).toBe(0);
    expect(after.objectives.find((objective) => objective.id === 'compromised-user')!.hints[0]).toMatchObject({ opened: true, text: opened.text });

    const green = await ok(request<ExerciseState>(players.Chloe!.socket, 'exercise:get'));
    expect(green.objectives.find((objective) => objective.id === 'compromised-user')!.hints[0]).toEqual({ id: 'look-at-key', cost: 10, opened: false });
  });

  it('applies an answer sent while offline once', async () => {
    const chloe = players.Chloe!;
    chloe.socket.disconnect();
    // Socket.IO buffers the request while disconnected and sends it on reconnect.
    const pending = request(chloe.socket, 'objective:submit', { objectiveId: 'compromised-user', answer: 'not-the-user', idempotencyKey: 'offline-0001' });
    chloe.socket.connect();
    await pending;
    await ok(request(chloe.socket, 'objective:submit', { objectiveId: 'compromised-user', answer: 'not-the-user', idempotencyKey: 'offline-0001' }));
    await eventually(() => server.app.store.read().submissions.filter((submission) => submission.idempotencyKey === 'offline-0001').length === 1);
    const state = await ok(request<ExerciseState>(chloe.socket, 'exercise:get'));
    expect(state.objectives.find((objective) => objective.id === 'compromised-user')!.wrongAttempts).toBe(1);
  });
});
