import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { manifestJsonSchema, ManifestSchemaPath } from '../../server/scenario/manifest-schema.js';

const Root = path.resolve(import.meta.dirname, '../..');

async function manifestOf(pack: string): Promise<Record<string, unknown>> {
  return parse(await readFile(path.join(Root, 'scenarios', pack, 'scenario.yaml'), 'utf8')) as Record<string, unknown>;
}

describe('manifest JSON Schema', () => {
  const validate = new Ajv2020({ strict: false, allErrors: true, formats: { 'date-time': (value: string) => !Number.isNaN(Date.parse(value)) } }).compile(JSON.parse(manifestJsonSchema()) as object);

  it('matches the published file', async () => {
    const published = await readFile(path.join(Root, ManifestSchemaPath), 'utf8');
    expect(published, 'run npx tsx scripts/scenarios/write-manifest-schema.ts').toBe(manifestJsonSchema());
  });

  it('accepts the shipped packs', async () => {
    for (const pack of ['apexcorp-prod', 'apexcorp-analytics']) {
      expect(validate(await manifestOf(pack)), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('rejects an unknown check kind', async () => {
    const manifest = await manifestOf('apexcorp-prod');
    (manifest.objectives as { check: { kind: string } }[])[0]!.check.kind = 'guess';
    expect(validate(manifest)).toBe(false);
  });

  it('rejects a horizon that is no time', async () => {
    const manifest = await manifestOf('apexcorp-prod');
    (manifest.phases as { horizon: string }[])[0]!.horizon = 'soon';
    expect(validate(manifest)).toBe(false);
  });

  it('rejects an unknown top-level key', async () => {
    expect(validate({ ...(await manifestOf('apexcorp-prod')), colour: 'blue' })).toBe(false);
  });
});
