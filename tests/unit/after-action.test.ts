import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../shared/collab.js';
import { buildAfterActionReport, compareTimeline, formatDuration, type AfterActionInput, type ChainStep } from '../../server/report/after-action.js';
import { renderHtml } from '../../server/report/html.js';
import { escapeMarkdown, renderMarkdown } from '../../server/report/markdown.js';

const chain: ChainStep[] = [
  { eventId: 'e1', eventTime: '2026-05-08T01:52:07Z', label: 'First call with the stolen key', technique: 'T1078.004' },
  { eventId: 'e2', eventTime: '2026-05-08T02:03:18Z', label: 'AdministratorAccess attached', technique: 'T1098' },
  { eventId: 'e3', eventTime: '2026-05-08T02:05:02Z', label: 'Backdoor access key created', technique: 'T1098.001' },
];

function entry(id: string, refId: string, eventTime: string, note = ''): TimelineEntry {
  return { id, refId, refKind: 'cloudtrail', eventTime, actor: 'dev-deploy', action: 'Call', sourceIp: '185.220.101.45', note, technique: '', author: 'Ana' };
}

function input(timeline: TimelineEntry[]): AfterActionInput {
  return {
    exerciseName: 'Morning drill',
    scenarioTitle: 'ApexCorp',
    team: { id: 't1', name: 'Blue', members: ['Ana', 'Ben'] },
    score: 90,
    rank: 1,
    teamCount: 2,
    chain,
    timeline,
    irReport: {
      sections: [
        { title: 'Executive summary', text: 'Key of dev-deploy stolen.\n\nUsed from a <Tor> exit.' },
        { title: 'Impact', text: '' },
        { title: 'Containment', text: '- Deactivate key AKIAEXAMPLE1\n- Delete user backdoor' },
      ],
      checklist: [{ action: 'Deactivate the stolen key', done: true, author: 'Ben' }],
    },
    objectives: [
      { id: 'compromised-user', title: 'Identify the compromised IAM user', points: 100, awarded: 90, wrongAttempts: 1, hintsUsed: 0, releasedAtMs: 0, solvedAtMs: 125_000 },
      { id: 'backdoor', title: 'Detect the backdoor key', points: 100, awarded: 0, wrongAttempts: 0, hintsUsed: 1, releasedAtMs: 600_000, solvedAtMs: null },
    ],
    queries: [{ atMs: 61_000, author: 'Ana', sql: "SELECT * FROM cloudtrail_logs WHERE eventname = 'CreateAccessKey'", rowCount: 3, error: null }],
    injectAnswers: [],
    facilitatorNotes: [],
  };
}

describe('compareTimeline', () => {
  it('sorts steps into found and missed', () => {
    const result = compareTimeline(chain, [entry('a', 'e1', chain[0]!.eventTime), entry('b', 'e3', chain[2]!.eventTime)]);
    expect(result.found.map((item) => item.step.eventId)).toEqual(['e1', 'e3']);
    expect(result.missed.map((step) => step.eventId)).toEqual(['e2']);
    expect(result.notInChain).toEqual([]);
    expect(result.inOrder).toBe(true);
  });

  it('lists entries outside the chain', () => {
    const decoy = entry('d', 'decoy-key-rotation', '2026-05-07T10:00:00Z');
    const result = compareTimeline(chain, [decoy, entry('a', 'e1', chain[0]!.eventTime)]);
    expect(result.notInChain).toEqual([decoy]);
  });

  it('notices steps out of order', () => {
    const result = compareTimeline(chain, [entry('b', 'e2', chain[1]!.eventTime), entry('a', 'e1', chain[0]!.eventTime)]);
    expect(result.inOrder).toBe(false);
  });

  it('counts a step referenced twice once', () => {
    const result = compareTimeline(chain, [entry('a', 'e1', chain[0]!.eventTime), entry('a2', 'e1', chain[0]!.eventTime)]);
    expect(result.found).toHaveLength(1);
  });
});

describe('after-action report', () => {
  it('measures release to solve per objective', () => {
    const report = buildAfterActionReport(input([]));
    expect(report.timeToSolveMs).toEqual({ 'compromised-user': 125_000, backdoor: null });
    expect(formatDuration(125_000)).toBe('0:02:05');
  });

  it('renders Markdown with the comparison', () => {
    const markdown = renderMarkdown(buildAfterActionReport(input([entry('a', 'e1', chain[0]!.eventTime)])));
    expect(markdown).toContain('# After-action report: Blue');
    expect(markdown).toContain('Found 1 of 3 key events.');
    expect(markdown).toContain('| 0:02:05 |');
    expect(markdown).toContain('| not solved |');
  });

  it('renders the team report in Markdown', () => {
    const markdown = renderMarkdown(buildAfterActionReport(input([])));
    expect(markdown).toContain('### Executive summary\n\nKey of dev-deploy stolen.\n\nUsed from a \\<Tor\\> exit.');
    expect(markdown).toContain('### Containment\n\n- Deactivate key AKIAEXAMPLE1  \n- Delete user backdoor');
    expect(markdown).not.toContain('### Impact');
    expect(markdown).toContain('- [x] Deactivate the stolen key (Ben)');
  });

  it('renders the team report in HTML', () => {
    const html = renderHtml(buildAfterActionReport(input([])));
    expect(html).toContain('<h3>Executive summary</h3>\n<p>Key of dev-deploy stolen.</p>\n<p>Used from a &#60;Tor&#62; exit.</p>');
    expect(html).toContain('<p>- Deactivate key AKIAEXAMPLE1<br>- Delete user backdoor</p>');
    expect(html).toContain('☑ Deactivate the stolen key');
  });

  it('says when the team wrote no report', () => {
    const empty = { ...input([]), irReport: { sections: [{ title: 'Impact', text: ' ' }], checklist: [] } };
    expect(renderMarkdown(buildAfterActionReport(empty))).toContain('The team wrote no report.');
  });

  it('escapes participant text in Markdown', () => {
    expect(escapeMarkdown('[click](javascript:alert(1))\n# title')).toBe('\\[click\\](javascript:alert(1)) # title');
    expect(escapeMarkdown('# heading')).toBe('\\# heading');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('a | b <img> *bold* `code`')).toBe('a \\| b \\<img\\> \\*bold\\* \\`code\\`');
    expect(escapeMarkdown('2026-05-08T01:52:07Z dev-deploy')).toBe('2026-05-08T01:52:07Z dev-deploy');
  });

  it('escapes participant text in HTML', () => {
    const hostile = entry('x', 'other', '2026-05-08T03:00:00Z', '<img src=x onerror=alert(1)>');
    const html = renderHtml(buildAfterActionReport(input([hostile])));
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html.startsWith('<!doctype html>')).toBe(true);
  });
});
