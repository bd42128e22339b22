import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChecklistArrayName, TimelineArrayName, type ChecklistItem, type TimelineEntry } from '../../shared/collab.js';
import type { SubmissionResult } from '../../shared/model.js';
import type { AfterActionReport } from '../../server/report/after-action.js';
import type { ExerciseReport } from '../../server/report/exercise-report.js';
import { setUpExercise } from '../support/exercise-setup.js';
import { FacilitatorToken, ok, request, TestServer } from '../support/harness.js';

let server: TestServer | null = null;

afterEach(async () => {
  await server?.stop();
  server = null;
});

const FirstStep = '777b2d0a-37b8-4c80-9231-f898fef1731a';

function timelineEntry(refId: string, eventTime: string, note: string): Y.Map<string> {
  const fields: TimelineEntry = { id: `entry-${refId.slice(0, 8)}`, refId, refKind: 'cloudtrail', eventTime, actor: 'dev-deploy', action: 'GetCallerIdentity', sourceIp: '185.220.101.45', note, technique: 'T1078.004', author: 'Ana' };
  return new Y.Map(Object.entries(fields));
}

async function playedExercise() {
  server = await TestServer.start();
  const setup = await setUpExercise(server, { Blue: ['Ana'], Red: ['Cy'] }, { start: true });
  const ana = setup.players.get('Ana')!;
  const anaSocket = await server.connect(ana.playerToken);
  await ok(request<SubmissionResult>(anaSocket, 'objective:submit', { objectiveId: 'compromised-user', answer: 'dev-deploy' }));
  await ok(request(setup.facilitator, 'team:note', { exerciseId: setup.summary.id, teamId: ana.teamId, text: 'Briefed the CISO <b>well</b>' }));
  await ok(request(setup.facilitator, 'score:adjust', { exerciseId: setup.summary.id, teamId: ana.teamId, points: -5, reason: 'Shared a screenshot' }));

  const { doc } = await server.openTeamDoc(ana.playerToken, ana.teamId);
  const item: ChecklistItem = { id: 'item-1', action: 'Deactivate the key of dev-deploy', done: true, author: 'Ana' };
  doc.getArray<Y.Map<unknown>>(ChecklistArrayName).push([new Y.Map<unknown>(Object.entries(item))]);
  doc.getArray<Y.Map<string>>(TimelineArrayName).push([timelineEntry(FirstStep, '2026-05-08T01:52:07Z', 'stolen key'), timelineEntry('decoy-event', '2026-05-08T01:00:00Z', 'noise')]);
  return { ...setup, ana };
}

function get(path: string, token = FacilitatorToken): Promise<Response> {
  return fetch(`${server!.url}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
}

describe('after-action report route', () => {
  it('returns one team as JSON', async () => {
    const { summary, ana } = await playedExercise();
    // The timeline reaches the server asynchronously, so poll until both entries are in.
    let report: AfterActionReport | null = null;
    for (let attempt = 0; attempt < 50; attempt++) {
      const response = await get(`/exercises/${summary.id}/report?format=json&team=${ana.teamId}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(/attachment; filename=".*\.json"/);
      report = (await response.json()) as AfterActionReport;
      if (report.timeline.length === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(report!.team.name).toBe('Blue');
    expect(report!.chain).toHaveLength(7);
    expect(report!.chain[0]!.eventTime).not.toBe('');
    expect(report!.comparison.found.map((item) => item.step.eventId)).toEqual([FirstStep]);
    expect(report!.comparison.missed).toHaveLength(6);
    expect(report!.comparison.notInChain.map((entry) => entry.refId)).toEqual(['decoy-event']);
    expect(report!.score).toBe(95);
    expect(report!.objectives.find((objective) => objective.id === 'compromised-user')!.awarded).toBe(100);
    expect(report!.facilitatorNotes).toContain('Score adjustment -5 by Facilitator: Shared a screenshot');
    expect(report!.irReport.checklist).toEqual([{ action: 'Deactivate the key of dev-deploy', done: true, author: 'Ana' }]);
    expect(report!.irReport.sections.map((section) => section.title)).toContain('Root cause');
  });

  it('returns all teams as HTML', async () => {
    const { summary } = await playedExercise();
    const response = await get(`/exercises/${summary.id}/report?format=html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<h1>After-action report: Collaboration drill</h1>');
    expect(html).toContain('After-action report: Blue');
    expect(html).toContain('After-action report: Red');
    expect(html).toContain('Briefed the CISO &#60;b&#62;well&#60;/b&#62;');
  });

  it('returns all teams as Markdown', async () => {
    const { summary } = await playedExercise();
    const response = await get(`/exercises/${summary.id}/report?format=markdown`);
    const markdown = await response.text();
    expect(markdown).toMatch(/^# After-action report: Collaboration drill/);
    expect(markdown).toContain('## After-action report: Blue');
    expect(markdown).toContain('| 1 | Blue | 95 |');
  });

  it('returns all teams as JSON', async () => {
    const { summary } = await playedExercise();
    const report = (await (await get(`/exercises/${summary.id}/report`)).json()) as ExerciseReport;
    expect(report.teams.map((team) => team.team.name).sort()).toEqual(['Blue', 'Red']);
    expect(report.scoreboard[0]!.teamName).toBe('Blue');
  });

  it('returns all teams as a zip', async () => {
    const { summary } = await playedExercise();
    const response = await get(`/exercises/${summary.id}/report?format=zip`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="Collaboration-drill-all-teams.zip"');

    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(
      ['all-teams.html', 'all-teams.json', 'all-teams.md', 'teams/Blue.html', 'teams/Blue.json', 'teams/Blue.md', 'teams/Red.html', 'teams/Red.json', 'teams/Red.md'].sort(),
    );
    const blue = JSON.parse(strFromU8(files['teams/Blue.json']!)) as AfterActionReport;
    expect(blue.team.name).toBe('Blue');
    expect(blue.score).toBe(95);
    expect(strFromU8(files['teams/Red.md']!)).toMatch(/^# After-action report: Red/);
    expect(strFromU8(files['all-teams.html']!)).toContain('<h1>After-action report: Collaboration drill</h1>');
  });

  it('zips one team without the whole', async () => {
    const { summary, ana } = await playedExercise();
    const response = await get(`/exercises/${summary.id}/report?format=zip&team=${ana.teamId}`);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(['teams/Blue.html', 'teams/Blue.json', 'teams/Blue.md']);
  });

  it('lists queries run before a restart', async () => {
    const { summary, ana } = await playedExercise();
    const anaSocket = await server!.connect(ana.playerToken);
    await ok(request(anaSocket, 'query:run', { sql: "SELECT count(*) FROM cloudtrail_logs WHERE sourceipaddress = '185.220.101.45'" }));
    const dataDir = server!.dataDir;
    await server!.stop({ keepData: true });
    server = await TestServer.start(dataDir);

    const report = (await (await get(`/exercises/${summary.id}/report?format=json&team=${ana.teamId}`)).json()) as AfterActionReport;
    expect(report.queries).toHaveLength(1);
    expect(report.queries[0]).toMatchObject({ author: 'Ana', sql: expect.stringContaining('185.220.101.45'), rowCount: 1, error: null });
  });

  it('rejects a participant token', async () => {
    const { summary, ana } = await playedExercise();
    const response = await get(`/exercises/${summary.id}/report`, ana.playerToken);
    expect(response.status).toBe(403);
  });

  it('rejects an unknown format', async () => {
    const { summary } = await playedExercise();
    const response = await get(`/exercises/${summary.id}/report?format=pdf`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('format');
  });

  it('rejects an unknown team', async () => {
    const { summary } = await playedExercise();
    const response = await get(`/exercises/${summary.id}/report?team=nobody`);
    expect(response.status).toBe(404);
  });
});
