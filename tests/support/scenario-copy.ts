import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { ScenariosDir } from './harness.js';

interface ManifestShape {
  durationMinutes?: number;
  phases: { id: string; autoReleaseAtMinute?: number; injects?: unknown[] }[];
  objectives: { id: string; hints?: unknown[] }[];
}

/**
 * Copy the apexcorp-prod pack into `dir` with planned release times added to the manifest, so a
 * test can drive automatic releases without changing the shipped pack.
 * `plan` maps a phase id to its autoReleaseAtMinute. The options replace the injects of phases,
 * replace the hints of objectives and set the duration.
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
  const manifest = parse(await readFile(manifestPath, 'utf8')) as ManifestShape;

  const phase = (id: string) => {
    const found = manifest.phases.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`phase ${id} not found in the manifest`);
    return found;
  };
  for (const [phaseId, minute] of Object.entries(plan)) phase(phaseId).autoReleaseAtMinute = minute;
  for (const [phaseId, injects] of Object.entries(options.injects ?? {})) phase(phaseId).injects = injects;
  for (const [objectiveId, hints] of Object.entries(options.hints ?? {})) {
    const objective = manifest.objectives.find((candidate) => candidate.id === objectiveId);
    if (!objective) throw new Error(`objective ${objectiveId} not found in the manifest`);
    objective.hints = hints;
  }
  if (options.durationMinutes !== undefined) manifest.durationMinutes = options.durationMinutes;

  await writeFile(manifestPath, stringify(manifest));
  return dir;
}
