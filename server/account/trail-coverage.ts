import type { AccountState } from './state.js';

/**
 * Check whether any trail records an event: a logging trail that covers the event's region
 * (every region for a multi-region trail) and records its category. Callers pass us-east-1 for
 * IAM and STS events.
 */
export function isRecorded(state: AccountState, region: string, category: 'Management' | 'Data'): boolean {
  return Object.values(state.trails).some((trail) => {
    if (!trail.logging) return false;
    if (!trail.isMultiRegion && trail.homeRegion !== region) return false;
    return category === 'Data' ? trail.s3DataEvents : trail.managementEvents;
  });
}
