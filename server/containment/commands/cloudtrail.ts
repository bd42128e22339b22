import type { BuildResult, OptionValues, ServiceSpec } from '../command-spec.js';
import { jsonOption, stringOption } from '../command-spec.js';
import { booleanOf, isPlainObject, jsonOrShorthandValue, stringValue } from './values.js';

const SELECTOR_KEYS = ['ReadWriteType', 'IncludeManagementEvents', 'DataResources', 'ExcludeManagementEventSources'];
const READ_WRITE_TYPES = ['All', 'ReadOnly', 'WriteOnly'];
const S3_OBJECT_TYPE = 'AWS::S3::Object';

function selectorError(reason: string): BuildResult {
  return { ok: false, error: `Error parsing parameter '--event-selectors': ${reason}` };
}

/**
 * Read the subset of event selectors the simulated trail models: one selector with
 * ReadWriteType, IncludeManagementEvents and S3 object data events on or off.
 * NOTE: the bucket ARNs in DataResources Values are not kept; any S3 data resource turns S3 data
 * events on for every bucket.
 */
function buildEventSelectors(values: OptionValues, params: Record<string, unknown>): BuildResult {
  const parsed = jsonOrShorthandValue('event-selectors', stringValue(values, 'event-selectors') ?? '');
  if (!parsed.ok) return parsed;

  const selectors = Array.isArray(parsed.value) ? (parsed.value as unknown[]) : [parsed.value];
  if (selectors.length !== 1 || !isPlainObject(selectors[0])) {
    return selectorError('give exactly one selector, such as \'[{"ReadWriteType": "All", "IncludeManagementEvents": true}]\'.');
  }
  const selector = selectors[0];

  const unknown = Object.keys(selector).filter((key) => !SELECTOR_KEYS.includes(key));
  if (unknown.length > 0) return selectorError(`unknown key ${unknown.join(', ')}; the selector takes ${SELECTOR_KEYS.slice(0, 3).join(', ')}.`);
  const excluded = selector.ExcludeManagementEventSources;
  if (Array.isArray(excluded) && excluded.length > 0) return selectorError('ExcludeManagementEventSources is not simulated; leave it out.');

  const readWriteType = selector.ReadWriteType ?? 'All';
  if (typeof readWriteType !== 'string' || !READ_WRITE_TYPES.includes(readWriteType)) {
    return selectorError(`invalid ReadWriteType ${JSON.stringify(readWriteType)}; valid values are ${READ_WRITE_TYPES.join(', ')}.`);
  }
  const includeManagementEvents = booleanOf(selector.IncludeManagementEvents ?? true);
  if (includeManagementEvents === undefined) return selectorError('IncludeManagementEvents must be true or false.');

  const resources = selector.DataResources ?? [];
  if (!Array.isArray(resources)) return selectorError('DataResources must be a list, such as [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}].');
  for (const resource of resources as unknown[]) {
    if (!isPlainObject(resource) || resource.Type !== S3_OBJECT_TYPE) {
      return selectorError(`only data resources of Type ${S3_OBJECT_TYPE} are simulated.`);
    }
  }

  return { ok: true, params: { ...params, readWriteType, includeManagementEvents, s3DataEvents: resources.length > 0 } };
}

const trailName = stringOption('name', 'name', 'Name or ARN of the trail.', true);

export const cloudtrailService: ServiceSpec = {
  name: 'cloudtrail',
  service: 'cloudtrail',
  summary: 'Trails that record API activity.',
  commands: [
    { name: 'describe-trails', action: 'DescribeTrails', summary: 'List the trails and their settings.', options: [] },
    { name: 'get-trail-status', action: 'GetTrailStatus', summary: 'Show whether a trail is logging, and since when.', options: [trailName] },
    { name: 'start-logging', action: 'StartLogging', summary: 'Start a stopped trail.', silent: true, options: [trailName] },
    { name: 'stop-logging', action: 'StopLogging', summary: 'Stop a trail from recording.', silent: true, options: [trailName] },
    {
      name: 'put-event-selectors',
      example: `aws cloudtrail put-event-selectors --trail-name my-trail --event-selectors '[{"ReadWriteType": "All", "IncludeManagementEvents": true, "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}]}]'`,
      action: 'PutEventSelectors',
      summary: 'Choose which management and S3 data events a trail records.',
      options: [
        stringOption('trail-name', 'trailName', 'Name or ARN of the trail.', true),
        jsonOption('event-selectors', 'One selector with ReadWriteType, IncludeManagementEvents and DataResources (AWS::S3::Object).'),
      ],
      build: buildEventSelectors,
    },
  ],
};
