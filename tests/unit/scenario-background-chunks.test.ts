import { describe, expect, it } from 'vitest';
import { generateBackgroundChunks } from '../../server/scenario/background/chunks.js';
import type { BackgroundOptions } from '../../server/scenario/background/index.js';
import { generateBackground } from '../../server/scenario/background/index.js';

const Options: BackgroundOptions = {
  seed: 7,
  events: 1_000,
  accountId: '123456789012',
  primaryRegion: 'us-east-1',
  regions: ['us-east-1', 'us-west-2'],
  window: { start: '2026-05-07T00:00:00Z', end: '2026-05-08T06:00:00Z' },
};

describe('background chunks', () => {
  it('keeps small sizes in one piece', () => {
    const pieces = [...generateBackgroundChunks(Options, 1_000)];
    expect(pieces).toHaveLength(1);
    expect(pieces[0]).toEqual(generateBackground(Options));
  });

  it('splits large sizes into ordered slices', () => {
    const pieces = [...generateBackgroundChunks(Options, 300)];
    expect(pieces).toHaveLength(4);
    const records = pieces.flat();
    expect(records).toHaveLength(1_000);
    for (let index = 1; index < records.length; index++) {
      expect(records[index - 1]!.eventTime <= records[index]!.eventTime, `record ${index} is out of order`).toBe(true);
    }
    expect(new Set(records.map((record) => record.eventID)).size).toBe(1_000);
    expect(records[0]!.eventTime >= Options.window.start).toBe(true);
    expect(records.at(-1)!.eventTime <= Options.window.end).toBe(true);
  });

  it('repeats the same slices for a seed', () => {
    expect([...generateBackgroundChunks(Options, 300)]).toEqual([...generateBackgroundChunks(Options, 300)]);
  });
});
