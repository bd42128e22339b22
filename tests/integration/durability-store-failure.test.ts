import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExerciseState, ExerciseSummary, PhaseReleased } from '../../shared/model.js';
import type { StoreFailure } from '../../shared/orchestration.js';
import { partitionPath } from '../../server/store/store-files.js';
import { FacilitatorToken, next, ok, request, TestServer, type ClientSocket } from '../support/harness.js';

/** A store write that fails is rolled back, answered with an error and reported to the facilitators. */
describe('store failure', () => {
  let server: TestServer;
  let facilitator: ClientSocket;
  let summary: ExerciseSummary;

  beforeAll(async () => {
    server = await TestServer.start();
    facilitator = await server.connect(FacilitatorToken);
    summary = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Disk drill', teams: ['Blue'] }));
  });

  afterAll(async () => {
    await rm(partitionPath(server.dataDir, summary.id), { recursive: true, force: true });
    await server?.stop();
  });

  it('reports a failed write and keeps the old state', async () => {
    // A directory in place of the exercise's store file makes the rename of the written temporary file fail.
    const file = partitionPath(server.dataDir, summary.id);
    await rm(file, { force: true });
    await mkdir(path.join(file, 'blocker'), { recursive: true });

    const failure = next<StoreFailure>(facilitator, 'store:failed');
    const response = await request(facilitator, 'team:create', { exerciseId: summary.id, name: 'Green' });
    expect(response).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect((await failure).message).toMatch(/not applied/);
    expect(server.app.store.read().teams.map((team) => team.name)).toEqual(['Blue']);

    await rm(file, { recursive: true, force: true });
    const retried = await ok(request<ExerciseSummary>(facilitator, 'team:create', { exerciseId: summary.id, name: 'Green' }));
    expect(retried.teams.map((team) => team.name)).toEqual(['Blue', 'Green']);
  });

  it('takes back a release that failed to save', async () => {
    const join = await server.join(summary.joinCode, 'Ana', summary.teams[0]!.id);
    const player = await server.connect(join.playerToken);

    const file = partitionPath(server.dataDir, summary.id);
    await rm(file, { force: true });
    await mkdir(path.join(file, 'blocker'), { recursive: true });
    const released = next<PhaseReleased>(player, 'phase:released');
    const response = await request(facilitator, 'exercise:start', { exerciseId: summary.id });
    expect(response).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });

    // The release went out while its write ran. Once the write failed, the stored state came back.
    expect((await released).phase.index).toBe(0);
    const restored = await next<ExerciseState>(player, 'exercise:updated');
    expect(restored.clock.status).toBe('ready');
    expect(server.app.store.read().exercises[0]!.phaseIndex).toBe(-1);

    await rm(file, { recursive: true, force: true });
    const started = await ok(request<ExerciseState>(facilitator, 'exercise:start', { exerciseId: summary.id }));
    expect(started.clock.status).toBe('running');
  });
});
