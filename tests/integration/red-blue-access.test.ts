import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CollabCloseCode, CollabPath, teamDocName } from '../../shared/collab.js';
import type { ExerciseSummary } from '../../shared/model.js';
import type { InviteResult } from '../../shared/orchestration.js';
import type { RedMoveView } from '../../shared/red-blue.js';
import { FacilitatorToken, ok, request, TestServer, type ClientSocket } from '../support/harness.js';

/** Who may play which side: the red cell, the teams and the facilitators keep to their own requests. */
describe('red against blue access', () => {
  let server: TestServer;
  let facilitator: ClientSocket;
  let red: ClientSocket;
  let redToken: string;
  let otherRed: ClientSocket;
  let participant: ClientSocket;
  let exercise: ExerciseSummary;
  let other: ExerciseSummary;

  beforeAll(async () => {
    server = await TestServer.start();
    facilitator = await server.connect(FacilitatorToken);
    exercise = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Access', teams: ['Alpha'] }));
    other = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Other', teams: ['Zulu'] }));
    redToken = (await ok(request<InviteResult>(facilitator, 'invite:create', { exerciseId: exercise.id, role: 'red', label: 'Red' }))).token;
    red = await server.connect(redToken);
    otherRed = await server.connect((await ok(request<InviteResult>(facilitator, 'invite:create', { exerciseId: other.id, role: 'red', label: 'Other red' }))).token);
    participant = await server.connect((await server.join(exercise.joinCode, 'Ana', exercise.teams[0]!.id)).playerToken);
    await ok(request(facilitator, 'exercise:start', { exerciseId: exercise.id }));
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  const rejected = async (socket: ClientSocket, event: string, ...args: unknown[]) => {
    const reply = await request(socket, event, ...args);
    expect(reply.ok, `${event} should be rejected`).toBe(false);
    return reply.ok ? null : reply.error;
  };

  it('keeps the red cell out of team and facilitator requests', async () => {
    for (const [event, payload] of [
      ['exercise:get', undefined],
      ['cloudtrail:list', {}],
      ['query:run', { sql: 'SELECT 1' }],
      ['containment:run', { command: 'aws sts get-caller-identity' }],
      ['containment:history', undefined],
      ['iam:graph', { exerciseId: exercise.id }],
      ['red:decide', { exerciseId: exercise.id, moveId: 'x', approve: true }],
      ['red:control', { exerciseId: exercise.id, paused: false }],
      ['red:watch', { exerciseId: exercise.id }],
      ['exercise:start', { exerciseId: exercise.id }],
      ['team:progress', { exerciseId: exercise.id }],
    ] as const) {
      const error = payload === undefined ? await rejected(red, event) : await rejected(red, event, payload);
      expect(error?.code).toBe('FORBIDDEN');
    }
  });

  it('keeps teams out of the red cell requests', async () => {
    for (const event of ['red:catalog', 'red:state']) expect((await rejected(participant, event))?.code).toBe('FORBIDDEN');
    expect((await rejected(participant, 'red:move', { techniqueId: 'whoami', params: { accessKey: 'AKIABZPUZDIKLNSTKRFZ' } }))?.code).toBe('FORBIDDEN');
  });

  it('lets a red cell aim only at teams of its own exercise', async () => {
    const error = await rejected(red, 'red:move', { techniqueId: 'whoami', params: { accessKey: 'AKIABZPUZDIKLNSTKRFZ' }, teamId: other.teams[0]!.id });
    expect(error?.field).toBe('teamId');
    // The other exercise has not started, so its red cell cannot move at all.
    expect((await rejected(otherRed, 'red:move', { techniqueId: 'whoami', params: { accessKey: 'AKIABZPUZDIKLNSTKRFZ' } }))?.code).toBe('INVALID_STATE');
  });

  it('lets an invited facilitator decide only in its own exercise', async () => {
    const invited = await server.connect((await ok(request<InviteResult>(facilitator, 'invite:create', { exerciseId: other.id, role: 'facilitator', label: 'Other lead' }))).token);
    expect((await rejected(invited, 'red:control', { exerciseId: exercise.id, mode: 'approve' }))?.code).toBe('FORBIDDEN');
    expect((await rejected(invited, 'red:watch', { exerciseId: exercise.id }))?.code).toBe('FORBIDDEN');
  });

  it('rejects malformed moves and commands with the field at fault', async () => {
    expect((await rejected(red, 'red:move', { techniqueId: '../../etc/passwd', params: {} }))?.field).toBe('techniqueId');
    expect((await rejected(red, 'red:move', { techniqueId: 'no-such-technique', params: {} }))?.field).toBe('techniqueId');
    expect((await rejected(red, 'red:move', { techniqueId: 'whoami', params: { accessKey: 'A'.repeat(5_000) } }))?.field).toMatch(/^params/);
    expect((await rejected(red, 'red:move', 'not an object'))?.code).toBe('INVALID_PAYLOAD');
    expect((await rejected(participant, 'containment:run', { command: 'x'.repeat(9_000) }))?.field).toBe('command');
    const shell = await ok(request<{ ok: boolean; output: string }>(participant, 'containment:run', { command: 'aws iam list-users; cat /etc/passwd' }));
    expect(shell.ok).toBe(false);
    expect(shell.output).not.toContain('root:');
    const file = await ok(request<{ ok: boolean; output: string }>(participant, 'containment:run', { command: 'aws iam put-user-policy --user-name dev-deploy --policy-name x --policy-document file:///etc/passwd' }));
    expect(file.ok).toBe(false);
    expect(file.output).toMatch(/Local files are not available/);
  });

  it('gives the red cell no team document', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}${CollabPath}/${teamDocName(exercise.teams[0]!.id)}?token=${encodeURIComponent(redToken)}`);
    const code = await new Promise<number>((resolve) => socket.on('close', (closeCode) => resolve(closeCode)));
    expect(code).toBe(CollabCloseCode.Forbidden);
  });

  it('shows the red cell only its own exercise', async () => {
    const move = await ok(request<RedMoveView>(red, 'red:move', { techniqueId: 'whoami', params: { accessKey: 'AKIABZPUZDIKLNSTKRFZ' } }));
    expect(move.status).toBe('applied');
    const state = await ok(request<{ moves: RedMoveView[] }>(otherRed, 'red:state'));
    expect(state.moves).toEqual([]);
  });
});
