import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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

  it('restores the data and reports a failed save', async () => {
    const store = await LowdbStore.open(dir);
    await store.write((data) => data.teams.push({ id: 'kept', exerciseId: 'e1', name: 'Kept' }));
    const failures: unknown[] = [];
    store.onWriteFailed((error) => failures.push(error));

    // A directory in place of the file makes the rename of the written temporary file fail.
    const file = path.join(dir, 'exercises.json');
    await rm(file);
    await mkdir(path.join(file, 'blocker'), { recursive: true });
    await expect(store.write((data) => data.teams.push({ id: 'lost', exerciseId: 'e1', name: 'Lost' }))).rejects.toThrow();
    expect(failures).toHaveLength(1);
    expect(store.read().teams.map((team) => team.id)).toEqual(['kept']);

    await rm(file, { recursive: true });
    await store.write((data) => data.teams.push({ id: 'next', exerciseId: 'e1', name: 'Next' }));
    const onDisk = JSON.parse(await readFile(file, 'utf8'));
    expect(onDisk.teams.map((team: { id: string }) => team.id)).toEqual(['kept', 'next']);
  });

  it('keeps the data of a rule that rejects before changing it', async () => {
    const store = await LowdbStore.open(dir);
    await store.write((data) => data.teams.push({ id: 'kept', exerciseId: 'e1', name: 'Kept' }));
    const team = store.read().teams[0];
    const reject = () => {
      throw new Error('not allowed');
    };
    await expect(store.write(reject)).rejects.toThrow('not allowed');
    // Nothing was changed, so the records are the same objects as before.
    expect(store.read().teams[0]).toBe(team);
  });

  it('upgrades a file written before pauses existed', async () => {
    const legacy = { exercises: [{ id: 'e1', name: 'Old', scenarioId: 's', joinCode: 'ABCDEF', createdAt: 0, status: 'running', startedAt: 1_000, phaseIndex: 0, phaseReleasedAtMs: [0] }], teams: [], players: [], submissions: [] };
    await writeFile(path.join(dir, 'exercises.json'), JSON.stringify(legacy));
    const store = await LowdbStore.open(dir);
    expect(store.read().exercises[0]).toMatchObject({ runningSince: 1_000, clockElapsedMs: 0, durationMs: 120 * 60_000, teamSizeMax: null, endedAt: null });
    expect(store.read().audit).toEqual([]);
  });
});
