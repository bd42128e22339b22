import type { TechniqueView } from '../../shared/red-blue.js';
import { paramViews } from './params.js';
import type { Technique } from './technique.js';
import { credentialAccessTechniques } from './techniques/credential-access.js';
import { defenseEvasionTechniques } from './techniques/defense-evasion.js';
import { discoveryTechniques } from './techniques/discovery.js';
import { exfiltrationTechniques } from './techniques/exfiltration.js';
import { impactTechniques } from './techniques/impact.js';
import { persistenceTechniques } from './techniques/persistence.js';
import { privilegeEscalationTechniques } from './techniques/privilege-escalation.js';

/** Every technique the red cell can play, in the order of an attack. */
export const techniques: readonly Technique[] = [
  ...discoveryTechniques,
  ...credentialAccessTechniques,
  ...privilegeEscalationTechniques,
  ...persistenceTechniques,
  ...defenseEvasionTechniques,
  ...exfiltrationTechniques,
  ...impactTechniques,
];

const byId = new Map(techniques.map((technique) => [technique.id, technique]));

/** Look up a technique by id; undefined for an id the catalog does not have. */
export function techniqueById(id: string): Technique | undefined {
  return byId.get(id);
}

/** Build the red console's view of one technique. */
export function techniqueView(technique: Technique): TechniqueView {
  return {
    id: technique.id,
    name: technique.name,
    tactic: technique.tactic,
    mitre: { ...technique.mitre },
    description: technique.description,
    calls: [...technique.calls],
    params: paramViews(technique.params),
    findingTypes: [...technique.findingTypes],
  };
}

/** Views of every technique, in catalog order. */
export function techniqueViews(): TechniqueView[] {
  return techniques.map(techniqueView);
}
