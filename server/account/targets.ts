import type { RedTargets } from '../../shared/red-blue.js';
import type { AccountState } from './state.js';

/**
 * List the resources the red console offers as move targets: what exists now in the account,
 * without terminated instances, deleted detectors and AWS managed policies.
 */
export function redTargets(state: AccountState, regions: string[]): RedTargets {
  const sorted = (values: string[]): string[] => [...values].sort((a, b) => a.localeCompare(b));
  return {
    accessKeys: Object.values(state.accessKeys)
      .map((key) => ({ accessKeyId: key.accessKeyId, userName: key.userName }))
      .sort((a, b) => a.userName.localeCompare(b.userName) || a.accessKeyId.localeCompare(b.accessKeyId)),
    users: sorted(Object.keys(state.users)),
    roles: sorted(Object.keys(state.roles)),
    policies: sorted(Object.values(state.policies).filter((policy) => policy.customerManaged).map((policy) => policy.arn)),
    buckets: sorted(Object.keys(state.buckets)),
    instances: sorted(Object.values(state.instances).filter((instance) => instance.state !== 'terminated').map((instance) => instance.instanceId)),
    securityGroups: sorted(Object.keys(state.securityGroups)),
    snapshots: sorted(Object.keys(state.snapshots)),
    trails: sorted(Object.keys(state.trails)),
    detectors: sorted(Object.values(state.detectors).filter((detector) => detector.exists).map((detector) => detector.detectorId)),
    regions: [...regions],
  };
}
