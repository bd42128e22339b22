import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AppLogger } from '../logger.js';
import type { QueryEngine } from '../query/query-engine.js';
import { ManifestFile, prepareScenarioData, type LoadOptions, type Scenario } from './load.js';

/**
 * The scenario packs found under the scenarios folder. A pack is loaded, validated and handed to
 * the query engine on first use and kept in memory afterwards.
 */
export class ScenarioCatalog {
  private readonly loading = new Map<string, Promise<Scenario>>();

  constructor(
    private readonly scenariosDir: string,
    private readonly cacheDir: string,
    private readonly engine: QueryEngine,
    private readonly logger: AppLogger,
    private readonly options: LoadOptions = {},
  ) {}

  /** Ids of the folders that contain a manifest. */
  async list(): Promise<string[]> {
    const entries = await readdir(this.scenariosDir, { withFileTypes: true }).catch(() => []);
    const ids: string[] = [];
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      const hasManifest = await stat(path.join(this.scenariosDir, entry.name, ManifestFile)).then(
        () => true,
        () => false,
      );
      if (hasManifest) ids.push(entry.name);
    }
    return ids.sort();
  }

  /** Load a scenario and its query worker; repeated calls share the first load. */
  get(id: string): Promise<Scenario> {
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.load(id);
      this.loading.set(id, pending);
      // A failed load is not cached, so fixing the pack and trying again works without a restart.
      pending.catch(() => this.loading.delete(id));
    }
    return pending;
  }

  private async load(id: string): Promise<Scenario> {
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(id)) throw new Error(`Scenario id "${id}" is not valid.`);
    const started = performance.now();
    const prepared = await prepareScenarioData(path.join(this.scenariosDir, id), this.cacheDir, this.options);
    if (prepared.scenario.manifest.id !== id) {
      throw new Error(`Scenario folder "${id}" declares id "${prepared.scenario.manifest.id}"; rename one so they match.`);
    }
    const dataMs = Math.round(performance.now() - started);
    await this.engine.prepare(id, { eventsPath: prepared.eventsPath, findingsPath: prepared.findingsPath });
    this.logger.info(
      { scenarioId: id, events: prepared.eventCount, cached: prepared.cached, dataMs, ms: Math.round(performance.now() - started) },
      'scenario loaded',
    );
    return prepared.scenario;
  }
}
