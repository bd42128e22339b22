import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QueryHistoryEntry } from '../../shared/model.js';
import { IdempotencyKeysMax, remember, replayed } from '../../server/exercise/idempotency.js';
import { QueryAdmission } from '../../server/investigation/query-admission.js';
import { QueryHistory } from '../../server/investigation/query-history.js';
import { QueryLog } from '../../server/investigation/query-log.js';
import { createLogger } from '../../server/logger.js';
import { emptyStoreData } from '../../server/store/records.js';

function entry(id: string): QueryHistoryEntry {
  return { id, sql: 'SELECT 1', playerId: 'p', displayName: 'Ana', ranAt: '2026-12-04T10:00:00Z', ok: true, rowCount: 1, elapsedMs: 1, errorCode: null };
}

describe('memory caps', () => {
  it('query history drops the least recent team', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-history-cap-'));
    try {
      const history = new QueryHistory(new QueryLog(dir, createLogger({ level: 'silent', pretty: false })), 2);
      await history.add('e1', 'blue', entry('q1'));
      await history.add('e2', 'red', entry('q2'));
      await history.add('e1', 'blue', entry('q3'));
      await history.add('e3', 'green', entry('q4'));
      expect(history.teams).toBe(2);
      // The dropped team comes back from the log, without duplicates.
      expect((await history.list('e2', 'red')).map((item) => item.id)).toEqual(['q2']);
      expect(history.teams).toBe(2);
      expect((await history.list('e1', 'blue')).map((item) => item.id)).toEqual(['q3', 'q1']);
      expect((await history.list('e3', 'green')).map((item) => item.id)).toEqual(['q4']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('query admission forgets idle participants', () => {
    let now = 1_000_000;
    const admission = new QueryAdmission({ teamConcurrency: 10, ratePerMinute: 5 }, () => now);
    for (let index = 0; index < 100; index++) admission.admit('blue', `player-${index}`)();
    expect(admission.trackedPlayers).toBe(100);

    now += 61_000;
    admission.admit('blue', 'player-0')();
    expect(admission.trackedPlayers).toBe(1);
  });

  it('query admission keeps a limit across a sweep', () => {
    let now = 1_000_000;
    const admission = new QueryAdmission({ teamConcurrency: 10, ratePerMinute: 2 }, () => now);
    admission.admit('blue', 'ana')();
    now += 59_000;
    admission.admit('blue', 'ana')();
    now += 2_000;
    // The first start has left the window and the sweep ran, but the second still counts.
    admission.admit('blue', 'ana')();
    expect(() => admission.admit('blue', 'ana')).toThrow(/2 queries in the last minute/);
  });

  it('idempotency keys stop at the maximum', () => {
    const data = emptyStoreData();
    for (let index = 0; index < IdempotencyKeysMax + 10; index++) remember(data, 'facilitator/team:create/e1', `key-${index}`, index, 1_000 + index, 'e1');
    expect(data.idempotency).toHaveLength(IdempotencyKeysMax);
    expect(replayed(data, 'facilitator/team:create/e1', 'key-9')).toBeUndefined();
    expect(replayed(data, 'facilitator/team:create/e1', 'key-10')).toEqual({ result: 10 });
    expect(replayed(data, 'facilitator/team:create/e1', `key-${IdempotencyKeysMax + 9}`)).toEqual({ result: IdempotencyKeysMax + 9 });
  });
});
