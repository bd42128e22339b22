import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TimelineArrayName, type TimelineEntry } from '../../shared/collab.js';
import type { ExerciseSummary } from '../../shared/model.js';
import type { InviteResult } from '../../shared/orchestration.js';
import type { ContainmentResult, RedMoveView, RedState } from '../../shared/red-blue.js';
import type { AfterActionReport } from '../../server/report/after-action.js';
import type { ExerciseReport } from '../../server/report/exercise-report.js';
import { techniqueById } from '../../server/redcell/index.js';
import { FacilitatorToken, ok, request, TestServer, type ClientSocket } from '../support/harness.js';

const StolenKey = 'AKIABZPUZDIKLNSTKRFZ';
/** A command only Bravo types; no other report may contain it. */
const BravoMarker = 'bravo-only-marker';

/** A red cell against two teams through the real server, then the after-action report of each. */
describe('red against blue report', () => {
  let server: TestServer;
  let clock = Date.now();
  let facilitator: ClientSocket;
  let red: ClientSocket;
  let alpha: ClientSocket;
  let bravo: ClientSocket;
  let exercise: ExerciseSummary;
  let backdoor: RedMoveView;
  let aimed: RedMoveView;

  const alphaId = () => exercise.teams[0]!.id;
  const bravoId = () => exercise.teams[1]!.id;
  const run = (socket: ClientSocket, command: string) => ok(request<ContainmentResult>(socket, 'containment:run', { command }));
  const watch = () => ok(request<RedState>(facilitator, 'red:watch', { exerciseId: exercise.id }));

  async function waitFor(condition: (state: RedState) => boolean): Promise<RedState> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const state = await watch();
      if (condition(state)) return state;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the red against blue monitor did not record the change within 10 s');
  }

  function get(query: string): Promise<Response> {
    return fetch(`${server.url}/api/exercises/${exercise.id}/report?${query}`, { headers: { authorization: `Bearer ${FacilitatorToken}` } });
  }

  async function text(query: string): Promise<string> {
    const response = await get(query);
    expect(response.status).toBe(200);
    return response.text();
  }

  beforeAll(async () => {
    server = await TestServer.start(undefined, { now: () => clock });
    facilitator = await server.connect(FacilitatorToken);
    exercise = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Red report drill', teams: ['Alpha', 'Bravo'] }));
    const invite = await ok(request<InviteResult>(facilitator, 'invite:create', { exerciseId: exercise.id, role: 'red', label: 'Red cell' }));
    red = await server.connect(invite.token);
    const alphaJoin = await server.join(exercise.joinCode, 'Ana', alphaId());
    alpha = await server.connect(alphaJoin.playerToken);
    bravo = await server.connect((await server.join(exercise.joinCode, 'Ben', bravoId())).playerToken);
    await ok(request(facilitator, 'exercise:start', { exerciseId: exercise.id }));
    clock += 60_000;

    backdoor = await ok(request<RedMoveView>(red, 'red:move', { techniqueId: 'create-backdoor-user', params: { accessKey: StolenKey, newUserName: 'svc-sync' } }));
    aimed = await ok(request<RedMoveView>(red, 'red:move', { techniqueId: 'whoami', params: { accessKey: StolenKey }, teamId: bravoId() }));
    clock += 60_000;

    // Alpha contains the backdoor, types a name with markup, and puts the move on its timeline.
    const listed = await run(alpha, 'aws iam list-access-keys --user-name svc-sync');
    const keyId = (JSON.parse(listed.output) as { AccessKeyMetadata: { AccessKeyId: string }[] }).AccessKeyMetadata[0]!.AccessKeyId;
    await run(alpha, `aws iam update-access-key --user-name svc-sync --access-key-id ${keyId} --status Inactive`);
    await run(alpha, 'aws iam get-user --user-name "<b>ghost</b>"');
    await run(bravo, `aws iam get-user --user-name ${BravoMarker}`);

    const eventId = backdoor.results.find((result) => result.teamId === alphaId())!.calls[0]!.eventId!;
    const { doc } = await server.openTeamDoc(alphaJoin.playerToken, alphaId());
    const entry: TimelineEntry = { id: 'entry-1', refId: eventId, refKind: 'cloudtrail', eventTime: '2026-05-08T02:30:00Z', actor: 'dev-deploy', action: 'CreateUser', sourceIp: '185.220.101.45', note: 'backdoor user', technique: 'T1136.003', author: 'Ana' };
    doc.getArray<Y.Map<string>>(TimelineArrayName).push([new Y.Map(Object.entries(entry))]);
    await waitFor((state) => state.moves.some((move) => move.id === backdoor.id && move.results.some((result) => result.teamId === alphaId() && result.detectedAt !== null)));

    // Eleven minutes later, Bravo has detected neither move: both score for the red cell.
    clock += 11 * 60_000;
    await waitFor((state) => state.score === 40);
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('lists moves that reached the team as JSON', async () => {
    const report = (await (await get(`format=json&team=${alphaId()}`)).json()) as AfterActionReport;
    const moves = report.redBlue!.moves;
    expect(moves.map((move) => move.moveId)).toEqual([backdoor.id]);
    expect(moves[0]!.techniqueName).toBe(techniqueById('create-backdoor-user')!.name);
    expect(moves[0]!.mitreId).toBe(techniqueById('create-backdoor-user')!.mitre.id);
    expect(moves[0]!.calls.map((call) => [call.action, call.errorCode])).toEqual([
      ['CreateUser', null],
      ['CreateAccessKey', null],
    ]);
    expect(moves[0]!.detected?.elapsedMs).toBeGreaterThanOrEqual(120_000);
    expect(moves[0]!.contained?.elapsedMs).toBe(120_000);
    expect(moves[0]!.redPoints).toBe(0);
  });

  it('lists own commands with points as JSON', async () => {
    const report = (await (await get(`format=json&team=${alphaId()}`)).json()) as AfterActionReport;
    const commands = report.redBlue!.commands;
    expect(commands.map((command) => command.by)).toEqual(['Ana', 'Ana', 'Ana']);
    expect(commands[1]!.points).toBe(40);
    expect(commands[1]!.reason).toMatch(/Contained/);
    expect(commands[2]!.ok).toBe(false);
    expect(commands[2]!.errorCode).toBe('NoSuchEntity');
    expect(JSON.stringify(report)).not.toContain(BravoMarker);
  });

  it('says not detected in Markdown', async () => {
    const markdown = await text(`format=markdown&team=${bravoId()}`);
    expect(markdown).toContain('## Red cell moves');
    expect(markdown).toContain('2 red cell moves reached this team: 0 detected, 0 contained.');
    expect(markdown).toContain('| not detected | not contained | 20 |');
    expect(markdown).toContain('(aimed at this team)');
    expect(markdown).toContain(BravoMarker);
    expect(markdown).not.toContain('svc-sync --access-key-id');
  });

  it('escapes commands in Markdown', async () => {
    const markdown = await text(`format=markdown&team=${alphaId()}`);
    expect(markdown).toContain('aws iam get-user --user-name "\\<b\\>ghost\\</b\\>"');
    expect(markdown).toContain('| error: NoSuchEntity |');
    expect(markdown).not.toContain('<b>');
  });

  it('escapes commands in HTML', async () => {
    const html = await text(`format=html&team=${alphaId()}`);
    expect(html).toContain('<h2>Red cell moves</h2>');
    expect(html).toContain('<h2>Containment commands</h2>');
    expect(html).toContain('&#60;b&#62;ghost&#60;/b&#62;');
    expect(html).not.toContain('<b>ghost');
    expect(html).not.toContain(BravoMarker);
    expect(html).not.toContain(aimed.id);
  });

  it('sums the red cell points', async () => {
    const whole = (await (await get('format=json')).json()) as ExerciseReport;
    expect(whole.redCell!.points).toBe(40);
    expect(whole.redCell!.moves.map((move) => [move.status, move.targetTeam, move.teamsReached, move.teamsDetected, move.teamsContained, move.redPoints])).toEqual([
      ['applied', null, 2, 1, 1, 20],
      ['applied', 'Bravo', 1, 0, 0, 20],
    ]);
    const markdown = await text('format=markdown');
    expect(markdown).toContain('## Red cell\n\nThe red cell earned **40** points with 2 moves.');
    const html = await text('format=html');
    expect(html).toContain('<p>The red cell earned <strong>40</strong> points with 2 moves.</p>');
  });

  it('keeps team files apart in the zip', async () => {
    const response = await get('format=zip');
    expect(response.status).toBe(200);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(strFromU8(files['all-teams.md']!)).toContain('The red cell earned **40** points');
    for (const extension of ['json', 'md', 'html']) {
      const alphaFile = strFromU8(files[`teams/Alpha.${extension}`]!);
      expect(alphaFile).toContain('svc-sync');
      expect(alphaFile).not.toContain(BravoMarker);
      expect(strFromU8(files[`teams/Bravo.${extension}`]!)).not.toContain('ghost');
    }
  });
});
