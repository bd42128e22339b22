import { formatDuration, type AfterActionReport } from './after-action.js';
import { escapeHtml, table } from './html-text.js';
import { redBlueHtml } from './red-blue-html.js';

export { escapeHtml } from './html-text.js';

const Style = `
body { font: 14px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #111; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
code { font-family: ui-monospace, monospace; white-space: pre-wrap; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } section + section { break-before: page; } }
`;

/**
 * Render the after-action report of one team as a standalone, printable HTML page. All text that
 * participants wrote is escaped, so a timeline note cannot inject markup into the facilitator's
 * browser.
 */
export function renderHtml(report: AfterActionReport): string {
  return htmlPage(`After-action report: ${report.team.name}`, renderHtmlSection(report));
}

function irReportHtml(report: AfterActionReport): string[] {
  const written = report.irReport.sections.filter((section) => section.text.trim() !== '');
  const parts =
    written.length === 0
      ? ['<p>The team wrote no report.</p>']
      : written.flatMap((section) => [
          `<h3>${escapeHtml(section.title)}</h3>`,
          ...section.text.split(/\n{2,}/).map((paragraph) => `<p>${paragraph.split('\n').map(escapeHtml).join('<br>')}</p>`),
        ]);
  if (report.irReport.checklist.length > 0) {
    const items = report.irReport.checklist.map((item) => `<li>${item.done ? '☑' : '☐'} ${escapeHtml(item.action)} <span class="muted">(${escapeHtml(item.author)})</span></li>`);
    parts.push('<h3>Containment checklist</h3>', `<ul>${items.join('')}</ul>`);
  }
  return parts;
}

/** Render one team's report as HTML elements without the page around them, for combined pages. */
export function renderHtmlSection(report: AfterActionReport): string {
  const { comparison } = report;
  const parts: string[] = [
    `<h1>After-action report: ${escapeHtml(report.team.name)}</h1>`,
    `<p>Exercise <strong>${escapeHtml(report.exerciseName)}</strong>, scenario ${escapeHtml(report.scenarioTitle)}. Team members: ${escapeHtml(report.team.members.join(', ') || 'none')}.</p>`,
    `<p>Final score <strong>${report.score}</strong>, rank ${report.rank} of ${report.teamCount}.</p>`,
    '<h2>Attack chain and the team timeline</h2>',
    `<p>Found ${comparison.found.length} of ${report.chain.length} key events${comparison.found.length > 1 ? (comparison.inOrder ? ', in the right order' : ', but not in the right order') : ''}.</p>`,
    table(
      ['Event time (UTC)', 'Step', 'ATT&CK', 'On the timeline'],
      report.chain.map((step) => [step.eventTime, step.label, step.technique, comparison.missed.includes(step) ? 'missed' : 'found']),
    ),
  ];
  if (comparison.notInChain.length > 0) {
    parts.push(
      '<h3>Timeline entries outside the attack chain</h3>',
      table(['Event time (UTC)', 'Action', 'Actor', 'Note'], comparison.notInChain.map((entry) => [entry.eventTime, entry.action, entry.actor, entry.note])),
    );
  }
  parts.push("<h2>The team's IR report</h2>", ...irReportHtml(report));
  parts.push(
    '<h2>Objectives</h2>',
    table(
      ['Objective', 'Points', 'Awarded', 'Wrong answers', 'Hints', 'Release to solve'],
      report.objectives.map((objective) => {
        const time = report.timeToSolveMs[objective.id];
        return [objective.title, String(objective.points), String(objective.awarded), String(objective.wrongAttempts), String(objective.hintsUsed), time === null || time === undefined ? 'not solved' : formatDuration(time)];
      }),
    ),
    '<h2>Queries run</h2>',
    report.queries.length === 0
      ? '<p>No queries.</p>'
      : table(
          ['Exercise time', 'By', 'Rows', 'SQL'],
          report.queries.map((query) => [formatDuration(query.atMs), query.author, query.error ? `error: ${query.error}` : String(query.rowCount ?? ''), query.sql]),
        ),
  );
  parts.push(...redBlueHtml(report.redBlue));
  if (report.injectAnswers.length > 0) {
    parts.push('<h2>Inject answers</h2>', table(['Question', 'Answer', 'Points'], report.injectAnswers.map((item) => [item.question, item.answer, String(item.points)])));
  }
  if (report.facilitatorNotes.length > 0) {
    parts.push('<h2>Facilitator notes</h2>', `<ul>${report.facilitatorNotes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>`);
  }
  return parts.join('\n');
}

/** Wrap rendered sections in a standalone, printable page; `title` is escaped here. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${Style}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
