import type { AccountState } from '../account/state.js';

/** Access keys that legitimate work signs with, such as a CI pipeline's deploy key. */
export interface LegitimateActivity {
  accessKeys: readonly string[];
}

function isActive(state: AccountState, accessKeyId: string): boolean {
  return state.accessKeys[accessKeyId]?.status === 'Active';
}

/**
 * Check for a replacement of a revoked legitimate key: another active key of the same user that is
 * listed as legitimate or new in `after`, which is how a rotation made by this change looks.
 */
function hasReplacement(before: AccountState, after: AccountState, userName: string, revokedKeyId: string, legitimate: LegitimateActivity): boolean {
  return Object.values(after.accessKeys).some(
    (key) =>
      key.accessKeyId !== revokedKeyId &&
      key.userName === userName &&
      key.status === 'Active' &&
      (legitimate.accessKeys.includes(key.accessKeyId) || before.accessKeys[key.accessKeyId] === undefined),
  );
}

/**
 * Say why a change to the account breaks legitimate work, or return null when it does not. A change
 * breaks it when a legitimate key that was active stops working (deactivated, deleted, or its user
 * deleted) and its user gets no replacement key. Revoking the CI pipeline's leaked key is right,
 * but without a new key the deploys stop.
 */
export function breaksLegitimateActivity(stateBefore: AccountState, stateAfter: AccountState, legitimate: LegitimateActivity): string | null {
  for (const accessKeyId of legitimate.accessKeys) {
    const key = stateBefore.accessKeys[accessKeyId];
    if (key === undefined || key.status !== 'Active' || isActive(stateAfter, accessKeyId)) continue;
    if (hasReplacement(stateBefore, stateAfter, key.userName, accessKeyId, legitimate)) continue;

    const userGone = stateBefore.users[key.userName] !== undefined && stateAfter.users[key.userName] === undefined;
    const what = userGone ? `deleting user ${key.userName} removes its access key ${accessKeyId}` : `access key ${accessKeyId} of ${key.userName} no longer works`;
    return `Legitimate work uses this key: ${what}, and ${key.userName} has no new active key. Create a replacement key and hand it over before revoking the old one; a user holds at most two keys, so delete a key you do not trust first if create-access-key fails with LimitExceeded.`;
  }
  return null;
}
