import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QueryHistoryEntry } from '../../shared/model.js';
import { QueryHistory } from '../../server/investigation/query-history.js';
import { QueryLog } from '../../server/investigation/query-log.js';
import { createLogger } from '../../server/logger.js';

const logger = createLogger({ level: 'silent', pretty: false });

function entry(id: string, sql = `SELECT ${id}`): QueryHistoryEntry {
  return { id, sql, playerId: 'p1', displayName: 'Ana', ranAt: '2026-05-08T02:00:00.000Z', ok: true, rowCount: 1, elapsedMs: 3, errorCode: null };
}

describe('query log', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-query-log-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refills a new history from disk', async () => {
    const first = new QueryHistory(new QueryLog(dir, logger));
    await Promise.all(['a', 'b', 'c'].map((id) => first.add('ex1', id === 'b' ? 'red' : 'blue', entry(id))));

    const second = new QueryHistory(new QueryLog(dir, logger));
    expect((await second.list('ex1', 'blue')).map((item) => item.id)).toEqual(['c', 'a']);
    expect((await second.list('ex1', 'red')).map((item) => item.id)).toEqual(['b']);
    expect(await second.list('ex2', 'blue')).toEqual([]);
  });

  it('keeps every query on disk but few in memory', async () => {
    const history = new QueryHistory(new QueryLog(dir, logger));
    for (let index = 0; index < 60; index += 1) await history.add('ex1', 'blue', entry(`q${index}`));
    expect(await history.list('ex1', 'blue')).toHaveLength(50);
    const all = await history.all('ex1', 'blue');
    expect(all).toHaveLength(60);
    expect(all[0]!.id).toBe('q59');
  });

  it('skips a line cut short by a crash', async () => {
    const log = new QueryLog(dir, logger);
    await log.append('ex1', { teamId: 'blue', entry: entry('a') });
    await appendFile(path.join(dir, 'ex1.jsonl'), '{"teamId":"blue","entry":{"id":"b","sq');
    await appendFile(path.join(dir, 'ex1.jsonl'), '\n{"teamId":"blue","entry":{"id":"x"}}\n');
    await log.append('ex1', { teamId: 'blue', entry: entry('c') });
    expect((await log.read('ex1')).map((line) => line.entry.id)).toEqual(['a', 'c']);
  });

  it('writes nothing for an unsafe exercise id', async () => {
    const log = new QueryLog(dir, logger);
    await log.append('../escape', { teamId: 'blue', entry: entry('a') });
    expect(await readdir(dir)).toEqual([]);
    expect(await log.read('../escape')).toEqual([]);
  });

  it('keeps SQL with newlines on one line', async () => {
    const history = new QueryHistory(new QueryLog(dir, logger));
    await history.add('ex1', 'blue', entry('a', 'SELECT 1\n-- comment\n, 2'));
    const again = new QueryHistory(new QueryLog(dir, logger));
    expect((await again.list('ex1', 'blue'))[0]!.sql).toBe('SELECT 1\n-- comment\n, 2');
  });
});
