import { ActionParams } from '../action-params.js';
import { defineAction, type ActionContext, type ActionDefinition } from '../action-context.js';
import { parseTrailArn, trailArn } from '../arns.js';
import { AwsError } from '../aws-error.js';
import type { TrailState } from '../state.js';

/**
 * CloudTrail trails: describing them, stopping and starting logging, deleting and changing event
 * selectors. Calls that change a trail must come from its home region, as CloudTrail requires.
 */
const P = ActionParams.cloudtrail;

/** Find a trail by name or ARN, or throw CloudTrail's TrailNotFoundException. */
export function findTrail(context: ActionContext, nameOrArn: string): TrailState {
  const parsed = parseTrailArn(nameOrArn);
  const name = parsed && parsed.accountId === context.state.accountId ? parsed.name : nameOrArn;
  const trail = Object.hasOwn(context.state.trails, name) ? context.state.trails[name] : undefined;
  if (!trail) throw new AwsError('TrailNotFoundException', `Unknown trail: ${nameOrArn} for the user: ${context.state.accountId}`);
  return trail;
}

function changeableTrail(context: ActionContext, nameOrArn: string): TrailState {
  const trail = findTrail(context, nameOrArn);
  if (trail.homeRegion !== context.region) {
    throw new AwsError('InvalidHomeRegionException', `This operation must be called from the trail's home region, ${trail.homeRegion}.`);
  }
  return trail;
}

function resourceOf(context: ActionContext, nameOrArn: string): string {
  if (parseTrailArn(nameOrArn)) return nameOrArn;
  const trail = Object.hasOwn(context.state.trails, nameOrArn) ? context.state.trails[nameOrArn] : undefined;
  return trail?.arn ?? trailArn(context.state.accountId, context.region, nameOrArn);
}

function trailView(trail: TrailState): Record<string, unknown> {
  return {
    Name: trail.name,
    S3BucketName: trail.s3BucketName,
    IncludeGlobalServiceEvents: true,
    IsMultiRegionTrail: trail.isMultiRegion,
    HomeRegion: trail.homeRegion,
    TrailARN: trail.arn,
    LogFileValidationEnabled: true,
    HasCustomEventSelectors: trail.s3DataEvents || !trail.managementEvents,
    IsOrganizationTrail: false,
  };
}

export const cloudTrailActions: Record<string, ActionDefinition> = {
  DescribeTrails: defineAction(P.DescribeTrails, {
    readOnly: true,
    permission: () => ({ action: 'cloudtrail:DescribeTrails', resource: '*' }),
    requestParameters: () => ({ includeShadowTrails: true }),
    run(context) {
      const visible = Object.values(context.state.trails).filter((trail) => trail.isMultiRegion || trail.homeRegion === context.region);
      return { response: { trailList: visible.map(trailView) }, changes: [] };
    },
  }),

  GetTrailStatus: defineAction(P.GetTrailStatus, {
    readOnly: true,
    permission: (context, params) => ({ action: 'cloudtrail:GetTrailStatus', resource: resourceOf(context, params.name) }),
    run(context, params) {
      const trail = findTrail(context, params.name);
      return { response: { IsLogging: trail.logging }, changes: [] };
    },
  }),

  StopLogging: defineAction(P.StopLogging, {
    readOnly: false,
    permission: (context, params) => ({ action: 'cloudtrail:StopLogging', resource: resourceOf(context, params.name) }),
    run(context, params) {
      const trail = changeableTrail(context, params.name);
      const was = trail.logging;
      trail.logging = false;
      return { response: {}, changes: was ? [`Trail ${trail.name} stopped logging.`] : [] };
    },
  }),

  StartLogging: defineAction(P.StartLogging, {
    readOnly: false,
    permission: (context, params) => ({ action: 'cloudtrail:StartLogging', resource: resourceOf(context, params.name) }),
    run(context, params) {
      const trail = changeableTrail(context, params.name);
      const was = trail.logging;
      trail.logging = true;
      return { response: {}, changes: was ? [] : [`Trail ${trail.name} started logging again.`] };
    },
  }),

  DeleteTrail: defineAction(P.DeleteTrail, {
    readOnly: false,
    permission: (context, params) => ({ action: 'cloudtrail:DeleteTrail', resource: resourceOf(context, params.name) }),
    run(context, params) {
      const trail = changeableTrail(context, params.name);
      delete context.state.trails[trail.name];
      return { response: {}, changes: [`Trail ${trail.name} was deleted.`] };
    },
  }),

  PutEventSelectors: defineAction(P.PutEventSelectors, {
    readOnly: false,
    permission: (context, params) => ({ action: 'cloudtrail:PutEventSelectors', resource: resourceOf(context, params.trailName) }),
    requestParameters: (_context, params) => ({ trailName: params.trailName, eventSelectors: [eventSelector(params)] }),
    run(context, params) {
      const trail = changeableTrail(context, params.trailName);
      trail.managementEvents = params.includeManagementEvents;
      trail.s3DataEvents = params.s3DataEvents;
      const describe = (on: boolean): string => (on ? 'on' : 'off');
      return {
        response: { TrailARN: trail.arn, EventSelectors: [eventSelector(params)] },
        responseElements: { trailARN: trail.arn, eventSelectors: [eventSelector(params)] },
        changes: [`Trail ${trail.name} now records management events ${describe(trail.managementEvents)} and S3 data events ${describe(trail.s3DataEvents)}.`],
      };
    },
  }),
};

function eventSelector(params: { readWriteType: string; includeManagementEvents: boolean; s3DataEvents: boolean }): Record<string, unknown> {
  return {
    readWriteType: params.readWriteType,
    includeManagementEvents: params.includeManagementEvents,
    dataResources: params.s3DataEvents ? [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }] : [],
    excludeManagementEventSources: [],
  };
}
