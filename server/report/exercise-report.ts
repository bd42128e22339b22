import type { ScoreboardEntry } from '../../shared/model.js';
import { scoreboard } from '../exercise/scoring.js';
import type { ExerciseRecord, StoreData } from '../store/records.js';
import type { AfterActionReport } from './after-action.js';
import { escapeHtml, htmlPage, renderHtmlSection } from './html.js';
import { escapeMarkdown, renderMarkdown } from './markdown.js';
import { redCellHtml } from './red-blue-html.js';
import { redCellMarkdown } from './red-blue-markdown.js';
import { gatherRedCellSummary, type RedCellSummary } from './red-blue.js';

/** The after-action report of a whole exercise: the final scoreboard and every team's report. */
export interface ExerciseReport {
  exercise: { id: string; name: string; scenarioTitle: string };
  scoreboard: ScoreboardEntry[];
  teams: AfterActionReport[];
  /** The red cell's points and moves; absent in reports built without them. */
  redCell?: RedCellSummary;
}

/** Assemble the whole exercise's report from the team reports, adding the scoreboard and the red cell's summary. */
export function buildExerciseReport(data: Readonly<StoreData>, exercise: ExerciseRecord, scenarioTitle: string, teams: AfterActionReport[]): ExerciseReport {
  return {
    exercise: { id: exercise.id, name: exercise.name, scenarioTitle },
    scoreboard: scoreboard(data, exercise.id),
    teams,
    redCell: gatherRedCellSummary(data, exercise),
  };
}

/** Render the whole exercise as one Markdown document: the scoreboard, then each team. */
export function renderExerciseMarkdown(report: ExerciseReport): string {
  const rows = report.scoreboard.map((entry) => `| ${entry.rank} | ${escapeMarkdown(entry.teamName)} | ${entry.score} |`);
  const head = [
    `# After-action report: ${escapeMarkdown(report.exercise.name)}`,
    `Scenario ${escapeMarkdown(report.exercise.scenarioTitle)}, ${report.teams.length} teams.`,
    ['| Rank | Team | Score |', '| --- | --- | --- |', ...rows].join('\n'),
    ...redCellMarkdown(report.redCell),
  ].join('\n\n');
  // Team reports start with a level-1 heading; shift them one level down under the exercise.
  const teams = report.teams.map((team) => renderMarkdown(team).replace(/^(#+) /gm, '#$1 '));
  return [head, ...teams].join('\n\n');
}

/** Render the whole exercise as one printable HTML page, each team starting on a new printed page. */
export function renderExerciseHtml(report: ExerciseReport): string {
  const rows = report.scoreboard.map((entry) => `<tr><td>${entry.rank}</td><td>${escapeHtml(entry.teamName)}</td><td>${entry.score}</td></tr>`).join('\n');
  const head = [
    `<h1>After-action report: ${escapeHtml(report.exercise.name)}</h1>`,
    `<p>Scenario ${escapeHtml(report.exercise.scenarioTitle)}, ${report.teams.length} teams.</p>`,
    `<table><thead><tr><th>Rank</th><th>Team</th><th>Score</th></tr></thead><tbody>\n${rows}\n</tbody></table>`,
    ...redCellHtml(report.redCell),
  ].join('\n');
  const sections = report.teams.map((team) => `<section>\n${renderHtmlSection(team)}\n</section>`);
  return htmlPage(`After-action report: ${report.exercise.name}`, [`<section>\n${head}\n</section>`, ...sections].join('\n'));
}
