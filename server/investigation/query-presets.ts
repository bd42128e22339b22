import type { NamedQueryView } from '../../shared/model.js';
import type { ScenarioCatalog } from '../scenario/catalog.js';

/** The named queries of a scenario (its manifest's `queries`), offered as presets in the query tab. */
export async function listPresets(scenarios: ScenarioCatalog, scenarioId: string): Promise<NamedQueryView[]> {
  const scenario = await scenarios.get(scenarioId);
  return scenario.manifest.queries.map(({ id, name, description, sql }) => ({ id, name, description, sql }));
}
