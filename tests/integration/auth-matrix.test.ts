import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CollabCloseCode, CollabPath, teamDocName } from '../../shared/collab.js';
import type { ExerciseState, ExerciseSummary, JoinResult } from '../../shared/model.js';
import type { BoardState, InjectView, InviteResult } from '../../shared/orchestration.js';
import { FacilitatorToken, ok, request, TestServer, type ClientSocket } from '../support/harness.js';

/**
 * Who may do what. Every facilitator action is tried by callers without the right, every
 * team-scoped read by another team and another exercise; all are rejected and nothing changes.
 */
describe('authorization matrix', () => {
  let server: TestServer;
  let facilitator: ClientSocket;
  let alpha: ExerciseSummary;
  let beta: ExerciseSummary;
  let blue: { join: JoinResult; socket: ClientSocket };
  let green: { join: JoinResult; socket: ClientSocket };
  let other: { join: JoinResult; socket: ClientSocket };
  let observer: ClientSocket;
  let betaFacilitator: ClientSocket;
  let blueInject: InjectView;
  let observerToken: string;
  let betaFacilitatorToken: string;

  beforeAll(async () => {
    server = await TestServer.start();
    facilitator = await server.connect(FacilitatorToken);
    alpha = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Alpha', teams: ['Blue', 'Green'] }));
    beta = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Beta', teams: ['Red'] }));

    const join = async (summary: ExerciseSummary, name: string, team: number) => {
      const result = await server.join(summary.joinCode, name, summary.teams[team]!.id);
      return { join: result, socket: await server.connect(result.playerToken) };
    };
    blue = await join(alpha, 'Ana', 0);
    green = await join(alpha, 'Chloe', 1);
    other = await join(beta, 'Rita', 0);

    const observerInvite = await ok(request<InviteResult>(facilitator, 'invite:create', { exerciseId: alpha.id, role: 'observer', label: 'Big screen' }));
    observerToken = observerInvite.token;
    observer = await server.connect(observerToken);
    const betaInvite = await ok(request<InviteResult>(facilitator, 'invite:create', { exerciseId: beta.id, role: 'facilitator', label: 'Beta lead' }));
    betaFacilitatorToken = betaInvite.token;
    betaFacilitator = await server.connect(betaInvite.token);

    await ok(request(facilitator, 'exercise:start', { exerciseId: alpha.id }));
    blueInject = await ok(request<InjectView>(facilitator, 'inject:send', { exerciseId: alpha.id, teamId: alpha.teams[0]!.id, message: 'Blue only', question: 'Status?', maxPoints: 10 }));
    await ok(request(blue.socket, 'inject:answer', { injectId: blueInject.id, answer: 'Blue secret answer' }));
  });

  afterAll(async () => {
    await server?.stop();
  });

  const snapshot = () => JSON.stringify(server.app.store.read());

  function facilitatorActions(): [string, Record<string, unknown> | undefined][] {
    const exerciseId = alpha.id;
    const teamId = alpha.teams[0]!.id;
    const playerId = blue.join.playerId;
    return [
      ['exercise:create', { scenarioId: 'apexcorp-prod', name: 'Mine', teams: ['A'] }],
      ['exercise:watch', { exerciseId }],
      ['exercise:start', { exerciseId }],
      ['phase:advance', { exerciseId }],
      ['exercise:pause', { exerciseId }],
      ['exercise:resume', { exerciseId }],
      ['exercise:end', { exerciseId }],
      ['exercise:extend', { exerciseId, minutes: 10 }],
      ['exercise:update', { exerciseId, name: 'Renamed' }],
      ['team:create', { exerciseId, name: 'Purple' }],
      ['team:rename', { exerciseId, teamId, name: 'Navy' }],
      ['team:remove', { exerciseId, teamId }],
      ['player:move', { exerciseId, playerId, teamId: alpha.teams[1]!.id }],
      ['player:remove', { exerciseId, playerId }],
      ['inject:send', { exerciseId, message: 'Fake' }],
      ['inject:award', { exerciseId, answerId: 'abc', points: 1 }],
      ['audit:list', { exerciseId }],
      ['invite:create', { exerciseId, role: 'facilitator', label: 'Me' }],
      ['invite:list', { exerciseId }],
      ['invite:revoke', { exerciseId, inviteId: 'abc' }],
      ['team:progress', { exerciseId }],
      ['team:queries', { exerciseId, teamId }],
    ];
  }

  it.each(['participant', 'observer', 'facilitator of another exercise'])('rejects every facilitator action by a %s', async (who) => {
    const callers: Record<string, ClientSocket> = { participant: blue.socket, observer, 'facilitator of another exercise': betaFacilitator };
    const socket = callers[who]!;
    const before = snapshot();
    for (const [event, payload] of facilitatorActions()) {
      if (event === 'exercise:create' && who === 'facilitator of another exercise') {
        expect(await request(socket, event, payload), event).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        continue;
      }
      const response = payload === undefined ? await request(socket, event) : await request(socket, event, payload);
      expect(response, event).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(snapshot()).toBe(before);
  });

  it('lists only its own exercise to an invited facilitator', async () => {
    const listed = await ok(request<ExerciseSummary[]>(betaFacilitator, 'exercise:list'));
    expect(listed.map((summary) => summary.id)).toEqual([beta.id]);
    const watched = await ok(request<ExerciseState>(betaFacilitator, 'exercise:watch', { exerciseId: beta.id }));
    expect(watched.exercise.name).toBe('Beta');
  });

  it.each([
    ['exercise:get', undefined],
    ['cloudtrail:list', { filter: 'all' }],
    ['cloudtrail:get', { eventId: 'x' }],
    ['cloudtrail:histogram', {}],
    ['query:run', { sql: 'SELECT 1' }],
    ['objective:submit', { objectiveId: 'compromised-user', answer: 'dev-deploy' }],
    ['hint:open', { objectiveId: 'compromised-user', hintId: 'x' }],
    ['inject:answer', { injectId: 'x', answer: 'y' }],
  ])('rejects team request %s from an observer and a facilitator', async (event, payload) => {
    const before = snapshot();
    for (const socket of [observer, facilitator]) {
      const response = payload === undefined ? await request(socket, event) : await request(socket, event, payload);
      expect(response).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(snapshot()).toBe(before);
  });

  it("hides another team's inject and answer", async () => {
    const greenState = await ok(request<ExerciseState>(green.socket, 'exercise:get'));
    expect(greenState.injects.map((inject) => inject.id)).not.toContain(blueInject.id);
    expect(JSON.stringify(greenState)).not.toContain('Blue secret answer');

    const before = snapshot();
    expect(await request(green.socket, 'inject:answer', { injectId: blueInject.id, answer: 'Mine now' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await request(other.socket, 'inject:answer', { injectId: blueInject.id, answer: 'Mine now' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(snapshot()).toBe(before);
  });

  it("keeps another exercise's data out of reach", async () => {
    const state = await ok(request<ExerciseState>(other.socket, 'exercise:get'));
    expect(state.exercise.id).toBe(beta.id);
    expect(state.findings).toEqual([]);
    expect(JSON.stringify(state)).not.toContain('Blue secret answer');
    expect(await request(other.socket, 'cloudtrail:list', { filter: 'all' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(await request(other.socket, 'query:run', { sql: 'SELECT count(*) FROM cloudtrail_logs' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('shows observers the board without team data', async () => {
    const board = await ok(request<BoardState>(observer, 'board:get'));
    expect(board.exerciseId).toBe(alpha.id);
    expect(board.scoreboard.map((entry) => entry.teamName).sort()).toEqual(['Blue', 'Green']);
    const text = JSON.stringify(board);
    for (const secret of ['Ana', 'Chloe', 'Blue secret answer', 'Status?', 'Findings', 'Severity']) expect(text).not.toContain(secret);
  });

  it.each([
    ['another team', () => green.join.playerToken, () => alpha.teams[0]!.id],
    ['another exercise', () => other.join.playerToken, () => alpha.teams[0]!.id],
    ['an observer', () => observerToken, () => alpha.teams[0]!.id],
    ['a facilitator of another exercise', () => betaFacilitatorToken, () => alpha.teams[0]!.id],
    ['the facilitator, for a team that does not exist', () => FacilitatorToken, () => 'no-such-team'],
  ])('refuses the team document to %s', async (_who, token, teamId) => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}${CollabPath}/${teamDocName(teamId())}?token=${token()}`);
    const received: Buffer[] = [];
    socket.on('message', (data: Buffer) => received.push(data));
    const code = await new Promise<number>((resolve) => socket.on('close', (closeCode) => resolve(closeCode)));
    expect(code).toBe(CollabCloseCode.Forbidden);
    expect(received).toHaveLength(0);
  });

  it('refuses a socket from another origin', async () => {
    await expect(server.connect(FacilitatorToken, { origin: 'http://training.example' })).rejects.toThrow();
    const same = await server.connect(FacilitatorToken, { origin: server.url });
    expect(same.connected).toBe(true);
  });

  it('refuses a team document from another origin', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}${CollabPath}/${teamDocName(alpha.teams[0]!.id)}?token=${blue.join.playerToken}`, {
      headers: { origin: 'http://training.example' },
    });
    const code = await new Promise<number>((resolve) => socket.on('close', (closeCode) => resolve(closeCode)));
    expect(code).toBe(CollabCloseCode.Forbidden);
  });

  it('drops a socket that never authenticates', async () => {
    // A raw Engine.IO connection that never sends the Socket.IO CONNECT packet.
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const closed = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 10_000);
      socket.on('close', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    expect(closed).toBe(true);
  });

  it('disconnects a revoked observer and refuses the token', async () => {
    const invite = await ok(request<InviteResult>(facilitator, 'invite:create', { exerciseId: alpha.id, role: 'observer', label: 'Lobby screen' }));
    const screen = await server.connect(invite.token);
    const listed = await ok(request<{ id: string; label: string }[]>(facilitator, 'invite:list', { exerciseId: alpha.id }));
    expect(listed.map((entry) => entry.label)).toContain('Lobby screen');
    expect(JSON.stringify(listed)).not.toContain(invite.token);

    const reason = new Promise<string>((resolve) => screen.once('disconnect', (why) => resolve(why)));
    const remaining = await ok(request<{ id: string }[]>(facilitator, 'invite:revoke', { exerciseId: alpha.id, inviteId: invite.inviteId }));
    expect(remaining.map((entry) => entry.id)).not.toContain(invite.inviteId);
    expect(await reason).toBe('io server disconnect');
    await expect(server.connect(invite.token)).rejects.toThrow('UNAUTHENTICATED');
  });

  it('disconnects a removed participant and refuses the token', async () => {
    const join = await server.join(alpha.joinCode, 'Temp', alpha.teams[1]!.id);
    const socket = await server.connect(join.playerToken);
    const reason = new Promise<string>((resolve) => socket.once('disconnect', (why) => resolve(why)));
    await ok(request(facilitator, 'player:remove', { exerciseId: alpha.id, playerId: join.playerId }));
    expect(await reason).toBe('io server disconnect');
    await expect(server.connect(join.playerToken)).rejects.toThrow('UNAUTHENTICATED');
  });

  it('checks the token again on every request', async () => {
    const join = await server.join(alpha.joinCode, 'Late', alpha.teams[1]!.id);
    const socket = await server.connect(join.playerToken);
    // Removed behind the socket's back: no disconnect is sent, the next request must still fail.
    await server.app.store.write((data) => {
      data.players = data.players.filter((player) => player.id !== join.playerId);
    });
    expect(await request(socket, 'exercise:get')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  describe('audit log over HTTP', () => {
    let betaReviewerToken: string;

    beforeAll(async () => {
      const invite = await ok(request<InviteResult>(facilitator, 'invite:create', { exerciseId: beta.id, role: 'facilitator', label: 'Beta reviewer' }));
      betaReviewerToken = invite.token;
    });

    const audit = (exerciseId: string, token?: string) =>
      fetch(`${server.url}/api/exercises/${exerciseId}/audit`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

    it('returns the log to a facilitator', async () => {
      const response = await audit(alpha.id, FacilitatorToken);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { ok: true; data: { entries: { action: string }[]; total: number } };
      expect(body.data.entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['exercise:create', 'player:join', 'exercise:start', 'inject:send']));
      expect(body.data.total).toBe(body.data.entries.length);
    });

    it.each([
      ['no token', () => undefined, 401, 'UNAUTHENTICATED'],
      ['a participant', () => blue.join.playerToken, 403, 'FORBIDDEN'],
      ['an observer', () => observerToken, 403, 'FORBIDDEN'],
      ['a facilitator of another exercise', () => betaReviewerToken, 403, 'FORBIDDEN'],
    ])('rejects %s', async (_who, token, status, code) => {
      const response = await audit(alpha.id, token());
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ ok: false, error: { code } });
    });

    it('rejects a bad page size', async () => {
      const response = await fetch(`${server.url}/api/exercises/${alpha.id}/audit?limit=0`, { headers: { authorization: `Bearer ${FacilitatorToken}` } });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', field: 'limit' } });
    });
  });
});
