import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IamGraph } from '../../shared/iam-graph.js';
import type { CloudTrailPage, ExerciseState, ExerciseSummary, QueryResult } from '../../shared/model.js';
import type { InviteResult } from '../../shared/orchestration.js';
import type { ContainmentResult, RedCatalog, RedMoveView, RedState } from '../../shared/red-blue.js';
import { FacilitatorToken, ok, request, TestServer, type ClientSocket } from '../support/harness.js';

/** A scripted red cell against two scripted blue teams, through the real server. */
describe('red against blue', () => {
  let server: TestServer;
  let facilitator: ClientSocket;
  let red: ClientSocket;
  let alpha: ClientSocket;
  let bravo: ClientSocket;
  let exercise: ExerciseSummary;
  let catalog: RedCatalog;
  let stolenKey: string;
  let alphaToken: string;

  beforeAll(async () => {
    server = await TestServer.start();
    facilitator = await server.connect(FacilitatorToken);
    exercise = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Red vs blue', teams: ['Alpha', 'Bravo'] }));
    const invite = await ok(request<InviteResult>(facilitator, 'invite:create', { exerciseId: exercise.id, role: 'red', label: 'Red cell' }));
    red = await server.connect(invite.token);
    alphaToken = (await server.join(exercise.joinCode, 'Ana', exercise.teams[0]!.id)).playerToken;
    alpha = await server.connect(alphaToken);
    bravo = await server.connect((await server.join(exercise.joinCode, 'Ben', exercise.teams[1]!.id)).playerToken);
    await ok(request(facilitator, 'exercise:start', { exerciseId: exercise.id }));
    catalog = await ok(request<RedCatalog>(red, 'red:catalog'));
    // The CI pipeline's key, which the scenario's story steals; the pipeline still uses it.
    stolenKey = 'AKIABZPUZDIKLNSTKRFZ';
    expect(catalog.targets.accessKeys).toContainEqual({ accessKeyId: stolenKey, userName: 'dev-deploy' });
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  const run = (socket: ClientSocket, command: string) => ok(request<ContainmentResult>(socket, 'containment:run', { command }));
  const events = (socket: ClientSocket, eventName: string) =>
    ok(request<CloudTrailPage>(socket, 'cloudtrail:list', { attributes: { eventName }, limit: 50 }));

  it('offers the catalog with ATT&CK ids and the account targets', () => {
    expect(catalog.techniques.length).toBeGreaterThan(20);
    expect(catalog.techniques.every((technique) => /^T\d{4}(\.\d{3})?$/.test(technique.mitre.id))).toBe(true);
    expect(catalog.targets.accessKeys.map((key) => key.userName)).toContain('dev-deploy');
    expect(catalog.teams?.map((team) => team.name)).toEqual(['Alpha', 'Bravo']);
    expect(catalog.defaults.sourceIpAddress).toBe('185.220.101.45');
  });

  it('rejects a move with a bad parameter and names the field', async () => {
    const reply = await request(red, 'red:move', { techniqueId: 'create-backdoor-user', params: { accessKey: 'not-a-key' } });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.field).toMatch(/^params\./);
  });

  it('contains a move in one copy', async () => {
    const move = await ok(request<RedMoveView>(red, 'red:move', { techniqueId: 'create-backdoor-user', params: { accessKey: stolenKey, newUserName: 'svc-sync' } }));
    expect(move.status).toBe('applied');
    expect(move.results.map((result) => result.teamId).sort()).toEqual(exercise.teams.map((team) => team.id).sort());
    const alphaResult = move.results.find((result) => result.teamId === exercise.teams[0]!.id)!;
    expect(alphaResult.calls.map((call) => [call.action, call.errorCode])).toEqual([
      ['CreateUser', null],
      ['CreateAccessKey', null],
    ]);

    // Each team's CloudTrail shows the attacker's calls, from the attacker's address.
    const created = await events(alpha, 'CreateUser');
    const live = created.rows.find((row) => row.eventId === alphaResult.calls[0]!.eventId);
    expect(live?.sourceIpAddress).toBe('185.220.101.45');
    expect((await events(bravo, 'CreateUser')).rows.some((row) => row.eventId === alphaResult.calls[0]!.eventId)).toBe(false);

    // Alpha finds the new key and deactivates it; Bravo's copy keeps it active.
    const listed = await run(alpha, 'aws iam list-access-keys --user-name svc-sync');
    expect(listed.ok).toBe(true);
    const keyId = (JSON.parse(listed.output) as { AccessKeyMetadata: { AccessKeyId: string }[] }).AccessKeyMetadata[0]!.AccessKeyId;
    const contained = await run(alpha, `aws iam update-access-key --user-name svc-sync --access-key-id ${keyId} --status Inactive`);
    expect(contained.ok).toBe(true);
    expect(contained.points).toBeGreaterThan(0);
    const bravoKeys = await run(bravo, 'aws iam list-access-keys --user-name svc-sync');
    expect(JSON.parse(bravoKeys.output).AccessKeyMetadata[0].Status).toBe('Active');

    const state = await ok(request<RedState>(facilitator, 'red:watch', { exerciseId: exercise.id }));
    const results = state.moves.find((candidate) => candidate.id === move.id)!.results;
    expect(results.find((result) => result.teamId === exercise.teams[0]!.id)!.containedAt).not.toBeNull();
    expect(results.find((result) => result.teamId === exercise.teams[1]!.id)!.containedAt).toBeNull();
  });

  it("draws the attacker's new user in the team's IAM graph only", async () => {
    const graph = await ok(request<IamGraph>(alpha, 'iam:graph'));
    expect(graph.current.nodes.map((node) => node.id)).toContain('user:svc-sync');
    const shared = await ok(request<IamGraph>(facilitator, 'iam:graph', { exerciseId: exercise.id }));
    expect(shared.current.nodes.map((node) => node.id)).not.toContain('user:svc-sync');
  });

  it('signs with a new key until revoked', async () => {
    const targets = (await ok(request<RedCatalog>(red, 'red:catalog'))).targets;
    const backdoor = targets.accessKeys.find((key) => key.userName === 'svc-sync')!.accessKeyId;
    const move = await ok(request<RedMoveView>(red, 'red:move', { techniqueId: 'whoami', params: { accessKey: backdoor } }));
    const codes = (teamIndex: number) => move.results.find((result) => result.teamId === exercise.teams[teamIndex]!.id)!.calls.map((call) => call.errorCode);
    expect(codes(0)).toEqual(codes(0).map(() => 'InvalidClientTokenId'));
    // The key works in Bravo's copy; the new user has no policies, so only GetCallerIdentity succeeds.
    expect(codes(1)[0]).toBeNull();
    expect(codes(1)).not.toContain('InvalidClientTokenId');
  });

  it('answers a CLI mistake like the CLI and runs nothing', async () => {
    const result = await run(alpha, 'aws iam update-access-key --status Inactive');
    expect(result.ok).toBe(false);
    expect(result.output).toContain('--access-key-id');
    const history = await ok(request<ContainmentResult[]>(alpha, 'containment:history'));
    expect(history.some((entry) => entry.id === result.id)).toBe(false);
  });

  it('fails the attacker once the team deactivates the stolen key', async () => {
    await run(bravo, `aws iam update-access-key --user-name dev-deploy --access-key-id ${stolenKey} --status Inactive`);
    const move = await ok(request<RedMoveView>(red, 'red:move', { techniqueId: 'enumerate-iam-users', params: { accessKey: stolenKey } }));
    const bravoCalls = move.results.find((result) => result.teamId === exercise.teams[1]!.id)!.calls;
    const alphaCalls = move.results.find((result) => result.teamId === exercise.teams[0]!.id)!.calls;
    expect(bravoCalls.every((call) => call.errorCode === 'InvalidClientTokenId')).toBe(true);
    expect(alphaCalls.every((call) => call.errorCode === null)).toBe(true);
  });

  it('penalises revoking the pipeline key without a replacement', async () => {
    const history = await ok(request<ContainmentResult[]>(bravo, 'containment:history'));
    const revoke = history.find((entry) => entry.command.includes(stolenKey))!;
    expect(revoke.points).toBeLessThan(0);
    expect(revoke.reason).toMatch(/no new active key/);
  });

  it('shows a team its own commands in Athena', async () => {
    const result = await ok(request<QueryResult>(alpha, 'query:run', { sql: "SELECT eventname, sourceipaddress FROM cloudtrail_logs WHERE eventname = 'UpdateAccessKey'" }));
    expect(result.rows.map((row) => row[0])).toContain('UpdateAccessKey');
    const other = await ok(request<QueryResult>(bravo, 'query:run', { sql: "SELECT count(*) FROM cloudtrail_logs WHERE eventname = 'UpdateAccessKey' AND sourceipaddress = '198.51.100.24'" }));
    expect(Number(other.rows[0]![0])).toBe(1);
  });

  it('holds moves for approval and obeys a pause', async () => {
    await ok(request(facilitator, 'red:control', { exerciseId: exercise.id, mode: 'approve' }));
    const waiting = await ok(request<RedMoveView>(red, 'red:move', { techniqueId: 'whoami', params: { accessKey: stolenKey } }));
    expect(waiting.status).toBe('awaiting-approval');
    const approved = await ok(request<RedMoveView>(facilitator, 'red:decide', { exerciseId: exercise.id, moveId: waiting.id, approve: true }));
    expect(approved.status).toBe('applied');
    await ok(request(facilitator, 'red:control', { exerciseId: exercise.id, paused: true }));
    const rejected = await request(red, 'red:move', { techniqueId: 'whoami', params: { accessKey: stolenKey } });
    expect(rejected.ok).toBe(false);
    if (!rejected.ok) expect(rejected.error.message).toMatch(/paused/);
  });

  it('gives no containment points for a discovery move', async () => {
    await ok(request(facilitator, 'red:control', { exerciseId: exercise.id, paused: false, mode: 'auto' }));
    await ok(request<RedMoveView>(red, 'red:move', { techniqueId: 'enumerate-iam-users', params: { accessKey: stolenKey }, teamId: exercise.teams[0]!.id }));
    const revoke = await run(alpha, `aws iam update-access-key --user-name dev-deploy --access-key-id ${stolenKey} --status Inactive`);
    expect(revoke.ok).toBe(true);
    expect(revoke.points).toBe(-25);
    expect(revoke.reason).not.toMatch(/Contained/);
  });

  it('keeps every copy across a restart', async () => {
    const before = await run(alpha, 'aws iam list-access-keys --user-name svc-sync');
    await server.stop({ keepData: true });
    server = await TestServer.start(server.dataDir);
    const again = await server.connect(alphaToken);
    const after = await run(again, 'aws iam list-access-keys --user-name svc-sync');
    expect(JSON.parse(after.output)).toEqual(JSON.parse(before.output));
    const state = await ok(request<ExerciseState>(again, 'exercise:get'));
    expect(state.exercise.id).toBe(exercise.id);
  });
});
