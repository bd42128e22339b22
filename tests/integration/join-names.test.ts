import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudTrailPage, ExerciseState, ExerciseSummary } from '../../shared/model.js';
import { FacilitatorToken, ok, request, TestServer, type ClientSocket } from '../support/harness.js';

/** Display names at join, the solver shown on a solved objective, and the suspicious-events filter. */
describe('join names', () => {
  let server: TestServer;
  let facilitator: ClientSocket;
  let summary: ExerciseSummary;
  let player: ClientSocket;

  beforeAll(async () => {
    server = await TestServer.start();
    facilitator = await server.connect(FacilitatorToken);
    summary = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Name drill', teams: ['Blue', 'Green'] }));
  });

  afterAll(async () => {
    await server?.stop();
  });

  async function postJoin(displayName: string, teamId: string) {
    const response = await fetch(`${server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: summary.joinCode, displayName, teamId }),
    });
    return (await response.json()) as { ok: boolean; error?: { code: string; message: string; field?: string } };
  }

  it('rejects a duplicate name in one team', async () => {
    expect((await postJoin('Carol', summary.teams[0]!.id)).ok).toBe(true);
    const second = await postJoin(' carol ', summary.teams[0]!.id);
    expect(second.ok).toBe(false);
    expect(second.error?.code).toBe('CONFLICT');
    expect(second.error?.message).toContain('Choose another display name');
  });

  it('allows the name in another team', async () => {
    expect((await postJoin('Carol', summary.teams[1]!.id)).ok).toBe(true);
  });

  it('serves no public URL by default', async () => {
    const response = await fetch(`${server.url}/api/public-url`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, data: { publicUrl: null } });
  });

  it('names the solver of an objective', async () => {
    const join = await server.join(summary.joinCode, 'Solver', summary.teams[0]!.id);
    player = await server.connect(join.playerToken);
    await ok(request(facilitator, 'exercise:start', { exerciseId: summary.id }));
    await ok(request(player, 'objective:submit', { objectiveId: 'compromised-user', answer: 'dev-deploy' }));

    const state = await ok(request<ExerciseState>(player, 'exercise:get'));
    const objective = state.objectives.find((candidate) => candidate.id === 'compromised-user');
    expect(objective?.solvedBy?.displayName).toBe('Solver');
    expect(objective?.solvedBy?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // The first phase's scenario clock starts at its horizon, 02:20 UTC, when the exercise starts.
    expect(objective?.solvedBy?.scenarioTime).toMatch(/^2026-05-08T02:2\d:\d{2}/);
    expect(objective?.solvedBy?.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(objective?.solvedBy?.elapsedMs).toBeLessThan(60_000);
    expect(state.brief.reference?.length).toBeGreaterThan(0);
  });

  it('filters suspicious CloudTrail events', async () => {
    const all = await ok(request<CloudTrailPage>(player, 'cloudtrail:list', { filter: 'all' }));
    const suspicious = await ok(request<CloudTrailPage>(player, 'cloudtrail:list', { filter: 'suspicious', limit: 200 }));
    expect(suspicious.total).toBeGreaterThan(0);
    expect(suspicious.total).toBeLessThan(all.total);
    const triageNames = new Set(['GetCallerIdentity', 'ConsoleLogin', 'RunInstances', 'PutBucketPolicy', 'PutBucketAcl', 'PutBucketPublicAccessBlock', 'DeleteBucketPublicAccessBlock']);
    const watchedSources = new Set(['iam.amazonaws.com', 'cloudtrail.amazonaws.com', 'guardduty.amazonaws.com', 'config.amazonaws.com', 'organizations.amazonaws.com']);
    for (const row of suspicious.rows) {
      expect(row.errorCode !== null || triageNames.has(row.eventName) || watchedSources.has(row.eventSource), `${row.eventSource} ${row.eventName}`).toBe(true);
    }
  });
});
