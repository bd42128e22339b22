import type { CloudTrailAttributes } from '../../../../shared/schemas.js';

export type AttributeKey = keyof CloudTrailAttributes;

/** An attribute the CloudTrail filter bar offers, in the console's order and wording. */
export interface AttributeOption {
  key: AttributeKey;
  label: string;
  /** Example value shown in the empty input. */
  placeholder: string;
}

export const attributeOptions: AttributeOption[] = [
  { key: 'eventName', label: 'Event name', placeholder: 'ListBuckets' },
  { key: 'userName', label: 'User name', placeholder: 'dev-deploy' },
  { key: 'accessKeyId', label: 'AWS access key', placeholder: 'AKIA…' },
  { key: 'sourceIPAddress', label: 'Source IP address', placeholder: '185.220.101.* (a trailing * matches a prefix)' },
  { key: 'eventSource', label: 'Event source', placeholder: 's3.amazonaws.com' },
  { key: 'resourceName', label: 'Resource name', placeholder: 'bucket name, instance id or ARN' },
  { key: 'readOnly', label: 'Read-only', placeholder: '' },
  { key: 'errorCode', label: 'Error code', placeholder: 'AccessDenied' },
];

export function attributeLabel(key: AttributeKey): string {
  return attributeOptions.find((option) => option.key === key)?.label ?? key;
}

/** Return a copy of `attributes` with `key` set to `value`, or without `key` when `value` is undefined. */
export function withAttribute(attributes: CloudTrailAttributes, key: AttributeKey, value: string | boolean | undefined): CloudTrailAttributes {
  const next: Record<string, string | boolean> = {};
  for (const [name, current] of Object.entries(attributes)) {
    if (name !== key && current !== undefined) next[name] = current;
  }
  if (value !== undefined) next[key] = value;
  return next as CloudTrailAttributes;
}
