import type { RedTactic, TechniqueView } from '../../../shared/red-blue.js';

/** ATT&CK tactics in the order an attack usually runs, with the names ATT&CK gives them. */
export const tacticOrder: readonly { tactic: RedTactic; label: string }[] = [
  { tactic: 'discovery', label: 'Discovery' },
  { tactic: 'credential-access', label: 'Credential Access' },
  { tactic: 'privilege-escalation', label: 'Privilege Escalation' },
  { tactic: 'persistence', label: 'Persistence' },
  { tactic: 'defense-evasion', label: 'Defense Evasion' },
  { tactic: 'exfiltration', label: 'Exfiltration' },
  { tactic: 'impact', label: 'Impact' },
];

export interface TacticGroup {
  tactic: RedTactic;
  label: string;
  techniques: TechniqueView[];
}

/**
 * Groups techniques by tactic in attack order, keeping the catalog's order inside a group.
 * Tactics without techniques are left out, and a tactic this client does not know goes last
 * under its raw name, so a newer server never hides a technique.
 */
export function groupByTactic(techniques: readonly TechniqueView[]): TacticGroup[] {
  const groups = new Map<string, TacticGroup>();
  for (const { tactic, label } of tacticOrder) {
    groups.set(tactic, { tactic, label, techniques: [] });
  }
  for (const technique of techniques) {
    let group = groups.get(technique.tactic);
    if (!group) {
      group = { tactic: technique.tactic, label: technique.tactic, techniques: [] };
      groups.set(technique.tactic, group);
    }
    group.techniques.push(technique);
  }
  return [...groups.values()].filter((group) => group.techniques.length > 0);
}
