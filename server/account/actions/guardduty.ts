import { ActionParams } from '../action-params.js';
import { defineAction, type ActionContext, type ActionDefinition } from '../action-context.js';
import { detectorArn } from '../arns.js';
import { AwsError } from '../aws-error.js';
import { hexIdFrom } from '../ids.js';
import type { DetectorState } from '../state.js';

/** GuardDuty detectors: one per region, which a caller may disable, delete or create again. */
const P = ActionParams.guardduty;

function requireDetector(context: ActionContext, detectorId: string): DetectorState {
  const detector = Object.hasOwn(context.state.detectors, detectorId) ? context.state.detectors[detectorId] : undefined;
  if (!detector || !detector.exists || detector.region !== context.region) {
    throw new AwsError('BadRequestException', 'The request is rejected because the input detectorId is not owned by the current account.');
  }
  return detector;
}

const resourceOf = (context: ActionContext, detectorId: string): string => detectorArn(context.state.accountId, context.region, detectorId);

export const guardDutyActions: Record<string, ActionDefinition> = {
  ListDetectors: defineAction(P.ListDetectors, {
    readOnly: true,
    permission: () => ({ action: 'guardduty:ListDetectors', resource: '*' }),
    run(context) {
      const ids = Object.values(context.state.detectors).filter((detector) => detector.exists && detector.region === context.region).map((detector) => detector.detectorId);
      return { response: { DetectorIds: ids }, requestParameters: null, changes: [] };
    },
  }),

  GetDetector: defineAction(P.GetDetector, {
    readOnly: true,
    permission: (context, params) => ({ action: 'guardduty:GetDetector', resource: resourceOf(context, params.detectorId) }),
    run(context, params) {
      const detector = requireDetector(context, params.detectorId);
      return { response: { Status: detector.status, FindingPublishingFrequency: 'SIX_HOURS', ServiceRole: `arn:aws:iam::${context.state.accountId}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty` }, changes: [] };
    },
  }),

  UpdateDetector: defineAction(P.UpdateDetector, {
    readOnly: false,
    permission: (context, params) => ({ action: 'guardduty:UpdateDetector', resource: resourceOf(context, params.detectorId) }),
    run(context, params) {
      const detector = requireDetector(context, params.detectorId);
      const status = params.enable ? 'ENABLED' : 'DISABLED';
      const changed = detector.status !== status;
      detector.status = status;
      return { response: {}, changes: changed ? [`GuardDuty detector ${detector.detectorId} in ${detector.region} is now ${status}.`] : [] };
    },
  }),

  DeleteDetector: defineAction(P.DeleteDetector, {
    readOnly: false,
    permission: (context, params) => ({ action: 'guardduty:DeleteDetector', resource: resourceOf(context, params.detectorId) }),
    run(context, params) {
      const detector = requireDetector(context, params.detectorId);
      detector.exists = false;
      return { response: {}, changes: [`GuardDuty detector ${detector.detectorId} in ${detector.region} was deleted.`] };
    },
  }),

  CreateDetector: defineAction(P.CreateDetector, {
    readOnly: false,
    permission: () => ({ action: 'guardduty:CreateDetector', resource: '*' }),
    run(context, params) {
      if (Object.values(context.state.detectors).some((detector) => detector.exists && detector.region === context.region)) {
        throw new AwsError('BadRequestException', 'The request is rejected because a detector already exists for the current account.');
      }
      const detectorId = hexIdFrom(context.idSeed, 'detector', 32);
      const status = params.enable ? 'ENABLED' : 'DISABLED';
      context.state.detectors[detectorId] = { detectorId, region: context.region, status, exists: true };
      return { response: { DetectorId: detectorId }, responseElements: { detectorId }, changes: [`GuardDuty detector ${detectorId} was created in ${context.region} (${status}).`] };
    },
  }),
};
