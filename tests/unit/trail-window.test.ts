import { describe, expect, it } from 'vitest';
import type { CloudTrailPage } from '../../shared/model.js';
import { EventPages } from '../../client/src/participant/trail/event-pages.js';
import { pagesOf, visibleRows } from '../../client/src/participant/trail/virtual-window.js';
import type { RequestResult } from '../../client/src/net/request.js';

describe('visibleRows', () => {
  it('adds overscan on both sides', () => {
    expect(visibleRows(28 * 100, 280, 28, 1_000, 10)).toEqual({ first: 90, last: 121 });
  });

  it('clamps at the top', () => {
    expect(visibleRows(0, 280, 28, 1_000, 10)).toEqual({ first: 0, last: 21 });
  });

  it('clamps at the end', () => {
    const window = visibleRows(28 * 995, 280, 28, 1_000, 10);
    expect(window.last).toBe(1_000);
    expect(window.first).toBe(985);
  });

  it('scroll past the end keeps the last rows', () => {
    const window = visibleRows(28 * 5_000, 280, 28, 1_000, 10);
    expect(window).toEqual({ first: 989, last: 1_000 });
  });

  it('empty list has no rows', () => {
    expect(visibleRows(500, 280, 28, 0)).toEqual({ first: 0, last: 0 });
  });
});

describe('pagesOf', () => {
  it('lists every page the window touches', () => {
    expect(pagesOf({ first: 95, last: 205 }, 100)).toEqual([0, 1, 2]);
    expect(pagesOf({ first: 100, last: 200 }, 100)).toEqual([1]);
    expect(pagesOf({ first: 7, last: 7 }, 100)).toEqual([]);
  });
});

/** Create a loader over `total` synthetic rows that records each request. */
function fakeLoader(total: number, failAt = -1) {
  const calls: number[] = [];
  const state = { failAt };
  const load = async (offset: number, limit: number): Promise<RequestResult<CloudTrailPage>> => {
    calls.push(offset);
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (offset === state.failAt) return { ok: false, error: { code: 'TIMEOUT', message: 'The server did not answer in time.' } };
    const rows = [];
    for (let index = offset; index < Math.min(total, offset + limit); index += 1) {
      rows.push({ eventId: `e${index}`, eventTime: '2026-05-08T02:00:00Z', eventSource: 's3.amazonaws.com', eventName: 'GetObject', awsRegion: 'us-east-1', userName: null, sourceIpAddress: null, errorCode: null });
    }
    return { ok: true, data: { rows, total, offset } };
  };
  return { calls, load, state };
}

describe('EventPages', () => {
  it('loads the first page for the total', async () => {
    const { calls, load } = fakeLoader(1_234);
    let changes = 0;
    const pages = new EventPages(load, () => (changes += 1), 100);
    await pages.ensure({ first: 500, last: 520 });
    expect(calls).toEqual([0]);
    expect(pages.total).toBe(1_234);
    expect(changes).toBe(1);
  });

  it('loads missing pages once', async () => {
    const { calls, load } = fakeLoader(1_234);
    const pages = new EventPages(load, () => undefined, 100);
    await pages.ensure({ first: 0, last: 1 });
    await Promise.all([pages.ensure({ first: 1_150, last: 1_234 }), pages.ensure({ first: 1_190, last: 1_234 })]);
    expect(calls).toEqual([0, 1_100, 1_200]);
    expect(pages.rowAt(1_233)?.eventId).toBe('e1233');
    expect(pages.rowAt(1_099)).toBeUndefined();
  });

  it('drops the least recently used pages', async () => {
    const { calls, load } = fakeLoader(10_000);
    const pages = new EventPages(load, () => undefined, 100);
    for (let page = 0; page < 45; page += 1) await pages.ensure({ first: page * 100, last: page * 100 + 1 });
    expect(pages.rowAt(0)).toBeUndefined();
    expect(pages.rowAt(4_400)?.eventId).toBe('e4400');
    await pages.ensure({ first: 0, last: 1 });
    expect(calls.filter((offset) => offset === 0)).toHaveLength(2);
  });

  it('retries a failed page', async () => {
    const { load, state } = fakeLoader(1_000, 300);
    const pages = new EventPages(load, () => undefined, 100);
    await pages.ensure({ first: 0, last: 1 });
    await pages.ensure({ first: 300, last: 310 });
    expect(pages.error).toBe('The server did not answer in time.');
    expect(pages.rowAt(300)).toBeUndefined();

    state.failAt = -1;
    await pages.ensure({ first: 300, last: 310 });
    expect(pages.error).toBe('');
    expect(pages.rowAt(300)?.eventId).toBe('e300');
  });
});
