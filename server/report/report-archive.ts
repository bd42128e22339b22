import { strToU8, zipSync, type Zippable } from 'fflate';
import type { AfterActionReport } from './after-action.js';
import { renderExerciseHtml, renderExerciseMarkdown, type ExerciseReport } from './exercise-report.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';

/** Turn a display name into a file name part: letters, digits, "-" and "_" only. */
export function fileSafeName(name: string, fallback: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || fallback;
}

function addFormats(files: Zippable, baseName: string, json: unknown, markdown: string, html: string): void {
  files[`${baseName}.json`] = strToU8(JSON.stringify(json, null, 2));
  files[`${baseName}.md`] = strToU8(markdown);
  files[`${baseName}.html`] = strToU8(html);
}

/**
 * Pack the after-action reports into one ZIP file: the whole exercise as `all-teams.*` and each
 * team under `teams/`, each as JSON, Markdown and printable HTML. When two team names give the
 * same file name, the second gets its team id appended.
 */
export function reportArchive(whole: ExerciseReport | null, teams: AfterActionReport[]): Uint8Array {
  const files: Zippable = {};
  if (whole) addFormats(files, 'all-teams', whole, renderExerciseMarkdown(whole), renderExerciseHtml(whole));

  const used = new Set<string>();
  for (const report of teams) {
    let name = fileSafeName(report.team.name, 'team');
    if (used.has(name)) name = `${name}-${fileSafeName(report.team.id, 'id')}`;
    used.add(name);
    addFormats(files, `teams/${name}`, report, renderMarkdown(report), renderHtml(report));
  }
  return zipSync(files, { level: 6, mtime: new Date() });
}
