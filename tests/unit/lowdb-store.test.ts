import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LowdbStore } from '../../server/store/lowdb-store.js';

describe('LowdbStore', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-store-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('persists writes to the file before resolving', async () => {
    const store = await LowdbStore.open(dir);
    await store.write((data) => data.teams.push({ id: 't1', exerciseId: 'e1', name: 'Blue' }));
    const onDisk = JSON.parse(await readFile(path.join(dir, 'exercises.json'), 'utf8'));
    expect(onDisk.teams).toEqual([{ id: 't1', exerciseId: 'e1', name: 'Blue' }]);
    await store.close();
  });

  it('keeps every one of many concurrent writes', async () => {
    const store = await LowdbStore.open(dir);
    await Promise.all(Array.from({ length: 50 }, (_, index) => store.write((data) => data.teams.push({ id: `t${index}`, exerciseId: 'e1', name: `Team ${index}` }))));
    await store.close();
    const reopened = await LowdbStore.open(dir);
    expect(reopened.read().teams).toHaveLength(50);
  });

  it('rolls back a change that throws', async () => {
    const store = await LowdbStore.open(dir);
    await store.write((data) => data.teams.push({ id: 'kept', exerciseId: 'e1', name: 'Kept' }));
    await expect(
      store.write((data) => {
        data.teams.push({ id: 'lost', exerciseId: 'e1', name: 'Lost' });
        throw new Error('rule violated');
      }),
    ).rejects.toThrow('rule violated');
    expect(store.read().teams.map((team) => team.id)).toEqual(['kept']);
    await store.write(() => undefined);
    const reopened = await LowdbStore.open(dir);
    expect(reopened.read().teams.map((team) => team.id)).toEqual(['kept']);
  });
});
