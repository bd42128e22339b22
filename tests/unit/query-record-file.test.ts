import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordFile } from '../../server/query/record-file.js';

describe('record file', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-records-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads records by line', async () => {
    const file = path.join(dir, 'plain.ndjson');
    await writeFile(file, '{"n":0}\n{"n":1,"text":"é"}\n{"n":2}\n');
    const records = await RecordFile.open(file);
    expect(records.count).toBe(3);
    expect(await records.read(1)).toEqual({ n: 1, text: 'é' });
    expect(await records.read(2)).toEqual({ n: 2 });
  });

  it('skips empty lines and a missing final newline', async () => {
    const file = path.join(dir, 'gaps.ndjson');
    await writeFile(file, '\n{"n":0}\n\n\n{"n":1}');
    const records = await RecordFile.open(file);
    expect(records.count).toBe(2);
    expect(await records.read(0)).toEqual({ n: 0 });
    expect(await records.read(1)).toEqual({ n: 1 });
  });

  it('returns null outside the file', async () => {
    const file = path.join(dir, 'one.ndjson');
    await writeFile(file, '{"n":0}\n');
    const records = await RecordFile.open(file);
    expect(await records.read(1)).toBeNull();
    expect(await records.read(-1)).toBeNull();
    expect(await records.read(0.5)).toBeNull();
  });
});
