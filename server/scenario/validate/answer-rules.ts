import type { Finding } from '../../../shared/model.js';
import { evidenceOf } from '../checks/index.js';
import type { Manifest } from '../manifest.js';
import { addStringLeaves, type LocatedRecord } from './data-rules.js';

type Report = (path: (string | number)[], message: string) => void;

/**
 * Checks that each objective can be answered when it opens: every value its answer key needs
 * occurs in the CloudTrail records up to the unlocking phase's horizon or in the findings
 * released by then.
 */
export function checkAnswersVisible(manifest: Manifest, records: LocatedRecord[], findings: Finding[], report: Report): void {
  const sorted = [...records].sort((a, b) => Date.parse(a.record.eventTime) - Date.parse(b.record.eventTime));
  const findingById = new Map(findings.map((finding) => [finding.Id, finding]));
  const visible = new Set<string>();
  let next = 0;

  manifest.phases.forEach((phase, phaseIndex) => {
    const horizon = Date.parse(phase.horizon);
    while (next < sorted.length && Date.parse(sorted[next]!.record.eventTime) <= horizon) addStringLeaves(sorted[next++]!.record, visible);
    for (const id of phase.findings) addStringLeaves(findingById.get(id), visible);

    for (const objectiveId of phase.objectives) {
      const index = manifest.objectives.findIndex((objective) => objective.id === objectiveId);
      const objective = manifest.objectives[index];
      if (!objective) continue;
      for (const values of evidenceOf(objective.check)) {
        if (values.some((value) => visible.has(value.trim().toLowerCase()))) continue;
        report(
          ['objectives', index, 'check'],
          `${values.map((value) => `"${value}"`).join(' or ')} is not in the data released by phase ${phase.id} (horizon ${phase.horizon}), where objective ${objectiveId} opens`,
        );
      }
    }
  });
}
