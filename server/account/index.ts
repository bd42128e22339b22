/**
 * The simulated AWS account: seeding it from a scenario pack, replaying the scripted story,
 * running calls against it and listing targets for the red cell.
 */
export { seedAccount, DefaultTrailName, type SeedInput } from './seed.js';
export { IncidentResponderRole } from './seed-iam.js';
export { replayRecords } from './replay.js';
export { executeCall, recordRegionOf } from './execute.js';
export { redTargets } from './targets.js';
export { AwsError } from './aws-error.js';
export type { AccountState } from './state.js';
export type { ApiCall, CallContext, CallOutcome, CloudTrailRecord, Credentials, ExecuteCall, ServiceName } from './api-call.js';
export { ActionParams, actionSchema, eventSourceOf } from './action-params.js';
