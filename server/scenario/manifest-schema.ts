import { z } from 'zod';
import { Manifest } from './manifest.js';

/** Path of the published JSON Schema, relative to the repository root. */
export const ManifestSchemaPath = 'schemas/scenario-manifest.schema.json';

/**
 * Generates the JSON Schema of `scenario.yaml` from the zod schema, so editors can check a
 * manifest as it is typed (for example with a `# yaml-language-server: $schema=...` comment).
 * It describes the input form: fields with defaults are optional. Checks the schema cannot
 * express (references between phases and objectives, answers in the data) are made by
 * `cloud-ir-lab scenario validate`.
 */
export function manifestJsonSchema(): string {
  const schema = z.toJSONSchema(Manifest, { io: 'input' });
  const document = { ...schema, $id: 'https://cloud-ir-lab.dev/schemas/scenario-manifest.schema.json', title: 'cloud-ir-lab scenario manifest (scenario.yaml)' };
  return `${JSON.stringify(document, null, 2)}\n`;
}
