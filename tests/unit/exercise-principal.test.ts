import { describe, expect, it } from 'vitest';
import { hashToken } from '../../server/exercise/ids.js';
import { mayAccessExercise, resolvePrincipal } from '../../server/exercise/principal.js';
import { emptyStoreData, type StoreData } from '../../server/store/records.js';

const serverToken = 'server-facilitator-token-0001';

function data(): StoreData {
  const store = emptyStoreData();
  store.exercises.push({
    id: 'e1',
    name: 'E',
    scenarioId: 's',
    joinCode: 'ABCDEF',
    createdAt: 0,
    status: 'ready',
    startedAt: null,
    endedAt: null,
    clockElapsedMs: 0,
    runningSince: null,
    durationMs: 60_000,
    teamSizeMax: null,
    phaseIndex: -1,
    phaseReleasedAtMs: [],
  });
  store.players.push({ id: 'p1', exerciseId: 'e1', teamId: 't1', displayName: 'Ana', tokenHash: hashToken('player-token'), joinedAt: 0 });
  store.invites.push({ id: 'i1', exerciseId: 'e1', role: 'observer', label: 'Screen', tokenHash: hashToken('observer-token'), createdAt: 0 });
  store.invites.push({ id: 'i2', exerciseId: 'e1', role: 'facilitator', label: 'Co', tokenHash: hashToken('co-token'), createdAt: 0 });
  store.invites.push({ id: 'i3', exerciseId: 'gone', role: 'facilitator', label: 'Old', tokenHash: hashToken('stale-token'), createdAt: 0 });
  return store;
}

describe('principal resolution', () => {
  it('resolves each kind of token', () => {
    const store = data();
    expect(resolvePrincipal(serverToken, store, serverToken)).toMatchObject({ role: 'facilitator', exerciseId: null });
    expect(resolvePrincipal('player-token', store, serverToken)).toMatchObject({ role: 'participant', exerciseId: 'e1', teamId: 't1', playerId: 'p1' });
    expect(resolvePrincipal('observer-token', store, serverToken)).toMatchObject({ role: 'observer', exerciseId: 'e1', id: 'i1' });
    expect(resolvePrincipal('co-token', store, serverToken)).toMatchObject({ role: 'facilitator', exerciseId: 'e1', id: 'i2' });
  });

  it.each([
    ['unknown', 'no-such-token'],
    ['empty', ''],
    ['too long', 'x'.repeat(201)],
    ['not a string', 42],
    ['invite of a deleted exercise', 'stale-token'],
  ])('rejects a token that is %s', (_case, token) => {
    expect(resolvePrincipal(token, data(), serverToken)).toBeNull();
  });

  it('follows a player to a new team', () => {
    const store = data();
    store.players[0]!.teamId = 't2';
    expect(resolvePrincipal('player-token', store, serverToken)).toMatchObject({ teamId: 't2' });
    store.players = [];
    expect(resolvePrincipal('player-token', store, serverToken)).toBeNull();
  });

  it('scopes access to the own exercise', () => {
    const store = data();
    expect(mayAccessExercise(resolvePrincipal(serverToken, store, serverToken)!, 'e2')).toBe(true);
    for (const token of ['player-token', 'observer-token', 'co-token']) {
      const principal = resolvePrincipal(token, store, serverToken)!;
      expect(mayAccessExercise(principal, 'e1')).toBe(true);
      expect(mayAccessExercise(principal, 'e2')).toBe(false);
    }
  });
});
