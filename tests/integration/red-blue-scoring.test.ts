import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TimelineArrayName } from '../../shared/collab.js';
import type { ExerciseState, ExerciseSummary, QueryResult, ScoreboardEntry } from '../../shared/model.js';
import type { AuditPage, InviteResult } from '../../shared/orchestration.js';
import type { RedMoveView, RedState } from '../../shared/red-blue.js';
import { partitionFileName } from '../../server/store/partitions.js';
import type { StoreData } from '../../server/store/records.js';
import { FacilitatorToken, ManualClock, ok, request, TestServer, type ClientSocket } from '../support/harness.js';

/** Waits for the monitor, which checks every two seconds of real time. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in time: ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function timelineEntry(refId: string): Y.Map<string> {
  return new Y.Map<string>(
    Object.entries({ id: `entry-${refId}`, refId, refKind: 'cloudtrail', eventTime: '2026-05-08T02:25:00Z', actor: 'dev-deploy', action: 'CreateUser', sourceIp: '185.220.101.45', note: 'backdoor user', technique: 'T1136.003', author: 'Ana' }),
  );
}

/** Detection through the timeline, GuardDuty's delay and the red cell's points, on a clock the test moves. */
describe('red against blue scoring', () => {
  const clock = new ManualClock();
  let server: TestServer;
  let facilitator: ClientSocket;
  let red: ClientSocket;
  let alpha: ClientSocket;
  let alphaToken: string;
  let exercise: ExerciseSummary;
  let move: RedMoveView;
  let redToken: string;

  beforeAll(async () => {
    server = await TestServer.start(undefined, { now: clock.now });
    facilitator = await server.connect(FacilitatorToken);
    exercise = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Scoring', teams: ['Alpha', 'Bravo'] }));
    redToken = (await ok(request<InviteResult>(facilitator, 'invite:create', { exerciseId: exercise.id, role: 'red', label: 'Red' }))).token;
    red = await server.connect(redToken);
    alphaToken = (await server.join(exercise.joinCode, 'Ana', exercise.teams[0]!.id)).playerToken;
    alpha = await server.connect(alphaToken);
    await ok(request(facilitator, 'exercise:start', { exerciseId: exercise.id }));
    move = await ok(request<RedMoveView>(red, 'red:move', { techniqueId: 'create-backdoor-user', params: { accessKey: 'AKIABZPUZDIKLNSTKRFZ', newUserName: 'svc-metrics' } }));
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  const alphaResult = () => move.results.find((result) => result.teamId === exercise.teams[0]!.id)!;
  const score = async (teamId: string) => {
    const state = await ok(request<ExerciseState>(facilitator, 'exercise:watch', { exerciseId: exercise.id }));
    return state.scoreboard.find((entry: ScoreboardEntry) => entry.teamId === teamId)!.score;
  };

  it('raises findings that reach the team only after their delay', async () => {
    const findings = alphaResult().findings;
    expect(findings.map((finding) => finding.type)).toContain('UnauthorizedAccess:IAMUser/TorIPCaller');
    const types = async () => (await ok(request<ExerciseState>(alpha, 'exercise:get'))).findings.map((finding) => finding.Type);
    const before = await types();
    const first = Math.min(...findings.map((finding) => Date.parse(finding.dueAt)));
    const moveTime = Date.parse(move.scenarioTime!);
    expect(first).toBeGreaterThan(moveTime);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect((await types()).length).toBe(before.length);

    clock.advance(first - moveTime + 1_000);
    const after = await until(types, (list) => list.length > before.length);
    expect(after).toContain('UnauthorizedAccess:IAMUser/TorIPCaller');
    const athena = await ok(request<QueryResult>(alpha, 'query:run', { sql: "SELECT id FROM guardduty_findings WHERE type = 'UnauthorizedAccess:IAMUser/TorIPCaller'" }));
    const ids = athena.rows.map((row) => row[0]);
    expect(ids).toContain(findings.find((finding) => finding.type === 'UnauthorizedAccess:IAMUser/TorIPCaller')!.id);
  });

  it('scores a detection when the move is on the timeline', async () => {
    const teamId = exercise.teams[0]!.id;
    const before = await score(teamId);
    const { doc } = await server.openTeamDoc(alphaToken, teamId);
    doc.getArray<Y.Map<string>>(TimelineArrayName).push([timelineEntry(alphaResult().calls[0]!.eventId!)]);
    await until(() => score(teamId), (value) => value === before + 30);
    const state = await ok(request<RedState>(facilitator, 'red:watch', { exerciseId: exercise.id }));
    expect(state.moves[0]!.results.find((result) => result.teamId === teamId)!.detectedAt).not.toBeNull();
    expect(state.moves[0]!.results.find((result) => result.teamId === exercise.teams[1]!.id)!.detectedAt).toBeNull();
  });

  it('pays the red cell for a move a team missed for ten minutes', async () => {
    expect((await ok(request<RedState>(red, 'red:state'))).score).toBe(0);
    clock.advance(10 * 60_000);
    const state = await until(() => ok(request<RedState>(red, 'red:state')), (value) => value.score > 0);
    // Bravo missed it; Alpha had put it on its timeline.
    expect(state.score).toBe(20);
    // The points are on disk at once, not only with the exercise's next change.
    const saved = async () => {
      const text = await readFile(path.join(server.dataDir, 'store', partitionFileName(exercise.id)), 'utf8');
      return (JSON.parse(text) as StoreData).redMoves.flatMap((record) => record.results).reduce((sum, result) => sum + result.redPoints, 0);
    };
    await until(saved, (points) => points === 20);
    // The facilitator's audit log says why the red cell scored.
    const audit = await ok(request<AuditPage>(facilitator, 'audit:list', { exerciseId: exercise.id, limit: 500 }));
    expect(audit.entries.map((entry) => entry.action)).toContain('red:score');
  });

  it('keeps detections and red points across a restart', async () => {
    await server.stop({ keepData: true });
    server = await TestServer.start(server.dataDir, { now: clock.now });
    const state = await ok(request<RedState>(await server.connect(redToken), 'red:state'));
    expect(state.score).toBe(20);
    expect(state.moves[0]!.results.find((result) => result.teamId === exercise.teams[0]!.id)!.detectedAt).not.toBeNull();
  });
});
