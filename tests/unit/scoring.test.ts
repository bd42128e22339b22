import { describe, expect, it } from 'vitest';
import { objectiveScore, scoreboard, scoreSeries, teamScore } from '../../server/exercise/scoring.js';
import { emptyStoreData, type StoreData } from '../../server/store/records.js';

function data(): StoreData {
  const store = emptyStoreData();
  store.teams.push({ id: 'blue', exerciseId: 'x', name: 'Blue' }, { id: 'red', exerciseId: 'x', name: 'Red' });
  return store;
}

function submission(teamId: string, objectiveId: string, points: number, at: number, correct = points > 0) {
  return { id: `${teamId}-${at}`, exerciseId: 'x', teamId, playerId: 'p', objectiveId, correct, points, at, idempotencyKey: null };
}

describe('teamScore', () => {
  it('floors each objective at zero', () => {
    const store = data();
    store.submissions.push(submission('blue', 'a', -10, 1), submission('blue', 'a', -10, 2), submission('blue', 'b', 50, 3));
    expect(teamScore(store, 'blue')).toBe(50);
    expect(objectiveScore(store, 'blue', 'a')).toBe(0);
  });

  it('takes hint costs from the objective', () => {
    const store = data();
    store.hintOpens.push({ id: 'h', exerciseId: 'x', teamId: 'blue', playerId: 'p', objectiveId: 'a', hintId: 'one', points: -30, at: 1 });
    store.submissions.push(submission('blue', 'a', 100, 2));
    expect(teamScore(store, 'blue')).toBe(70);
  });

  it('adds adjustments outside the floor', () => {
    const store = data();
    store.scoreAdjustments.push({ id: 'j', exerciseId: 'x', teamId: 'blue', points: -15, reason: 'late', by: 'F', at: 1 });
    expect(teamScore(store, 'blue')).toBe(-15);
  });

  it('counts only records up to until', () => {
    const store = data();
    store.submissions.push(submission('blue', 'a', 100, 10));
    expect(teamScore(store, 'blue', 9)).toBe(0);
    expect(teamScore(store, 'blue', 10)).toBe(100);
  });
});

describe('scoreboard', () => {
  it('shares ranks on equal scores', () => {
    const store = data();
    const board = scoreboard(store, 'x');
    expect(board.map((entry) => entry.rank)).toEqual([1, 1]);
  });

  it('counts solved objectives', () => {
    const store = data();
    store.submissions.push(submission('red', 'a', 100, 1), submission('red', 'b', -5, 2, false));
    const red = scoreboard(store, 'x').find((entry) => entry.teamId === 'red')!;
    expect(red.solved).toBe(1);
    expect(red.rank).toBe(1);
  });
});

describe('scoreSeries', () => {
  it('lists scores after each change', () => {
    const store = data();
    store.submissions.push(submission('blue', 'a', 100, 5), submission('red', 'a', 60, 7));
    expect(scoreSeries(store, 'x')).toEqual([
      { at: 5, scores: { blue: 100, red: 0 } },
      { at: 7, scores: { blue: 100, red: 60 } },
    ]);
  });

  it('stops at the freeze', () => {
    const store = data();
    store.submissions.push(submission('blue', 'a', 100, 5), submission('red', 'a', 60, 7));
    expect(scoreSeries(store, 'x', 6)).toHaveLength(1);
  });
});
