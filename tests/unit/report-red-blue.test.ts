import { describe, expect, it } from 'vitest';
import { buildAfterActionReport, type AfterActionInput } from '../../server/report/after-action.js';
import { exerciseTimeAt } from '../../server/report/exercise-time.js';
import { renderHtml } from '../../server/report/html.js';
import { renderMarkdown } from '../../server/report/markdown.js';
import { gatherRedCellSummary, gatherTeamRedBlue } from '../../server/report/red-blue.js';
import { techniqueById } from '../../server/redcell/index.js';
import { emptyStoreData, type AuditRecord, type ContainmentRecord, type ExerciseRecord, type RedMoveRecord, type StoreData } from '../../server/store/records.js';

const Start = Date.parse('2026-12-01T09:00:00Z');
const Minute = 60_000;

const exercise: ExerciseRecord = {
  id: 'ex1',
  name: 'Drill',
  scenarioId: 'apexcorp-prod',
  joinCode: 'ABC123',
  createdAt: Start - Minute,
  status: 'ended',
  startedAt: Start,
  endedAt: Start + 60 * Minute,
  clockElapsedMs: 50 * Minute,
  runningSince: null,
  durationMs: 120 * Minute,
  teamSizeMax: null,
  phaseIndex: 0,
  phaseReleasedAtMs: [0],
};

function audit(action: string, at: number, elapsedMs: number): AuditRecord {
  return { id: `${action}-${at}`, exerciseId: 'ex1', at, elapsedMs, actor: { role: 'facilitator', id: null, name: null }, action, detail: {} };
}

/** Start at 09:00, pause 09:20 to 09:30, end at 10:00 after 50 minutes of exercise time. */
const clockAudit = [
  audit('exercise:start', Start, 0),
  audit('containment:run', Start + 5 * Minute, 5 * Minute),
  audit('exercise:pause', Start + 20 * Minute, 20 * Minute),
  audit('exercise:resume', Start + 30 * Minute, 20 * Minute),
  audit('exercise:end', Start + 60 * Minute, 50 * Minute),
];

function move(id: string, techniqueId: string, teamId: string | null, results: RedMoveRecord['results']): RedMoveRecord {
  return {
    id,
    exerciseId: 'ex1',
    techniqueId,
    params: { accessKey: 'AKIABZPUZDIKLNSTKRFZ' },
    teamId,
    status: 'applied',
    requestedAt: Start + 2 * Minute,
    requestedBy: 'Red cell',
    decidedBy: null,
    seq: 1,
    appliedAt: Start + 2 * Minute,
    appliedElapsedMs: 2 * Minute,
    phaseIndex: 0,
    scenarioTime: '2026-05-08T02:19:00.000Z',
    results,
  };
}

function result(teamId: string, fields: Partial<RedMoveRecord['results'][number]> = {}): RedMoveRecord['results'][number] {
  return {
    teamId,
    calls: [{ action: 'CreateUser', errorCode: null, eventId: `ev-${teamId}` }],
    findings: [{ id: `f-${teamId}`, type: 'Persistence:IAMUser/AnomalousBehavior', dueAt: '2026-05-08T02:25:00.000Z' }],
    detectedAt: null,
    containedAt: null,
    redPoints: 0,
    undetectedScored: false,
    ...fields,
  };
}

function command(teamId: string, text: string, fields: Partial<ContainmentRecord> = {}): ContainmentRecord {
  return {
    id: `c-${teamId}-${text.length}`,
    exerciseId: 'ex1',
    teamId,
    playerId: `p-${teamId}`,
    displayName: teamId === 'alpha' ? 'Ana' : 'Ben',
    command: text,
    call: { service: 'iam', action: 'UpdateAccessKey', params: {}, region: 'us-east-1' },
    seq: 2,
    at: Start + 35 * Minute,
    phaseIndex: 0,
    scenarioTime: '2026-05-08T02:40:00.000Z',
    ok: true,
    errorCode: null,
    output: '',
    eventId: null,
    points: 40,
    reason: 'Contained "Create backdoor user" (+40).',
    ...fields,
  };
}

function store(): StoreData {
  const data = emptyStoreData();
  data.exercises.push(exercise);
  data.teams.push({ id: 'alpha', exerciseId: 'ex1', name: 'Alpha' }, { id: 'bravo', exerciseId: 'ex1', name: 'Bravo' });
  data.audit.push(...clockAudit);
  data.redMoves.push(
    move('m1', 'create-backdoor-user', null, [
      result('alpha', { detectedAt: Start + 25 * Minute, containedAt: Start + 35 * Minute }),
      result('bravo', { redPoints: 20, undetectedScored: true }),
    ]),
    move('m2', 'whoami', 'bravo', [result('bravo', { calls: [{ action: 'GetCallerIdentity', errorCode: 'InvalidClientTokenId', eventId: 'ev-whoami' }], findings: [], redPoints: 20 })]),
    { ...move('m3', 'whoami', null, []), status: 'rejected', appliedAt: null, appliedElapsedMs: null, scenarioTime: null, seq: null },
  );
  data.containment.push(
    command('alpha', 'aws iam update-access-key --user-name svc-sync --access-key-id AKIAEXAMPLE --status Inactive'),
    command('alpha', 'aws iam list-users --query "Users[?UserName==`a|b`] | [0]" <script>', { ok: false, errorCode: 'ValidationError', points: 0, reason: null }),
    command('bravo', 'aws iam delete-user --user-name bravo-secret', { points: -25, reason: 'Broke the CI pipeline (-25).' }),
  );
  return data;
}

function input(data: StoreData, teamId: string): AfterActionInput {
  return {
    exerciseName: 'Drill',
    scenarioTitle: 'ApexCorp',
    team: { id: teamId, name: teamId === 'alpha' ? 'Alpha' : 'Bravo', members: [] },
    score: 0,
    rank: 1,
    teamCount: 2,
    chain: [],
    timeline: [],
    irReport: { sections: [], checklist: [] },
    objectives: [],
    queries: [],
    injectAnswers: [],
    facilitatorNotes: [],
    redBlue: gatherTeamRedBlue(data, exercise, teamId),
  };
}

describe('exerciseTimeAt', () => {
  it('adds running time since the start', () => {
    expect(exerciseTimeAt(clockAudit, 'ex1', Start + 12 * Minute)).toBe(12 * Minute);
  });

  it('stops during a pause', () => {
    expect(exerciseTimeAt(clockAudit, 'ex1', Start + 25 * Minute)).toBe(20 * Minute);
  });

  it('continues after a resume', () => {
    expect(exerciseTimeAt(clockAudit, 'ex1', Start + 35 * Minute)).toBe(25 * Minute);
  });

  it('holds after the end', () => {
    expect(exerciseTimeAt(clockAudit, 'ex1', Start + 90 * Minute)).toBe(50 * Minute);
  });

  it('is null before the start', () => {
    expect(exerciseTimeAt(clockAudit, 'ex1', Start - Minute)).toBeNull();
  });

  it('ignores other exercises', () => {
    expect(exerciseTimeAt(clockAudit, 'ex2', Start + 12 * Minute)).toBeNull();
  });
});

describe('gatherTeamRedBlue', () => {
  it('keeps moves that reached the team', () => {
    const data = store();
    expect(gatherTeamRedBlue(data, exercise, 'alpha').moves.map((outcome) => outcome.moveId)).toEqual(['m1']);
    expect(gatherTeamRedBlue(data, exercise, 'bravo').moves.map((outcome) => outcome.moveId)).toEqual(['m1', 'm2']);
  });

  it('reads only the team result', () => {
    const alpha = gatherTeamRedBlue(store(), exercise, 'alpha');
    expect(alpha.moves[0]!.calls.map((call) => call.eventId)).toEqual(['ev-alpha']);
    expect(alpha.moves[0]!.findings.map((finding) => finding.id)).toEqual(['f-alpha']);
    expect(alpha.moves[0]!.redPoints).toBe(0);
  });

  it('places detection in exercise time', () => {
    const outcome = gatherTeamRedBlue(store(), exercise, 'alpha').moves[0]!;
    expect(outcome.detected).toEqual({ at: '2026-12-01T09:25:00.000Z', elapsedMs: 20 * Minute });
    expect(outcome.contained).toEqual({ at: '2026-12-01T09:35:00.000Z', elapsedMs: 25 * Minute });
  });

  it('names the technique and ATT&CK id', () => {
    const outcome = gatherTeamRedBlue(store(), exercise, 'alpha').moves[0]!;
    expect(outcome.techniqueName).toBe(techniqueById('create-backdoor-user')!.name);
    expect(outcome.mitreId).toBe(techniqueById('create-backdoor-user')!.mitre.id);
  });

  it('keeps only the team commands', () => {
    const alpha = gatherTeamRedBlue(store(), exercise, 'alpha');
    expect(alpha.commands.map((entry) => entry.by)).toEqual(['Ana', 'Ana']);
    expect(JSON.stringify(alpha)).not.toContain('bravo-secret');
  });

  it('is inactive without red activity', () => {
    const data = emptyStoreData();
    data.exercises.push(exercise);
    expect(gatherTeamRedBlue(data, exercise, 'alpha')).toEqual({ active: false, moves: [], commands: [] });
  });
});

describe('gatherRedCellSummary', () => {
  it('sums points over every move', () => {
    const summary = gatherRedCellSummary(store(), exercise);
    expect(summary.points).toBe(40);
    expect(summary.moves.map((entry) => [entry.status, entry.targetTeam, entry.teamsReached, entry.teamsDetected, entry.teamsContained, entry.redPoints])).toEqual([
      ['applied', null, 2, 1, 1, 20],
      ['applied', 'Bravo', 1, 0, 0, 20],
      ['rejected', null, 0, 0, 0, 0],
    ]);
  });
});

describe('red against blue rendering', () => {
  it('shows detection and containment in Markdown', () => {
    const markdown = renderMarkdown(buildAfterActionReport(input(store(), 'alpha')));
    expect(markdown).toContain('1 red cell move reached this team: 1 detected, 1 contained.');
    expect(markdown).toContain('2026-12-01T09:25:00.000Z (exercise time 0:20:00)');
    expect(markdown).toContain('CreateUser: ok');
    expect(markdown).toContain('Persistence:IAMUser/AnomalousBehavior due 2026-05-08T02:25:00.000Z');
  });

  it('shows missing detection in Markdown', () => {
    const markdown = renderMarkdown(buildAfterActionReport(input(store(), 'bravo')));
    expect(markdown).toContain('| not detected | not contained | 20 |');
    expect(markdown).toContain('GetCallerIdentity: InvalidClientTokenId');
    expect(markdown).toContain('| -25 | Broke the CI pipeline (-25). |');
  });

  it('escapes a command in Markdown', () => {
    const markdown = renderMarkdown(buildAfterActionReport(input(store(), 'alpha')));
    expect(markdown).toContain('Users\\[?UserName==\\`a\\|b\\`\\] \\| \\[0\\]" \\<script\\>');
    expect(markdown).toContain('| error: ValidationError |');
    expect(markdown).not.toContain('<script>');
  });

  it('escapes a command in HTML', () => {
    const html = renderHtml(buildAfterActionReport(input(store(), 'alpha')));
    expect(html).toContain('&#60;script&#62;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<td>Ana</td>');
  });

  it('omits the sections without red activity', () => {
    const data = emptyStoreData();
    data.exercises.push(exercise);
    const markdown = renderMarkdown(buildAfterActionReport(input(data, 'alpha')));
    expect(markdown).not.toContain('Red cell moves');
    expect(markdown).not.toContain('Containment commands');
  });

  it('says when no move reached the team', () => {
    const data = store();
    data.redMoves = data.redMoves.filter((entry) => entry.id === 'm2');
    const markdown = renderMarkdown(buildAfterActionReport(input(data, 'alpha')));
    expect(markdown).toContain('No red cell move reached this team.');
    expect(markdown).not.toContain('GetCallerIdentity');
  });
});
