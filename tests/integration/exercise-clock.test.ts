import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/ack.js';
import type { ExerciseState, ExerciseSummary, JoinResult, PhaseReleased } from '../../shared/model.js';
import type { ClockChanged, InjectView } from '../../shared/orchestration.js';
import { eventually, FacilitatorToken, ManualClock, ok, request, TestServer, type ClientSocket } from '../support/harness.js';
import { copyApexcorp } from '../support/scenario-copy.js';

const minute = 60_000;

/**
 * The exercise clock through real clients, on a manual wall clock: the scoping phase is planned
 * at minute 10 and the escalation phase at minute 30; the exercise lasts 60 minutes.
 */
describe('exercise clock', () => {
  let scenariosDir: string;
  let server: TestServer;
  let clock: ManualClock;
  let facilitator: ClientSocket;
  let summary: ExerciseSummary;
  let players: { join: JoinResult; socket: ClientSocket }[];

  beforeAll(async () => {
    scenariosDir = await copyApexcorp(await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-packs-')), { scoping: 10, escalation: 30 }, {
      durationMinutes: 60,
      injects: { triage: [], scoping: [{ id: 'press-call', message: 'A journalist is asking about leaked files.', question: 'What do you tell them?', maxPoints: 20 }] },
    });
  });

  afterAll(async () => {
    await rm(scenariosDir, { recursive: true, force: true });
  });

  async function open(dataDir?: string): Promise<void> {
    server = await TestServer.start(dataDir, { now: clock.now, scenariosDir });
    facilitator = await server.connect(FacilitatorToken);
  }

  async function setUp(): Promise<void> {
    clock = new ManualClock();
    await open();
    summary = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Clock drill', teams: ['Blue', 'Green'] }));
    players = [];
    for (const [name, team] of [['Ana', 0], ['Chloe', 1]] as const) {
      const join = await server.join(summary.joinCode, name, summary.teams[team]!.id);
      players.push({ join, socket: await server.connect(join.playerToken) });
    }
    await ok(request(facilitator, 'exercise:watch', { exerciseId: summary.id }));
  }

  afterEach(async () => {
    await server?.stop();
  });

  const state = (socket: ClientSocket = players[0]!.socket) => ok(request<ExerciseState>(socket, 'exercise:get'));
  const act = (event: string, extra: Record<string, unknown> = {}) => request<ExerciseState>(facilitator, event, { exerciseId: summary.id, ...extra });

  function record<T>(socket: ClientSocket, event: string): T[] {
    const received: T[] = [];
    (socket as unknown as { on(event: string, listener: (value: T) => void): void }).on(event, (value) => received.push(value));
    return received;
  }

  it('pauses and resumes without counting the pause', async () => {
    await setUp();
    const updates = record<ClockChanged>(players[1]!.socket, 'clock:updated');
    await ok(act('exercise:start'));
    clock.advance(4 * minute);
    const paused = await ok(act('exercise:pause'));
    expect(paused.clock).toMatchObject({ status: 'paused', elapsedMs: 4 * minute, remainingMs: 56 * minute });

    clock.advance(45 * minute);
    const during = await state();
    expect(during.clock.elapsedMs).toBe(4 * minute);
    expect(during.clock.scenarioTime).toBe('2026-05-08T02:24:00.000Z');

    const resumed = await ok(act('exercise:resume'));
    expect(resumed.clock.status).toBe('running');
    clock.advance(2 * minute);
    expect((await state()).clock).toMatchObject({ elapsedMs: 6 * minute, remainingMs: 54 * minute, scenarioTime: '2026-05-08T02:26:00.000Z' });

    await eventually(() => updates.length === 3);
    expect(updates.map((update) => update.clock.status)).toEqual(['running', 'paused', 'running']);
  });

  it('rejects clock actions in the wrong state', async () => {
    await setUp();
    expect(await act('exercise:pause')).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    await ok(act('exercise:start'));
    expect(await act('exercise:resume')).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(await act('exercise:start')).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect((await state()).clock.status).toBe('running');
  });

  it('replays a pause sent twice with one key', async () => {
    await setUp();
    await ok(act('exercise:start'));
    await ok(act('exercise:pause', { idempotencyKey: 'pause-key-1' }));
    const again = await act('exercise:pause', { idempotencyKey: 'pause-key-1' });
    expect(again.ok).toBe(true);
    const audit = await ok(request<{ entries: { action: string }[] }>(facilitator, 'audit:list', { exerciseId: summary.id }));
    expect(audit.entries.filter((entry) => entry.action === 'exercise:pause')).toHaveLength(1);
  });

  it('releases a planned phase once across a pause', async () => {
    await setUp();
    const releases = players.map((player) => record<PhaseReleased>(player.socket, 'phase:released'));
    const injects = players.map((player) => record<InjectView>(player.socket, 'inject:sent'));
    await ok(act('exercise:start'));
    await eventually(() => releases.every((list) => list.length === 1));

    clock.advance(6 * minute);
    await ok(act('exercise:pause'));
    clock.advance(30 * minute);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await state()).phases).toHaveLength(1);

    await ok(act('exercise:resume'));
    clock.advance(4 * minute - 1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await state()).phases).toHaveLength(1);

    clock.advance(1);
    await eventually(() => releases.every((list) => list.length === 2));
    await new Promise((resolve) => setTimeout(resolve, 600));
    for (const list of releases) {
      expect(list.map((release) => release.phase.id)).toEqual(['triage', 'scoping']);
    }
    for (const list of injects) {
      expect(list).toHaveLength(1);
      expect(list[0]!.question).toBe('What do you tell them?');
    }
    const after = await state();
    expect(after.phases.map((phase) => phase.id)).toEqual(['triage', 'scoping']);
    expect(after.clock.scenarioTime).toBe('2026-05-08T03:00:00.000Z');
    expect(after.clock.nextReleaseAtMs).toBe(30 * minute);
  });

  it('catches up a release that fell due during a restart', async () => {
    await setUp();
    await ok(act('exercise:start'));
    clock.advance(8 * minute);
    const dataDir = server.dataDir;
    await server.stop({ keepData: true });

    clock.advance(4 * minute);
    await open(dataDir);
    const ana = await server.connect(players[0]!.join.playerToken);
    await eventually(() => server.app.store.read().exercises[0]!.phaseIndex === 1);
    const resumed = await ok(request<ExerciseState>(ana, 'exercise:get'));
    expect(resumed.phases.map((phase) => phase.id)).toEqual(['triage', 'scoping']);
    expect(resumed.clock.elapsedMs).toBe(12 * minute);
    expect(resumed.injects).toHaveLength(1);

    // A second restart releases nothing more.
    await server.stop({ keepData: true });
    await open(dataDir);
    await server.app.scheduler.tick();
    const data = server.app.store.read();
    expect(data.exercises[0]!.phaseIndex).toBe(1);
    expect(data.exercises[0]!.phaseReleasedAtMs).toEqual([0, 10 * minute]);
    expect(data.injects).toHaveLength(1);
  });

  it('keeps a paused clock paused across a restart', async () => {
    await setUp();
    await ok(act('exercise:start'));
    clock.advance(7 * minute);
    await ok(act('exercise:pause'));
    const dataDir = server.dataDir;
    await server.stop({ keepData: true });
    clock.advance(60 * minute);
    await open(dataDir);
    const ana = await server.connect(players[0]!.join.playerToken);
    const resumed = await ok(request<ExerciseState>(ana, 'exercise:get'));
    expect(resumed.clock).toMatchObject({ status: 'paused', elapsedMs: 7 * minute, remainingMs: 53 * minute });
    expect(resumed.phases).toHaveLength(1);
  });

  it('extends, shortens and ends when time is up', async () => {
    await setUp();
    await ok(act('exercise:start'));
    clock.advance(20 * minute);
    expect((await ok(act('exercise:extend', { minutes: 15 }))).clock.remainingMs).toBe(55 * minute);
    expect((await ok(act('exercise:extend', { minutes: -50 }))).clock.remainingMs).toBe(5 * minute);
    const tooShort = await act('exercise:extend', { minutes: -5 });
    expect(tooShort).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', field: 'minutes' } });
    expect(await act('exercise:extend', { minutes: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', field: 'minutes' } });

    clock.advance(5 * minute);
    await eventually(() => server.app.store.read().exercises[0]!.status === 'ended');
    const ended = await state();
    expect(ended.clock).toMatchObject({ status: 'ended', elapsedMs: 25 * minute, remainingMs: 0 });
    const late = await request(players[0]!.socket, 'objective:submit', { objectiveId: 'compromised-user', answer: 'dev-deploy' });
    expect(late).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('ends by hand and freezes the clock', async () => {
    await setUp();
    await ok(act('exercise:start'));
    clock.advance(3 * minute);
    const ended = await ok(act('exercise:end'));
    expect(ended.clock).toMatchObject({ status: 'ended', elapsedMs: 3 * minute });
    clock.advance(10 * minute);
    expect((await state()).clock.elapsedMs).toBe(3 * minute);
    expect(await act('phase:advance')).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('lets two facilitators act at once without skipping a phase', async () => {
    await setUp();
    const invite = await ok(request<{ token: string }>(facilitator, 'invite:create', { exerciseId: summary.id, role: 'facilitator', label: 'Second facilitator' }));
    const second = await server.connect(invite.token);
    await ok(request(second, 'exercise:watch', { exerciseId: summary.id }));
    await ok(act('exercise:start'));

    const advances = await Promise.all([
      request<ExerciseState>(facilitator, 'phase:advance', { exerciseId: summary.id, expectedPhaseIndex: 0 }),
      request<ExerciseState>(second, 'phase:advance', { exerciseId: summary.id, expectedPhaseIndex: 0 }),
    ]);
    expect(advances.filter((response) => response.ok)).toHaveLength(1);
    expect(advances.find((response) => !response.ok)).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'expectedPhaseIndex' } });
    expect((await state()).phases).toHaveLength(2);

    const pauses: Ack<ExerciseState>[] = await Promise.all([
      request<ExerciseState>(facilitator, 'exercise:pause', { exerciseId: summary.id }),
      request<ExerciseState>(second, 'exercise:pause', { exerciseId: summary.id }),
    ]);
    expect(pauses.filter((response) => response.ok)).toHaveLength(1);
    expect(pauses.find((response) => !response.ok)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });

    const audit = await ok(request<{ entries: { action: string; actor: { name: string } }[] }>(second, 'audit:list', { exerciseId: summary.id }));
    expect(audit.entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['exercise:start', 'phase:advance', 'exercise:pause']));
    expect(audit.entries.filter((entry) => entry.action === 'phase:advance')).toHaveLength(1);
  });
});
