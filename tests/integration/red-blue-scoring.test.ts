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
  let bravo: ClientSocket;
  let exercise: ExerciseSummary;
  let move: RedMoveView;
  let redToken: string;
  let finalScore = 0;

  beforeAll(async () => {
    server = await TestServer.start(undefined, { now: clock.now });
    facilitator = await server.connect(FacilitatorToken);
    exercise = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Scoring', teams: ['Alpha', 'Bravo'] }));
    redToken = (await ok(request<InviteResult>(facilitator, 'invite:create', { exerciseId: exercise.id, role: 'red', label: 'Red' }))).token;
    red = await server.connect(redToken);
    alphaToken = (await server.join(exercise.joinCode, 'Ana', exercise.teams[0]!.id)).playerToken;
    alpha = await server.connect(alphaToken);
    bravo = await server.connect((await server.join(exercise.joinCode, 'Ben', exercise.teams[1]!.id)).playerToken);
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
    // The facilitator's audit log records why the red cell scored.
    const audit = await ok(request<AuditPage>(facilitator, 'audit:list', { exerciseId: exercise.id, limit: 500 }));
    expect(audit.entries.map((entry) => entry.action)).toContain('red:score');
  });

  it('updates one finding per key instead of repeating it', async () => {
    const again = await ok(request<RedMoveView>(red, 'red:move', { techniqueId: 'whoami', params: { accessKey: 'AKIABZPUZDIKLNSTKRFZ' } }));
    const tor = (view: RedMoveView) => view.results.find((result) => result.teamId === exercise.teams[0]!.id)!.findings.find((finding) => finding.type === 'UnauthorizedAccess:IAMUser/TorIPCaller');
    expect(tor(again)?.id).toBe(tor(move)!.id);
    const findings = (await ok(request<ExerciseState>(alpha, 'exercise:get'))).findings.filter((finding) => finding.Id === tor(move)!.id);
    expect(findings).toHaveLength(1);
    expect((findings[0]!.Service as { Count: number }).Count).toBeGreaterThanOrEqual(2);
  });

  it('raises no miner finding for instances stopped before their first query', async () => {
    const miners = await ok(request<RedMoveView>(red, 'red:move', { techniqueId: 'launch-gpu-miners', params: { accessKey: 'AKIABZPUZDIKLNSTKRFZ', region: 'us-east-1', count: '2' } }));
    const launched = miners.results.find((result) => result.teamId === exercise.teams[0]!.id)!;
    expect(launched.calls).toEqual([expect.objectContaining({ action: 'RunInstances', errorCode: null })]);
    expect(launched.findings.some((finding) => finding.type.startsWith('CryptoCurrency:EC2/'))).toBe(true);

    const described = await ok(request<{ ok: boolean; output: string }>(alpha, 'containment:run', { command: 'aws ec2 describe-instances --region us-east-1' }));
    const ids = (JSON.parse(described.output) as { Reservations: { Instances: { InstanceId: string; InstanceType: string }[] }[] }).Reservations.flatMap((reservation) => reservation.Instances)
      .filter((instance) => instance.InstanceType === 'g4dn.xlarge')
      .map((instance) => instance.InstanceId);
    expect(ids).toHaveLength(2);
    const terminated = await ok(request<{ ok: boolean; points: number }>(alpha, 'containment:run', { command: `aws ec2 terminate-instances --region us-east-1 --instance-ids ${ids.join(' ')}` }));
    expect(terminated.ok).toBe(true);
    expect(terminated.points).toBe(40);

    const due = Math.max(...launched.findings.map((finding) => Date.parse(finding.dueAt)));
    clock.advance(due - Date.parse(miners.scenarioTime!) + 1_000);
    const mining = async (socket: ClientSocket) => (await ok(request<ExerciseState>(socket, 'exercise:get'))).findings.filter((finding) => finding.Type.startsWith('CryptoCurrency:EC2/'));
    await until(() => mining(bravo), (list) => list.length === 2);
    expect(await mining(alpha)).toEqual([]);
  });

  it('pays the red cell for every move still undetected at the end', async () => {
    await ok(request<RedMoveView>(red, 'red:move', { techniqueId: 'whoami', params: { accessKey: 'AKIABZPUZDIKLNSTKRFZ' } }));
    const before = (await ok(request<RedState>(red, 'red:state'))).score;
    await ok(request(facilitator, 'exercise:end', { exerciseId: exercise.id }));
    // Neither team put the last move on its timeline before the end: 20 points per team.
    const after = await until(() => ok(request<RedState>(red, 'red:state')), (value) => value.score > before);
    expect(after.score).toBe(before + 40);
    finalScore = after.score;
  });

  it('keeps detections and red points across a restart', async () => {
    await server.stop({ keepData: true });
    server = await TestServer.start(server.dataDir, { now: clock.now });
    const before = finalScore;
    const state = await ok(request<RedState>(await server.connect(redToken), 'red:state'));
    expect(state.score).toBe(before);
    const first = state.moves.find((view) => view.id === move.id)!;
    expect(first.results.find((result) => result.teamId === exercise.teams[0]!.id)!.detectedAt).not.toBeNull();
  });
});
