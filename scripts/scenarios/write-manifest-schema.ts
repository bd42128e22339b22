/**
 * Writes the JSON Schema of scenario.yaml, generated from the zod schema, to
 * schemas/scenario-manifest.schema.json. Run it after changing server/scenario/manifest.ts:
 *   npx tsx scripts/scenarios/write-manifest-schema.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestJsonSchema, ManifestSchemaPath } from '../../server/scenario/manifest-schema.js';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', '..', ManifestSchemaPath);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, manifestJsonSchema());
console.log(`wrote ${ManifestSchemaPath}`);
