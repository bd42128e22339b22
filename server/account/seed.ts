import type { CloudTrailRecord } from './api-call.js';
import { trailArn } from './arns.js';
import { ensureIncidentResponder, seedIamSnapshot } from './seed-iam.js';
import { seedFromFindings, type SeedFinding } from './seed-findings.js';
import { createdIds, seedFromRecords } from './seed-records.js';
import type { AccountState } from './state.js';

export interface SeedInput {
  accountId: string;
  primaryRegion: string;
  regions: string[];
  /** The pack's IAM snapshot JSON, or null for a pack without one. */
  snapshot: unknown | null;
  /** Every scripted record of the pack, in any order. */
  records: CloudTrailRecord[];
  findings: SeedFinding[];
}

/** Name of the trail added when no record names one. */
export const DefaultTrailName = 'management-events';

/**
 * Build the account at the start of the scenario window from the pack. It contains the IAM
 * snapshot and the resources that the scripted records and findings show existed before the
 * story began. Its trail is the one the records name, or else a multi-region default with
 * management and S3 data events. The incident responders' role is always added. Throws when the
 * IAM snapshot does not parse.
 */
export function seedAccount(input: SeedInput): AccountState {
  const state: AccountState = {
    accountId: input.accountId,
    users: {},
    groups: {},
    roles: {},
    policies: {},
    accessKeys: {},
    buckets: {},
    securityGroups: {},
    instances: {},
    snapshots: {},
    trails: {},
    detectors: {},
  };
  if (input.snapshot !== null && input.snapshot !== undefined) seedIamSnapshot(state, input.snapshot);
  seedFromRecords(state, input.records);
  seedFromFindings(state, input.findings, input.primaryRegion, createdIds(input.records));

  if (Object.keys(state.trails).length === 0) {
    state.trails[DefaultTrailName] = {
      name: DefaultTrailName,
      arn: trailArn(input.accountId, input.primaryRegion, DefaultTrailName),
      homeRegion: input.primaryRegion,
      isMultiRegion: true,
      logging: true,
      managementEvents: true,
      s3DataEvents: true,
      s3BucketName: `aws-cloudtrail-logs-${input.accountId}`,
    };
  }
  const firstRecord = input.records.map((record) => String(record.eventTime)).sort()[0];
  ensureIncidentResponder(state, firstRecord ?? '');
  return state;
}
