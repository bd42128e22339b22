import type { BuildResult, OptionValues, ServiceSpec } from '../command-spec.js';
import { jsonOption, stringOption } from '../command-spec.js';
import { booleanOf, isPlainObject, jsonObjectValue, jsonOrShorthandValue, stringValue } from './values.js';

const BLOCK_SETTINGS = {
  BlockPublicAcls: 'blockPublicAcls',
  IgnorePublicAcls: 'ignorePublicAcls',
  BlockPublicPolicy: 'blockPublicPolicy',
  RestrictPublicBuckets: 'restrictPublicBuckets',
} as const;

function blockError(reason: string): BuildResult {
  return { ok: false, error: `Error parsing parameter '--public-access-block-configuration': ${reason}` };
}

/** Read the four settings; like S3, a setting left out is false. */
function buildPublicAccessBlock(values: OptionValues, params: Record<string, unknown>): BuildResult {
  const parsed = jsonOrShorthandValue('public-access-block-configuration', stringValue(values, 'public-access-block-configuration') ?? '');
  if (!parsed.ok) return parsed;
  if (!isPlainObject(parsed.value)) {
    return blockError('expected settings such as BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true.');
  }

  const names = Object.keys(BLOCK_SETTINGS);
  const settings: Record<string, boolean> = {};
  for (const [key, value] of Object.entries(parsed.value)) {
    if (!Object.hasOwn(BLOCK_SETTINGS, key)) return blockError(`unknown setting ${key}; valid settings are ${names.join(', ')}.`);
    const flag = booleanOf(value);
    if (flag === undefined) return blockError(`${key} must be true or false, not ${JSON.stringify(value)}.`);
    settings[BLOCK_SETTINGS[key as keyof typeof BLOCK_SETTINGS]] = flag;
  }

  const complete = Object.fromEntries(Object.values(BLOCK_SETTINGS).map((param) => [param, settings[param] ?? false]));
  return { ok: true, params: { ...params, ...complete } };
}

function buildBucketPolicy(values: OptionValues, params: Record<string, unknown>): BuildResult {
  const parsed = jsonObjectValue(values, 'policy');
  if (!parsed.ok) return parsed;
  return { ok: true, params: { ...params, policy: parsed.value } };
}

const bucket = stringOption('bucket', 'bucketName', 'Name of the bucket.', true);

export const s3apiService: ServiceSpec = {
  name: 's3api',
  service: 's3',
  summary: 'S3 buckets, bucket policies and public access blocks.',
  commands: [
    { name: 'list-buckets', action: 'ListBuckets', summary: 'List the buckets of the account.', options: [] },
    { name: 'get-bucket-policy', action: 'GetBucketPolicy', summary: "Show a bucket's policy.", options: [bucket] },
    {
      name: 'put-bucket-policy',
      action: 'PutBucketPolicy',
      summary: "Replace a bucket's policy.",
      silent: true,
      options: [bucket, jsonOption('policy', 'Bucket policy as inline JSON in single quotes.')],
      build: buildBucketPolicy,
    },
    { name: 'delete-bucket-policy', action: 'DeleteBucketPolicy', summary: "Delete a bucket's policy.", silent: true, options: [bucket] },
    { name: 'get-public-access-block', action: 'GetPublicAccessBlock', summary: "Show a bucket's public access block.", options: [bucket] },
    {
      name: 'put-public-access-block',
      example: 'aws s3api put-public-access-block --bucket my-bucket --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
      action: 'PutPublicAccessBlock',
      summary: 'Block public access to a bucket.',
      silent: true,
      options: [
        bucket,
        {
          name: 'public-access-block-configuration',
          kind: 'string',
          required: true,
          placeholder: '<json|shorthand>',
          help: 'Settings as JSON or shorthand, such as BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true; a setting left out is false.',
        },
      ],
      build: buildPublicAccessBlock,
    },
    { name: 'delete-public-access-block', action: 'DeletePublicAccessBlock', summary: "Remove a bucket's public access block.", silent: true, options: [bucket] },
  ],
};
