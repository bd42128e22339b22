import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ExerciseState, ExerciseSummary } from '../../shared/model.js';
import { FacilitatorToken, ok, request, ScenariosDir, TestServer, type ClientSocket } from '../support/harness.js';

interface PackFinding {
  Id: string;
  Type: string;
}

/** Finding types by the index of the phase that releases them, read from the shipped pack. */
async function typesByPhase(): Promise<string[][]> {
  const dir = path.join(ScenariosDir, 'apexcorp-prod');
  const manifest = parse(await readFile(path.join(dir, 'scenario.yaml'), 'utf8')) as { phases: { findings: string[] }[] };
  const findings = JSON.parse(await readFile(path.join(dir, 'guardduty', 'findings.json'), 'utf8')) as PackFinding[];
  const typeOf = new Map(findings.map((finding) => [finding.Id, finding.Type]));
  return manifest.phases.map((phase) => phase.findings.map((id) => typeOf.get(id)!));
}

/** The Reference tab moves with the released phases: no finding type or hint from a later one. */
describe('reference fog', () => {
  let server: TestServer;
  let facilitator: ClientSocket;
  let summary: ExerciseSummary;
  let player: ClientSocket;
  let phases: string[][];
  const pushed: unknown[] = [];

  beforeAll(async () => {
    phases = await typesByPhase();
    server = await TestServer.start();
    facilitator = await server.connect(FacilitatorToken);
    summary = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Reference drill', teams: ['Blue'] }));
    const join = await server.join(summary.joinCode, 'Ana', summary.teams[0]!.id);
    player = await server.connect(join.playerToken);
    player.onAny((event: string, ...args: unknown[]) => pushed.push({ event, args }));
    await ok(request(facilitator, 'exercise:start', { exerciseId: summary.id }));
  });

  afterAll(async () => {
    await server?.stop();
  });

  /** Everything the player has received so far, the latest exercise state included, as one text. */
  async function received(): Promise<{ text: string; titles: string[] }> {
    const state = await ok(request<ExerciseState>(player, 'exercise:get'));
    return { text: JSON.stringify([pushed, state]), titles: (state.brief.reference ?? []).map((note) => note.title) };
  }

  it('pack releases types over several phases', () => {
    expect(phases[0]).toHaveLength(1);
    expect(phases.slice(1).flat().length).toBeGreaterThan(2);
  });

  it('names only released finding types', async () => {
    const first = await received();
    expect(first.titles).toContain('GuardDuty finding types released so far');
    expect(first.text).toContain(phases[0]![0]);
    for (const type of phases.slice(1).flat()) expect(first.text, type).not.toContain(type);
    expect(first.text).not.toContain('start-logging');
    expect(first.titles).not.toContain('Removing IAM footholds');

    await ok(request(facilitator, 'phase:advance', { exerciseId: summary.id, expectedPhaseIndex: 0 }));
    const second = await received();
    for (const type of phases[1]!) expect(second.text, type).toContain(type);
    for (const type of phases.slice(2).flat()) expect(second.text, type).not.toContain(type);
    expect(second.titles).toContain('Removing IAM footholds');
    expect(second.text).not.toContain('start-logging');

    await ok(request(facilitator, 'phase:advance', { exerciseId: summary.id, expectedPhaseIndex: 1 }));
    const third = await received();
    for (const type of phases[2]!) expect(third.text, type).toContain(type);
    expect(third.text).toContain('start-logging');
  });
});
