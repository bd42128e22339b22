import type { AccountState } from '../../account/state.js';
import { apiCall, succeeded } from '../calls.js';
import { param } from '../params.js';
import { defineTechnique, type Technique } from '../technique.js';

const cloudLogs = { id: 'T1562.008', name: 'Impair Defenses: Disable or Modify Cloud Logs' };
const securityTools = { id: 'T1562.001', name: 'Impair Defenses: Disable or Modify Tools' };

function trailRegion(state: AccountState, trailName: string, fallback: string): string {
  return state.trails[trailName]?.homeRegion ?? fallback;
}

function detectorRegion(state: AccountState, detectorId: string, fallback: string): string {
  return state.detectors[detectorId]?.region ?? fallback;
}

export const stopLogging = defineTechnique({
  id: 'stop-cloudtrail-logging',
  name: 'Stop CloudTrail logging',
  tactic: 'defense-evasion',
  mitre: cloudLogs,
  description:
    'Stop a trail from recording. The StopLogging call itself is the last event the trail records; later calls leave no record until logging starts again. Contained once the trail logs again.',
  calls: ['cloudtrail:StopLogging'],
  params: { trail: param.trail({ label: 'Trail', help: 'Trail to stop.' }) },
  findingTypes: ['Stealth:IAMUser/CloudTrailLoggingDisabled', 'UnauthorizedAccess:IAMUser/TorIPCaller'],
  plan: (params, context) => [apiCall('cloudtrail', 'StopLogging', { name: params.trail }, trailRegion(context.state, params.trail, context.region))],
  isContained: (params, outcomes, state) => succeeded(outcomes, 'StopLogging').length === 0 || state.trails[params.trail]?.logging === true,
});

export const deleteTrail = defineTechnique({
  id: 'delete-cloudtrail-trail',
  name: 'Delete a CloudTrail trail',
  tactic: 'defense-evasion',
  mitre: cloudLogs,
  description:
    'Delete a trail outright. Logs already delivered stay in its bucket, but nothing new is recorded. Contained once another trail records management events again.',
  calls: ['cloudtrail:DeleteTrail'],
  params: { trail: param.trail({ label: 'Trail', help: 'Trail to delete.' }) },
  findingTypes: ['Stealth:IAMUser/CloudTrailLoggingDisabled', 'UnauthorizedAccess:IAMUser/TorIPCaller'],
  plan: (params, context) => [apiCall('cloudtrail', 'DeleteTrail', { name: params.trail }, trailRegion(context.state, params.trail, context.region))],
  // NOTE: the account model has no CreateTrail action, so only another logging trail contains a deletion.
  isContained: (_params, outcomes, state) =>
    succeeded(outcomes, 'DeleteTrail').length === 0 || Object.values(state.trails).some((trail) => trail.logging && trail.managementEvents),
});

export const disableDataEvents = defineTechnique({
  id: 'disable-s3-data-events',
  name: 'Turn off S3 data events',
  tactic: 'defense-evasion',
  mitre: cloudLogs,
  description:
    'Rewrite a trail\'s event selectors to keep management events but drop S3 data events, so later GetObject calls leave no record. Quieter than stopping the trail. Contained once data events are on again.',
  calls: ['cloudtrail:PutEventSelectors'],
  params: { trail: param.trail({ label: 'Trail', help: 'Trail to change.' }) },
  findingTypes: ['DefenseEvasion:IAMUser/AnomalousBehavior', 'UnauthorizedAccess:IAMUser/TorIPCaller'],
  plan: (params, context) => [
    apiCall('cloudtrail', 'PutEventSelectors', { trailName: params.trail, readWriteType: 'All', includeManagementEvents: true, s3DataEvents: false }, trailRegion(context.state, params.trail, context.region)),
  ],
  isContained: (params, outcomes, state) => succeeded(outcomes, 'PutEventSelectors').length === 0 || state.trails[params.trail]?.s3DataEvents === true,
});

export const disableDetector = defineTechnique({
  id: 'disable-guardduty',
  name: 'Suspend GuardDuty',
  tactic: 'defense-evasion',
  mitre: securityTools,
  description:
    'Suspend the GuardDuty detector of a region. While it is suspended, later moves raise no finding there. Contained once the detector is enabled again.',
  calls: ['guardduty:UpdateDetector'],
  params: { detectorId: param.detector({ label: 'Detector', help: 'Detector to suspend.' }) },
  findingTypes: [],
  plan: (params, context) => [apiCall('guardduty', 'UpdateDetector', { detectorId: params.detectorId, enable: false }, detectorRegion(context.state, params.detectorId, context.region))],
  isContained: (params, outcomes, state) => {
    if (succeeded(outcomes, 'UpdateDetector').length === 0) return true;
    const detector = state.detectors[params.detectorId];
    return detector?.exists === true && detector.status === 'ENABLED';
  },
});

export const deleteDetector = defineTechnique({
  id: 'delete-guardduty',
  name: 'Delete the GuardDuty detector',
  tactic: 'defense-evasion',
  mitre: securityTools,
  description:
    'Delete the GuardDuty detector of a region, which also deletes its findings. Contained once a new detector is enabled in that region.',
  calls: ['guardduty:DeleteDetector'],
  params: { detectorId: param.detector({ label: 'Detector', help: 'Detector to delete.' }) },
  findingTypes: [],
  plan: (params, context) => [apiCall('guardduty', 'DeleteDetector', { detectorId: params.detectorId }, detectorRegion(context.state, params.detectorId, context.region))],
  isContained: (_params, outcomes, state) =>
    succeeded(outcomes, 'DeleteDetector').every((outcome) =>
      Object.values(state.detectors).some((detector) => detector.region === outcome.call.region && detector.exists && detector.status === 'ENABLED'),
    ),
});

export const defenseEvasionTechniques: Technique[] = [stopLogging, deleteTrail, disableDataEvents, disableDetector, deleteDetector];
