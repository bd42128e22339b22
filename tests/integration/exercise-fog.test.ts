import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudTrailPage, ExerciseState, ExerciseSummary, QueryResult } from '../../shared/model.js';
import { FacilitatorToken, ok, request, TestServer, type ClientSocket } from '../support/harness.js';

/** What a team can read moves with the released phases, and only with them. */
describe('fog of war', () => {
  let server: TestServer;
  let facilitator: ClientSocket;
  let summary: ExerciseSummary;
  let player: ClientSocket;

  beforeAll(async () => {
    server = await TestServer.start();
    facilitator = await server.connect(FacilitatorToken);
    summary = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Fog drill', teams: ['Blue'] }));
    const join = await server.join(summary.joinCode, 'Ana', summary.teams[0]!.id);
    player = await server.connect(join.playerToken);
    await ok(request(facilitator, 'exercise:start', { exerciseId: summary.id }));
  });

  afterAll(async () => {
    await server?.stop();
  });

  async function visible() {
    const latest = await ok(request<QueryResult>(player, 'query:run', { sql: 'SELECT max(eventtime) FROM cloudtrail_logs' }));
    const findings = await ok(request<QueryResult>(player, 'query:run', { sql: 'SELECT count(*) FROM guardduty_findings' }));
    const state = await ok(request<ExerciseState>(player, 'exercise:get'));
    const page = await ok(request<CloudTrailPage>(player, 'cloudtrail:list', { filter: 'all', limit: 1 }));
    return { latest: String(latest.rows[0]![0]), findings: Number(findings.rows[0]![0]), state, total: page.total };
  }

  it('widens the view with each phase and keeps it after the end', async () => {
    const first = await visible();
    expect(first.latest <= '2026-05-08T02:20:00Z').toBe(true);
    expect(first.findings).toBe(1);
    expect(first.state.findings).toHaveLength(1);
    expect(first.state.objectives.map((objective) => objective.id)).toEqual(['compromised-user']);

    await ok(request(facilitator, 'phase:advance', { exerciseId: summary.id, expectedPhaseIndex: 0 }));
    const second = await visible();
    expect(second.latest > '2026-05-08T02:20:00Z').toBe(true);
    expect(second.latest <= '2026-05-08T03:00:00Z').toBe(true);
    expect(second.findings).toBe(4);
    expect(second.state.findings).toHaveLength(4);
    expect(second.total).toBeGreaterThan(first.total);
    expect(second.state.objectives.map((objective) => objective.id)).toContain('s3-exfiltration');
    expect(second.state.objectives.map((objective) => objective.id)).not.toContain('unauthorized-ec2');

    await ok(request(facilitator, 'exercise:pause', { exerciseId: summary.id }));
    expect((await visible()).findings).toBe(4);

    await ok(request(facilitator, 'exercise:end', { exerciseId: summary.id }));
    const ended = await visible();
    expect(ended.findings).toBe(4);
    expect(ended.total).toBe(second.total);
  });
});
