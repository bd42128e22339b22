/** Kind of an input JSON value, after any EventBridge envelope has been removed. */
export type Classified =
  | { kind: 'cloudtrail'; value: Record<string, unknown> }
  | { kind: 'finding'; value: Record<string, unknown> }
  | { kind: 'digest' }
  | { kind: 'unknown'; reason: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** GuardDuty finding types read `ThreatPurpose:ResourceType/ThreatFamily[.Variant][!Artifact]`. */
const FindingType = /^[A-Za-z]+:[A-Za-z0-9]+\/\S+$/;

function looksLikeFinding(value: Record<string, unknown>): boolean {
  const type = value.Type ?? value.type;
  return typeof type === 'string' && FindingType.test(type) && ('Severity' in value || 'severity' in value);
}

function looksLikeCloudTrail(value: Record<string, unknown>): boolean {
  // Hand-made test records may carry little more than an eventName, so that alone is enough.
  return 'eventVersion' in value || typeof value.eventName === 'string' || ('eventTime' in value && 'userIdentity' in value);
}

/**
 * Classifies one input value. EventBridge envelopes ("detail-type" with a "detail" object) are
 * unwrapped first: CloudTrail events arrive as "AWS API Call via CloudTrail" and similar, GuardDuty
 * findings as "GuardDuty Finding".
 */
export function classify(value: unknown): Classified {
  if (!isObject(value)) return { kind: 'unknown', reason: `expected a JSON object, found ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}` };
  if (typeof value['detail-type'] === 'string' && 'detail' in value) {
    const detail = value.detail;
    if (!isObject(detail)) return { kind: 'unknown', reason: 'EventBridge event without a detail object' };
    return classify(detail);
  }
  if ('digestStartTime' in value && 'logFiles' in value) return { kind: 'digest' };
  if (looksLikeFinding(value)) return { kind: 'finding', value };
  if (looksLikeCloudTrail(value)) return { kind: 'cloudtrail', value };
  return { kind: 'unknown', reason: 'neither a CloudTrail record nor a GuardDuty finding' };
}
