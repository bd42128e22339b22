import type { Finding } from '../../shared/model.js';
import type { AccountCopy } from './account-copy.js';

type Resource = {
  ResourceType?: string;
  AccessKeyDetails?: { AccessKeyId?: string };
  InstanceDetails?: { InstanceId?: string };
  S3BucketDetails?: { Name?: string }[];
};
type Service = { Count?: number; EventLastSeen?: string };

/** Build the key GuardDuty aggregates findings by: the region, the type and the resource they are about. */
function aggregationKey(finding: Finding): string {
  const resource = (finding.Resource ?? {}) as Resource;
  const subject = resource.InstanceDetails?.InstanceId ?? resource.S3BucketDetails?.[0]?.Name ?? resource.AccessKeyDetails?.AccessKeyId ?? '';
  return `${finding.Region as string}|${finding.Type}|${resource.ResourceType ?? ''}|${subject}`;
}

/**
 * Add a raised finding to the copy the way GuardDuty does: a finding of the same type about the
 * same resource is updated (its count grows and its last-seen time moves) instead of repeated.
 * Returns the finding that now stands for it, with its id.
 */
export function addFinding(copy: AccountCopy, moveId: string, finding: Finding, dueAt: string): Finding {
  const key = aggregationKey(finding);
  const existing = copy.findings.find((pending) => aggregationKey(pending.finding) === key);
  if (!existing) {
    copy.findings.push({ moveId, finding, dueAt });
    return finding;
  }
  // NOTE: Athena's guardduty_findings keeps the first version of a finding it was given, so its
  // count there can lag behind the findings list after an update.
  const service = existing.finding.Service as Service | undefined;
  const update = finding.Service as Service | undefined;
  if (service) {
    service.Count = (service.Count ?? 1) + (update?.Count ?? 1);
    if (update?.EventLastSeen && (!service.EventLastSeen || update.EventLastSeen > service.EventLastSeen)) service.EventLastSeen = update.EventLastSeen;
  }
  // An update is published after GuardDuty's delay too, but never before the finding itself.
  if (Date.parse(dueAt) > Date.parse(existing.finding.UpdatedAt)) existing.finding.UpdatedAt = new Date(Date.parse(dueAt)).toISOString();
  return existing.finding;
}

/**
 * Drop the findings still to come about instances that no longer run: a miner stopped or
 * terminated before its first DNS query makes none, so GuardDuty has nothing to report. Findings that
 * have reached the team by scenario time `at` stay.
 */
export function dropFindingsOfStoppedInstances(copy: AccountCopy, at: string): void {
  const now = Date.parse(at);
  copy.findings = copy.findings.filter((pending) => {
    if (Date.parse(pending.dueAt) <= now) return true;
    const instanceId = (pending.finding.Resource as Resource | undefined)?.InstanceDetails?.InstanceId;
    if (instanceId === undefined) return true;
    const state = copy.state.instances[instanceId]?.state;
    return state === 'pending' || state === 'running';
  });
}
