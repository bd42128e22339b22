import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { IamGraph } from '../../shared/iam-graph.js';
import type { ExerciseSummary, InviteResult } from '../../shared/index.js';
import { copyApexcorp } from '../support/scenario-copy.js';
import { FacilitatorToken, ok, request, TestServer, type ClientSocket } from '../support/harness.js';

/** The attacker's AttachUserPolicy of AdministratorAccess, at 02:03 UTC, and the backdoor user's key. */
const EscalationEventId = 'a6459e80-7620-431b-a0b0-09baea03b128';
const BackdoorKey = 'AKIABZPUZDIKB7K2HUIV';

/** Copy the pack and end its first phase at 02:00, before the escalation, so the second phase releases it. */
async function packWithEarlyTriage(dir: string): Promise<string> {
  await copyApexcorp(dir, {});
  const manifestPath = path.join(dir, 'apexcorp-prod', 'scenario.yaml');
  const manifest = parse(await readFile(manifestPath, 'utf8')) as { phases: { id: string; horizon: string }[] };
  manifest.phases.find((phase) => phase.id === 'triage')!.horizon = '2026-05-08T02:00:00Z';
  await writeFile(manifestPath, stringify(manifest));
  return dir;
}

function flagsOf(graph: IamGraph, id: string): string[] | undefined {
  return graph.current.nodes.find((node) => node.id === id)?.flags;
}

describe('iam:graph', () => {
  let scenariosDir: string;
  let server: TestServer;
  let facilitator: ClientSocket;
  let exercise: ExerciseSummary;
  let player: ClientSocket;
  let otherPlayer: ClientSocket;
  let observer: ClientSocket;

  beforeAll(async () => {
    scenariosDir = await packWithEarlyTriage(await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-iam-')));
    server = await TestServer.start(undefined, { scenariosDir });
    facilitator = await server.connect(FacilitatorToken);
    exercise = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'IAM drill', teams: ['Blue'] }));
    player = await server.connect((await server.join(exercise.joinCode, 'Ana', exercise.teams[0]!.id)).playerToken);

    const other = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Other drill', teams: ['Red'] }));
    otherPlayer = await server.connect((await server.join(other.joinCode, 'Ben', other.teams[0]!.id)).playerToken);
    const invite = await ok(request<InviteResult>(facilitator, 'invite:create', { exerciseId: exercise.id, role: 'observer', label: 'Big screen' }));
    observer = await server.connect(invite.token);
  });

  afterAll(async () => {
    await server?.stop();
    if (scenariosDir) await rm(scenariosDir, { recursive: true, force: true });
  });

  it('rejects a request before the start', async () => {
    const response = await request<IamGraph>(player, 'iam:graph');
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.error.code).toBe('INVALID_STATE');
  });

  it('hides the escalation until its phase', async () => {
    await ok(request(facilitator, 'exercise:start', { exerciseId: exercise.id }));
    const before = await ok(request<IamGraph>(player, 'iam:graph'));
    expect(before.horizon).toBe('2026-05-08T02:00:00Z');
    expect(flagsOf(before, 'user:dev-deploy')).toEqual([]);
    expect(flagsOf(before, 'user:svc-backup')).toBeUndefined();
    expect(JSON.stringify(before)).not.toContain(EscalationEventId);
    expect(JSON.stringify(before)).not.toContain(BackdoorKey);
    expect(before.changes.every((change) => change.eventTime <= '2026-05-08T02:00:00Z')).toBe(true);
    // The administrator's own changes on 7 May are visible from the start.
    expect(before.changes.map((change) => change.eventName)).toEqual(['CreateAccessKey', 'UpdateAccessKey', 'DeleteAccessKey', 'AttachUserPolicy']);

    await ok(request(facilitator, 'phase:advance', { exerciseId: exercise.id, expectedPhaseIndex: 0 }));
    const after = await ok(request<IamGraph>(player, 'iam:graph'));
    expect(after.horizon).toBe('2026-05-08T03:00:00Z');
    expect(flagsOf(after, 'user:dev-deploy')).toEqual(['escalated']);
    expect(flagsOf(after, 'user:svc-backup')).toEqual(['escalated', 'new']);
    expect(flagsOf(after, `key:${BackdoorKey}`)).toEqual(['new']);
    const escalation = after.changes.find((change) => change.eventId === EscalationEventId);
    expect(escalation?.summary).toBe('dev-deploy attached AdministratorAccess to user dev-deploy');
    expect(after.truncated).toBe(false);
  });

  it('serves a facilitator who names the exercise', async () => {
    const seen = await ok(request<IamGraph>(facilitator, 'iam:graph', { exerciseId: exercise.id }));
    expect(flagsOf(seen, 'user:dev-deploy')).toEqual(['escalated']);

    const unnamed = await request<IamGraph>(facilitator, 'iam:graph');
    expect(unnamed.ok).toBe(false);
    if (!unnamed.ok) expect(unnamed.error).toMatchObject({ code: 'INVALID_PAYLOAD', field: 'exerciseId' });
  });

  it('keeps other exercises and observers out', async () => {
    const foreign = await request<IamGraph>(otherPlayer, 'iam:graph', { exerciseId: exercise.id });
    expect(foreign.ok).toBe(false);
    if (!foreign.ok) expect(foreign.error.code).toBe('FORBIDDEN');

    // The other exercise has not started, so its own graph is not available yet either.
    const own = await request<IamGraph>(otherPlayer, 'iam:graph');
    expect(own.ok).toBe(false);
    if (!own.ok) expect(own.error.code).toBe('INVALID_STATE');

    const watched = await request<IamGraph>(observer, 'iam:graph');
    expect(watched.ok).toBe(false);
    if (!watched.ok) expect(watched.error.code).toBe('FORBIDDEN');
  });

  it('rejects an invalid payload', async () => {
    const wrongType = await request<IamGraph>(player, 'iam:graph', { exerciseId: 5 });
    expect(wrongType.ok).toBe(false);
    if (!wrongType.ok) expect(wrongType.error).toMatchObject({ code: 'INVALID_PAYLOAD', field: 'exerciseId' });

    const extra = await request<IamGraph>(player, 'iam:graph', { exerciseId: exercise.id, step: 3 });
    expect(extra.ok).toBe(false);
    if (!extra.ok) expect(extra.error.code).toBe('INVALID_PAYLOAD');

    const list = await request<IamGraph>(player, 'iam:graph', ['x']);
    expect(list.ok).toBe(false);
  });
});
