import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChecklistArrayName, reportFragmentName, TimelineArrayName } from '../../shared/collab.js';
import type { TeamProgress } from '../../shared/model.js';
import { formatAgo, sortProgress } from '../../client/src/facilitator/team-progress-format.js';
import { ActivityTracker } from '../../server/exercise/team-progress-activity.js';
import { countTeamDoc, DocStatsCache, EmptyDocStats } from '../../server/exercise/team-progress-docs.js';

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

function progress(teamName: string, score: number, lastActivityAt: string | null): TeamProgress {
  return {
    teamId: teamName.toLowerCase(),
    teamName,
    score,
    rank: 0,
    members: [],
    objectives: { solved: 0, attempted: 0, released: 0, points: 0 },
    hintsOpened: 0,
    timelineEntries: 0,
    reportWords: 0,
    reportSectionsFilled: 0,
    reportSectionCount: 8,
    checklist: { done: 0, total: 0 },
    notepadLength: 0,
    queriesRun: 0,
    lastActivityAt,
  };
}

describe('countTeamDoc', () => {
  it('counts an empty document as zero', () => {
    expect(countTeamDoc(new Y.Doc())).toEqual(EmptyDocStats);
  });

  it('skips malformed entries', () => {
    const doc = new Y.Doc();
    const timeline = doc.getArray<unknown>(TimelineArrayName);
    timeline.push([new Y.Map<unknown>(Object.entries({ id: 'ok', eventTime: '2026-05-08T02:17:00Z' }))]);
    // No id, a plain string and a number: a client wrote these, so they are not counted.
    timeline.push([new Y.Map<unknown>(Object.entries({ action: 'no id' })), 'text', 42]);
    const checklist = doc.getArray<unknown>(ChecklistArrayName);
    checklist.push([new Y.Map<unknown>(Object.entries({ id: 'c1', action: 'Rotate', done: 'yes' })), new Y.Map<unknown>(Object.entries({ id: 'c2', action: 'Revoke', done: true }))]);

    const stats = countTeamDoc(doc);
    expect(stats.timelineEntries).toBe(1);
    expect(stats.checklistTotal).toBe(2);
    // A done flag that is not a boolean counts as not done.
    expect(stats.checklistDone).toBe(1);
  });

  it('counts report words across sections', () => {
    const doc = new Y.Doc();
    doc.getXmlFragment(reportFragmentName('summary')).insert(0, [paragraph('Key  stolen\tfrom CI'), paragraph('Used from Tor')]);
    doc.getXmlFragment(reportFragmentName('impact')).insert(0, [paragraph('   ')]);
    doc.getXmlFragment(reportFragmentName('lessons')).insert(0, [paragraph('Rotate keys')]);
    doc.getText('notepad').insert(0, 'AKIA…');

    const stats = countTeamDoc(doc);
    expect(stats.reportWords).toBe(9);
    expect(stats.reportSectionsFilled).toBe(2);
    expect(stats.notepadLength).toBe(5);
  });
});

describe('DocStatsCache', () => {
  it('reads once until invalidated', async () => {
    let reads = 0;
    const cache = new DocStatsCache(() => {
      reads += 1;
      return Promise.resolve({ ...EmptyDocStats, timelineEntries: reads });
    });
    expect((await cache.get('team-a')).timelineEntries).toBe(1);
    expect((await cache.get('team-a')).timelineEntries).toBe(1);
    cache.invalidate('team-a');
    expect((await cache.get('team-a')).timelineEntries).toBe(2);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const cache = new DocStatsCache(() => (fail ? Promise.reject(new Error('disk')) : Promise.resolve(EmptyDocStats)));
    await expect(cache.get('team-a')).rejects.toThrow('disk');
    fail = false;
    await expect(cache.get('team-a')).resolves.toEqual(EmptyDocStats);
  });
});

describe('ActivityTracker', () => {
  it('stays online until the last tab closes', () => {
    const tracker = new ActivityTracker();
    tracker.connected('p1');
    tracker.connected('p1');
    tracker.disconnected('p1');
    expect(tracker.isOnline('p1')).toBe(true);
    tracker.disconnected('p1');
    expect(tracker.isOnline('p1')).toBe(false);
    // A disconnect without a connect, as after a restart, does not go below zero.
    tracker.disconnected('p1');
    tracker.connected('p1');
    expect(tracker.isOnline('p1')).toBe(true);
  });

  it('keeps the latest activity time', () => {
    const tracker = new ActivityTracker();
    tracker.touch('p1', 2_000);
    tracker.touch('p1', 1_000);
    expect(tracker.lastActiveAt('p1')).toBe(2_000);
    expect(tracker.lastActiveAt('p2')).toBeNull();
  });
});

describe('sortProgress', () => {
  const teams = [progress('Blue', 10, '2026-05-08T09:00:00Z'), progress('Amber', 10, null), progress('Green', 30, '2026-05-08T08:00:00Z')];

  it('sorts by score, then name', () => {
    expect(sortProgress(teams, 'score').map((team) => team.teamName)).toEqual(['Green', 'Amber', 'Blue']);
  });

  it('sorts by activity, idle teams last', () => {
    expect(sortProgress(teams, 'activity').map((team) => team.teamName)).toEqual(['Blue', 'Green', 'Amber']);
  });
});

describe('formatAgo', () => {
  const now = Date.parse('2026-05-08T10:00:00Z');

  it.each([
    [null, 'never'],
    ['2026-05-08T09:59:58Z', 'just now'],
    ['2026-05-08T09:59:18Z', '42 s ago'],
    ['2026-05-08T09:55:00Z', '5 min ago'],
    ['2026-05-08T08:00:00Z', '2 h ago'],
    ['not a time', 'not a time'],
  ])('formats %s as %s', (time, expected) => {
    expect(formatAgo(time, now)).toBe(expected);
  });
});
