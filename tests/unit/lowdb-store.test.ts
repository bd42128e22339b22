import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LowdbStore } from '../../server/store/lowdb-store.js';
import type { AuditRecord, StoreData, TeamRecord } from '../../server/store/records.js';
import { partitionPath, readStoreData } from '../../server/store/store-files.js';

/** A data dir written by the single-file layout: two exercises, one with a keyed request. */
const LegacyFixture = path.resolve(import.meta.dirname, '../fixtures/store/exercises-single-file.json');

function team(id: string, exerciseId = 'e1'): TeamRecord {
  return { id, exerciseId, name: `Team ${id}` };
}

function audit(exerciseId: string): AuditRecord {
  return { id: `audit-${Math.random()}`, exerciseId, at: 0, elapsedMs: 0, actor: { role: 'system', id: null, name: null }, action: 'test', detail: {} };
}

async function readPartition(dir: string, exerciseId: string): Promise<StoreData> {
  return JSON.parse(await readFile(partitionPath(dir, exerciseId), 'utf8')) as StoreData;
}

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
    await store.write((data) => data.teams.push(team('t1')));
    const onDisk = await readPartition(dir, 'e1');
    expect(onDisk.teams).toEqual([team('t1')]);
    await store.close();
  });

  it('writes only the exercise a change touched', async () => {
    const store = await LowdbStore.open(dir);
    await store.write((data) => data.teams.push(team('t1', 'e1'), team('t2', 'e2')));
    await rm(partitionPath(dir, 'e2'));

    await store.write((data) => data.teams.push(team('t3', 'e1')));
    expect((await readPartition(dir, 'e1')).teams.map((record) => record.id)).toEqual(['t1', 't3']);
    expect(await readdir(path.join(dir, 'store'))).toEqual(['exercise-e1.json']);
    await store.close();
  });

  it('writes no file for a change without edits', async () => {
    const store = await LowdbStore.open(dir);
    await expect(store.write(() => 42)).resolves.toBe(42);
    expect(await readdir(path.join(dir, 'store'))).toEqual([]);
    await store.close();
  });

  it('saves an in-place edit through its audit entry', async () => {
    const store = await LowdbStore.open(dir);
    await store.write((data) => data.teams.push(team('t1')));
    await store.write((data) => {
      data.teams[0]!.name = 'Renamed';
      data.audit.push(audit('e1'));
    });
    expect((await readPartition(dir, 'e1')).teams[0]!.name).toBe('Renamed');
    await store.close();
  });

  it('keeps every one of many concurrent writes', async () => {
    const store = await LowdbStore.open(dir);
    await Promise.all(Array.from({ length: 50 }, (_, index) => store.write((data) => data.teams.push(team(`t${index}`, `e${index % 3}`)))));
    await store.close();
    const reopened = await LowdbStore.open(dir);
    expect(reopened.read().teams).toHaveLength(50);
  });

  it('rolls back a change that throws', async () => {
    const store = await LowdbStore.open(dir);
    await store.write((data) => data.teams.push(team('kept')));
    await expect(
      store.write((data) => {
        data.teams.push(team('lost'));
        throw new Error('rule violated');
      }),
    ).rejects.toThrow('rule violated');
    expect(store.read().teams.map((record) => record.id)).toEqual(['kept']);
    await store.close();
    const reopened = await LowdbStore.open(dir);
    expect(reopened.read().teams.map((record) => record.id)).toEqual(['kept']);
  });

  it('rollback keeps a change still being saved', async () => {
    const store = await LowdbStore.open(dir);
    // Not awaited: the first change is applied but still on its way to disk when the second throws.
    const saving = store.write((data) => data.teams.push(team('pending')));
    const rejected = store.write((data) => {
      data.teams[0]!.name = 'Half done';
      data.teams.push(team('lost'));
      throw new Error('rule violated');
    });
    await expect(rejected).rejects.toThrow('rule violated');
    await saving;
    expect(store.read().teams).toEqual([team('pending')]);
    expect((await readPartition(dir, 'e1')).teams).toEqual([team('pending')]);
    await store.close();
  });

  it('keeps the data of a rule that rejects before changing it', async () => {
    const store = await LowdbStore.open(dir);
    await store.write((data) => data.teams.push(team('kept')));
    const kept = store.read().teams[0];
    const reject = () => {
      throw new Error('not allowed');
    };
    await expect(store.write(reject)).rejects.toThrow('not allowed');
    // Nothing was changed, so the records are the same objects as before.
    expect(store.read().teams[0]).toBe(kept);
    await store.close();
  });

  it('restores the data and reports a failed save', async () => {
    const store = await LowdbStore.open(dir);
    await store.write((data) => data.teams.push(team('kept'), team('other', 'e2')));
    const failures: unknown[] = [];
    store.onWriteFailed((error) => failures.push(error));

    // A directory in place of the file makes the rename of the written temporary file fail.
    const file = partitionPath(dir, 'e1');
    await rm(file);
    await mkdir(path.join(file, 'blocker'), { recursive: true });
    const failing = store.write((data) => data.teams.push(team('lost')));
    // Applied on top of the failing change while it is written, so it is undone with it.
    const behind = store.write((data) => data.teams.push(team('behind')));
    const elsewhere = store.write((data) => data.teams.push(team('elsewhere', 'e2')));
    await expect(failing).rejects.toThrow();
    await expect(behind).rejects.toThrow();
    await elsewhere;
    expect(failures).toHaveLength(1);
    expect(store.read().teams.map((record) => record.id).sort()).toEqual(['elsewhere', 'kept', 'other']);

    await rm(file, { recursive: true });
    await store.write((data) => data.teams.push(team('next')));
    expect((await readPartition(dir, 'e1')).teams.map((record) => record.id)).toEqual(['kept', 'next']);
    expect((await readPartition(dir, 'e2')).teams.map((record) => record.id)).toEqual(['other', 'elsewhere']);
    await store.close();
  });

  it('rejects an untracked in-place edit but saves it', async () => {
    const store = await LowdbStore.open(dir, { verify: true });
    await store.write((data) => data.teams.push(team('t1'), team('t2', 'e2')));
    const change = store.write((data) => {
      data.teams.push(team('t3'));
      data.teams.find((record) => record.id === 't2')!.name = 'Edited';
    });
    await expect(change).rejects.toThrow(/exercise e2 in place without appending an audit entry/);
    expect((await readPartition(dir, 'e2')).teams[0]!.name).toBe('Edited');
    await store.close();
  });

  it('migrates a single-file data dir', async () => {
    await copyFile(LegacyFixture, path.join(dir, 'exercises.json'));
    const legacy = JSON.parse(await readFile(LegacyFixture, 'utf8')) as StoreData;

    const store = await LowdbStore.open(dir);
    expect(store.read().exercises.map((exercise) => exercise.name)).toEqual(['Morning drill', 'Afternoon drill']);
    expect(store.read().teams).toHaveLength(3);
    expect(store.read().submissions).toEqual(legacy.submissions);
    expect(store.read().idempotency).toEqual(legacy.idempotency);
    const files = await readdir(dir);
    expect(files).toContain('exercises.json.migrated');
    expect(files).not.toContain('exercises.json');
    expect((await readdir(path.join(dir, 'store'))).sort()).toEqual(['exercise-0f1e2d3c4b5a6978.json', 'exercise-a1b2c3d4e5f60718.json', 'server.json']);

    // A change after the move lands in the exercise's own file and survives a restart.
    await store.write((data) => data.teams.push(team('added', 'a1b2c3d4e5f60718')));
    await store.close();
    const reopened = await LowdbStore.open(dir);
    expect(reopened.read().teams.map((record) => record.id)).toContain('added');
    expect(reopened.read().audit).toEqual(legacy.audit);
    expect(await readStoreData(dir)).toEqual(reopened.read());
  });

  it('upgrades a file written before pauses existed', async () => {
    const legacy = { exercises: [{ id: 'e1', name: 'Old', scenarioId: 's', joinCode: 'ABCDEF', createdAt: 0, status: 'running', startedAt: 1_000, phaseIndex: 0, phaseReleasedAtMs: [0] }], teams: [], players: [], submissions: [] };
    await writeFile(path.join(dir, 'exercises.json'), JSON.stringify(legacy));
    const store = await LowdbStore.open(dir);
    expect(store.read().exercises[0]).toMatchObject({ runningSince: 1_000, clockElapsedMs: 0, durationMs: 120 * 60_000, teamSizeMax: null, endedAt: null });
    expect(store.read().audit).toEqual([]);
  });

  it('refuses to open a corrupt partition file', async () => {
    await mkdir(path.join(dir, 'store'));
    await writeFile(path.join(dir, 'store', 'exercise-e1.json'), '{"teams": [');
    await expect(LowdbStore.open(dir)).rejects.toThrow(/exercise-e1\.json is not valid JSON/);
    // The broken file is left as it was, for the operator to restore.
    expect(await readFile(path.join(dir, 'store', 'exercise-e1.json'), 'utf8')).toBe('{"teams": [');
  });
});
