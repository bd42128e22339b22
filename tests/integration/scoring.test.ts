import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { ExerciseState, ScoreboardUpdate, SubmissionResult } from '../../shared/model.js';
import type { BoardState, HintView, InviteResult } from '../../shared/orchestration.js';
import { setUpExercise } from '../support/exercise-setup.js';
import { ManualClock, next, ok, request, TestServer, type ClientSocket } from '../support/harness.js';
import { copyApexcorp } from '../support/scenario-copy.js';

let server: TestServer | null = null;
const dirs: string[] = [];

afterEach(async () => {
  await server?.stop();
  server = null;
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const submit = (socket: ClientSocket, answer: string, idempotencyKey?: string) =>
  request<SubmissionResult>(socket, 'objective:submit', { objectiveId: 'compromised-user', answer, ...(idempotencyKey ? { idempotencyKey } : {}) });

async function startPlay(clock?: ManualClock, scenariosDir?: string) {
  server = await TestServer.start(undefined, { ...(clock ? { now: clock.now } : {}), ...(scenariosDir ? { scenariosDir } : {}) });
  const setup = await setUpExercise(server, { Blue: ['Ana', 'Ben'], Red: ['Cy'] }, { start: true });
  const connect = (name: string) => server!.connect(setup.players.get(name)!.playerToken);
  return { ...setup, ana: await connect('Ana'), ben: await connect('Ben'), cy: await connect('Cy') };
}

async function scoreOf(socket: ClientSocket, teamName: string): Promise<number> {
  const state = await ok(request<ExerciseState>(socket, 'exercise:get'));
  return state.scoreboard.find((entry) => entry.teamName === teamName)!.score;
}

describe('answer attempts', () => {
  it('rejects the eleventh wrong answer in a minute', async () => {
    const clock = new ManualClock();
    const { ana } = await startPlay(clock);
    for (let n = 0; n < 10; n++) {
      clock.advance(1_000);
      expect((await ok(submit(ana, `wrong-${n}`))).correct).toBe(false);
    }
    clock.advance(1_000);
    const limited = await submit(ana, 'wrong-10');
    expect(limited.ok).toBe(false);
    if (limited.ok) return;
    expect(limited.error.code).toBe('RATE_LIMITED');
    expect(limited.error.message).toMatch(/Retry in 50 s/);

    clock.advance(50_000);
    expect((await ok(submit(ana, 'dev-deploy'))).correct).toBe(true);
  });

  it('lets a right answer through the limit', async () => {
    const clock = new ManualClock();
    const { ana } = await startPlay(clock);
    for (let n = 0; n < 10; n++) await ok(submit(ana, `wrong-${n}`));
    expect((await ok(submit(ana, 'dev-deploy'))).correct).toBe(true);
  });

  it('counts a double click once', async () => {
    const { ana } = await startPlay();
    const results = await Promise.all([submit(ana, 'dev-deploy', 'click-00001'), submit(ana, 'dev-deploy', 'click-00001')]);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await scoreOf(ana, 'Blue')).toBe(100);
  });

  it('counts teammates answering together once', async () => {
    const { ana, ben } = await startPlay();
    await Promise.all([submit(ana, 'dev-deploy', 'ana-000001'), submit(ben, 'dev-deploy', 'ben-000001')]);
    expect(await scoreOf(ana, 'Blue')).toBe(100);
  });

  it('counts one wrong answer sent together once', async () => {
    const { ana, ben, cy } = await startPlay();
    await ok(submit(cy, 'dev-deploy'));
    await Promise.all([submit(ana, 'Alice', 'ana-000002'), submit(ben, ' alice ', 'ben-000002')]);
    const state = await ok(request<ExerciseState>(ana, 'exercise:get'));
    expect(state.objectives.find((objective) => objective.id === 'compromised-user')!.wrongAttempts).toBe(1);
  });

  it('replays a resend after reconnect', async () => {
    const { ana, players } = await startPlay();
    const first = await ok(submit(ana, 'dev-deploy', 'resend-0001'));
    ana.disconnect();
    const again = await server!.connect(players.get('Ana')!.playerToken);
    const second = await ok(submit(again, 'dev-deploy', 'resend-0001'));
    expect(second.pointsAwarded).toBe(first.pointsAwarded);
    expect(await scoreOf(again, 'Blue')).toBe(100);
  });
});

describe('objective score floor', () => {
  it('keeps penalties from going below zero', async () => {
    const { ana } = await startPlay();
    for (let n = 0; n < 3; n++) await ok(submit(ana, `wrong-${n}`));
    expect(await scoreOf(ana, 'Blue')).toBe(0);
    const state = await ok(request<ExerciseState>(ana, 'exercise:get'));
    expect(state.objectives.find((objective) => objective.id === 'compromised-user')!.pointsAwarded).toBe(0);
  });

  it('takes penalties and hints from the solve', async () => {
    const { ana } = await startPlay();
    await ok(submit(ana, 'wrong-1'));
    await ok(request<HintView>(ana, 'hint:open', { objectiveId: 'compromised-user', hintId: 'finding-resource' }));
    await ok(submit(ana, 'dev-deploy'));
    expect(await scoreOf(ana, 'Blue')).toBe(80);
  });

  it('gives hints free after the end', async () => {
    const { ana, facilitator, summary } = await startPlay();
    await ok(submit(ana, 'dev-deploy'));
    await ok(request(facilitator, 'exercise:end', { exerciseId: summary.id }));
    const hint = await ok(request<HintView>(ana, 'hint:open', { objectiveId: 'compromised-user', hintId: 'finding-resource' }));
    expect(hint.text).toContain('AccessKeyDetails');
    expect(await scoreOf(ana, 'Blue')).toBe(100);
  });
});

describe('solve bonuses', () => {
  it('pays first-solve and time bonus', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-bonus-'));
    dirs.push(dir);
    await copyApexcorp(dir, {});
    const manifestPath = path.join(dir, 'apexcorp-prod', 'scenario.yaml');
    const manifest = parse(await readFile(manifestPath, 'utf8')) as { objectives: Record<string, unknown>[] };
    Object.assign(manifest.objectives.find((objective) => objective.id === 'compromised-user')!, { firstSolveBonus: 25, timeBonus: { points: 10, withinMinutes: 5 } });
    await writeFile(manifestPath, stringify(manifest));

    const clock = new ManualClock();
    const { ana, cy } = await startPlay(clock, dir);
    const first = await ok(submit(cy, 'dev-deploy'));
    expect(first.pointsAwarded).toBe(135);
    expect(first.message).toContain('first-solve bonus 25');

    clock.advance(6 * 60_000);
    const second = await ok(submit(ana, 'dev-deploy'));
    expect(second.pointsAwarded).toBe(100);
  });
});

describe('facilitator scoring', () => {
  it('pushes an adjustment to everyone', async () => {
    const { ana, cy, facilitator, summary } = await startPlay();
    const blue = summary.teams.find((team) => team.name === 'Blue')!;
    const invite = await ok(request<InviteResult>(facilitator, 'invite:create', { exerciseId: summary.id, role: 'observer', label: 'Screen' }));
    const observer = await server!.connect(invite.token);
    await ok(request<BoardState>(observer, 'board:get'));

    const pushes = [next<ScoreboardUpdate>(ana, 'score:updated'), next<ScoreboardUpdate>(cy, 'score:updated'), next<ScoreboardUpdate>(observer, 'score:updated')];
    const adjustment = await ok(request(facilitator, 'score:adjust', { exerciseId: summary.id, teamId: blue.id, points: 30, reason: 'Clear inject briefing' }));
    expect(adjustment).toMatchObject({ points: 30, reason: 'Clear inject briefing' });
    for (const update of await Promise.all(pushes)) expect(update.scoreboard.find((entry) => entry.teamName === 'Blue')!.score).toBe(30);
  });

  it('rejects an adjustment without reason', async () => {
    const { facilitator, summary } = await startPlay();
    const response = await request(facilitator, 'score:adjust', { exerciseId: summary.id, teamId: summary.teams[0]!.id, points: 5, reason: '  ' });
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.error.field).toBe('reason');
  });

  it('rejects an adjustment from a participant', async () => {
    const { ana, summary } = await startPlay();
    const response = await request(ana, 'score:adjust', { exerciseId: summary.id, teamId: summary.teams[0]!.id, points: 500, reason: 'self award' });
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.error.code).toBe('FORBIDDEN');
  });

  it('freezes the public scoreboard', async () => {
    const { ana, cy, facilitator, summary } = await startPlay();
    await ok(request(facilitator, 'exercise:watch', { exerciseId: summary.id }));
    await ok(request(facilitator, 'scoreboard:freeze', { exerciseId: summary.id, frozen: true }));

    const teamPush = next<ScoreboardUpdate>(cy, 'score:updated');
    const facilitatorPush = next<ScoreboardUpdate>(facilitator, 'score:updated');
    await ok(submit(ana, 'dev-deploy'));
    const [team, live] = await Promise.all([teamPush, facilitatorPush]);
    expect(team.frozen).toBe(true);
    expect(team.scoreboard.find((entry) => entry.teamName === 'Blue')!.score).toBe(0);
    expect(live.scoreboard.find((entry) => entry.teamName === 'Blue')!.score).toBe(100);
    expect(await scoreOf(ana, 'Blue')).toBe(0);

    await ok(request(facilitator, 'scoreboard:freeze', { exerciseId: summary.id, frozen: false }));
    expect(await scoreOf(ana, 'Blue')).toBe(100);
  });

  it('keeps a score series on the board', async () => {
    const clock = new ManualClock();
    const { ana, cy, facilitator, summary } = await startPlay(clock);
    clock.advance(1_000);
    await ok(submit(ana, 'dev-deploy'));
    clock.advance(1_000);
    await ok(submit(cy, 'wrong'));
    const invite = await ok(request<InviteResult>(facilitator, 'invite:create', { exerciseId: summary.id, role: 'observer', label: 'Screen' }));
    const observer = await server!.connect(invite.token);
    const board = await ok(request<BoardState>(observer, 'board:get'));
    const blue = summary.teams.find((team) => team.name === 'Blue')!;
    expect(board.scoreSeries).toHaveLength(2);
    expect(board.scoreSeries![0]!.scores[blue.id]).toBe(100);
  });
});
