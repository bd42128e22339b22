import type { ReferenceNoteView } from '../../shared/model.js';
import type { Scenario } from '../scenario/load.js';
import type { ExerciseRecord } from '../store/records.js';

/** Title of the generated note that lists the GuardDuty finding types released so far. */
export const FindingTypesNoteTitle = 'GuardDuty finding types released so far';

/** Label of a GuardDuty severity number, by the ranges the note's first line states. */
function severityLabel(severity: number): string {
  if (severity >= 9) return 'CRITICAL';
  if (severity >= 7) return 'HIGH';
  if (severity >= 4) return 'MEDIUM';
  return 'LOW';
}

/**
 * Builds the finding types note from the findings a team can already see, so that the Reference
 * tab never names the type of a finding that is still unreleased. Returns null before any release.
 */
function findingTypesNote(scenario: Scenario, releasedIds: ReadonlySet<string>): ReferenceNoteView | null {
  const types = new Map<string, string>();
  for (const finding of scenario.findings) {
    if (!releasedIds.has(finding.Id) || types.has(finding.Type)) continue;
    types.set(finding.Type, `- \`${finding.Type}\` (${severityLabel(finding.Severity)}): ${finding.Title}`);
  }
  if (types.size === 0) return null;
  const body = [
    'Severity levels: LOW is 1.0 to 3.9, MEDIUM 4.0 to 6.9, HIGH 7.0 to 8.9, CRITICAL 9.0 to 10.0.',
    '',
    ...types.values(),
    '',
    "A finding's `Service.Count`, `EventFirstSeen` and `EventLastSeen` summarise the activity it grouped. " +
      'Always confirm a finding against CloudTrail before you act on it.',
  ].join('\n');
  return { title: FindingTypesNoteTitle, body };
}

/**
 * Returns the reference notes a team may read now: the pack's notes whose `fromPhase` is released
 * (notes with `fromPhase` 0 show from the lobby on), followed by the finding types released so far.
 */
export function referenceViews(exercise: ExerciseRecord, scenario: Scenario, releasedIds: ReadonlySet<string>): ReferenceNoteView[] {
  const notes: ReferenceNoteView[] = scenario.manifest.reference
    .filter((note) => note.fromPhase === 0 || note.fromPhase <= exercise.phaseIndex)
    .map((note) => ({ title: note.title, body: note.body }));
  const types = findingTypesNote(scenario, releasedIds);
  return types ? [...notes, types] : notes;
}
