import { formatDuration, type AfterActionReport } from './after-action.js';
import { escapeMarkdown, table } from './markdown-text.js';
import { redBlueMarkdown } from './red-blue-markdown.js';

export { escapeMarkdown } from './markdown-text.js';

/** Escape each line of report text, keeping its paragraphs and line breaks. */
function multiline(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        // List items of the report editor stay Markdown list items.
        .map((line) => (line.startsWith('- ') ? `- ${escapeMarkdown(line.slice(2))}` : escapeMarkdown(line)))
        .join('  \n'),
    )
    .join('\n\n');
}

function irReportMarkdown(report: AfterActionReport): string[] {
  const written = report.irReport.sections.filter((section) => section.text.trim() !== '');
  const parts = written.length === 0 ? ['The team wrote no report.'] : written.flatMap((section) => [`### ${escapeMarkdown(section.title)}`, multiline(section.text)]);
  if (report.irReport.checklist.length > 0) {
    parts.push('### Containment checklist', report.irReport.checklist.map((item) => `- [${item.done ? 'x' : ' '}] ${escapeMarkdown(item.action)} (${escapeMarkdown(item.author)})`).join('\n'));
  }
  return parts;
}

/** Render the after-action report of one team as Markdown. */
export function renderMarkdown(report: AfterActionReport): string {
  const e = escapeMarkdown;
  const { comparison } = report;
  const sections: string[] = [
    `# After-action report: ${e(report.team.name)}`,
    `Exercise **${e(report.exerciseName)}**, scenario ${e(report.scenarioTitle)}. Team members: ${report.team.members.map(e).join(', ') || 'none'}.`,
    `Final score **${report.score}**, rank ${report.rank} of ${report.teamCount}.`,
    '## Attack chain and the team timeline',
    `Found ${comparison.found.length} of ${report.chain.length} key events${comparison.found.length > 1 ? (comparison.inOrder ? ', in the right order' : ', but not in the right order') : ''}.`,
    table(
      ['Event time (UTC)', 'Step', 'ATT&CK', 'On the timeline'],
      report.chain.map((step) => [e(step.eventTime), e(step.label), e(step.technique), comparison.missed.includes(step) ? 'missed' : 'found']),
    ),
  ];
  if (comparison.notInChain.length > 0) {
    sections.push(
      '### Timeline entries outside the attack chain',
      table(
        ['Event time (UTC)', 'Action', 'Actor', 'Note'],
        comparison.notInChain.map((entry) => [e(entry.eventTime), e(entry.action), e(entry.actor), e(entry.note)]),
      ),
    );
  }
  sections.push('## The team\'s IR report', ...irReportMarkdown(report));
  sections.push(
    '## Objectives',
    table(
      ['Objective', 'Points', 'Awarded', 'Wrong answers', 'Hints', 'Release to solve'],
      report.objectives.map((objective) => {
        const time = report.timeToSolveMs[objective.id];
        return [e(objective.title), String(objective.points), String(objective.awarded), String(objective.wrongAttempts), String(objective.hintsUsed), time === null || time === undefined ? 'not solved' : formatDuration(time)];
      }),
    ),
    '## Queries run',
    report.queries.length === 0
      ? 'No queries.'
      : table(
          ['Exercise time', 'By', 'Rows', 'SQL'],
          report.queries.map((query) => [formatDuration(query.atMs), e(query.author), query.error ? `error: ${e(query.error)}` : String(query.rowCount ?? ''), `\`${query.sql.replace(/`/g, "'").replace(/\r?\n/g, ' ')}\``]),
        ),
  );
  sections.push(...redBlueMarkdown(report.redBlue));
  if (report.injectAnswers.length > 0) {
    sections.push('## Inject answers', table(['Question', 'Answer', 'Points'], report.injectAnswers.map((item) => [e(item.question), e(item.answer), String(item.points)])));
  }
  if (report.facilitatorNotes.length > 0) {
    sections.push('## Facilitator notes', report.facilitatorNotes.map((note) => `- ${e(note)}`).join('\n'));
  }
  return `${sections.join('\n\n')}\n`;
}
