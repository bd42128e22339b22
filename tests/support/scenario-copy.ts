import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ScenariosDir } from './harness.js';

/**
 * Copy the apexcorp-prod pack into `dir` with planned release times added to the manifest, so a
 * test can drive automatic releases without changing the shipped pack.
 * `plan` maps a phase id to its autoReleaseAtMinute; the options add injects to phases and hints to objectives.
 */
export async function copyApexcorp(
  dir: string,
  plan: Record<string, number>,
  options: {
    durationMinutes?: number;
    injects?: Record<string, { id: string; message: string; question?: string; maxPoints?: number }[]>;
    /** Hints by objective id. */
    hints?: Record<string, { id: string; text: string; cost: number }[]>;
  } = {},
): Promise<string> {
  const target = path.join(dir, 'apexcorp-prod');
  await cp(path.join(ScenariosDir, 'apexcorp-prod'), target, { recursive: true });
  const manifestPath = path.join(target, 'scenario.yaml');
  let text = await readFile(manifestPath, 'utf8');
  for (const [phaseId, minute] of Object.entries(plan)) {
    text = insertAfterId(text, phaseId, `    autoReleaseAtMinute: ${minute}`);
  }
  for (const [phaseId, injects] of Object.entries(options.injects ?? {})) {
    const lines = ['    injects:'];
    for (const inject of injects) {
      lines.push(`      - id: ${inject.id}`, `        message: ${JSON.stringify(inject.message)}`);
      if (inject.question) lines.push(`        question: ${JSON.stringify(inject.question)}`, `        maxPoints: ${inject.maxPoints ?? 0}`);
    }
    text = insertAfterId(text, phaseId, lines.join('\n'));
  }
  for (const [objectiveId, hints] of Object.entries(options.hints ?? {})) {
    const lines = ['    hints:'];
    for (const hint of hints) lines.push(`      - id: ${hint.id}`, `        text: ${JSON.stringify(hint.text)}`, `        cost: ${hint.cost}`);
    text = insertAfterId(text, objectiveId, lines.join('\n'));
  }
  if (options.durationMinutes !== undefined) text = text.replace(/^phases:/m, `durationMinutes: ${options.durationMinutes}\n\nphases:`);
  await writeFile(manifestPath, text);
  return dir;
}

function insertAfterId(text: string, id: string, lines: string): string {
  const marker = `  - id: ${id}\n`;
  const at = text.indexOf(marker, text.indexOf('\nphases:'));
  if (at < 0) throw new Error(`id ${id} not found in the manifest`);
  return text.slice(0, at + marker.length) + lines + '\n' + text.slice(at + marker.length);
}
