import { isIP } from 'node:net';
import { z } from 'zod';
import type { TechniqueParamKind, TechniqueParamView } from '../../shared/red-blue.js';

/**
 * Typed technique parameters. The red console sends every value as a string; each parameter's
 * schema checks that string and turns it into the value a technique plans with.
 */
export interface ParamSpec<T = unknown> {
  label: string;
  kind: TechniqueParamKind;
  required: boolean;
  /** Used when the red cell leaves the field empty; parsed like a typed value. */
  defaultValue?: string;
  help?: string;
  schema: z.ZodType<T, string>;
}

/** Values of a technique's parameters after parsing; optional ones may be undefined. */
export type ParamValues<S extends Record<string, ParamSpec>> = {
  [K in keyof S]: S[K]['required'] extends true ? z.output<S[K]['schema']> : z.output<S[K]['schema']> | undefined;
};

type Options = { label: string; help?: string; defaultValue?: string };

function spec<T, R extends boolean>(kind: TechniqueParamKind, required: R, schema: z.ZodType<T, string>, options: Options): ParamSpec<T> & { required: R } {
  return { kind, required, schema, ...options };
}

// Name rules from the IAM, S3, EC2 and CloudTrail API references.
const iamName = z.string().regex(/^[\w+=,.@-]{1,64}$/, 'must be an IAM name of 1 to 64 letters, digits or +=,.@_-');
const accessKeyId = z.string().regex(/^(AKIA|ASIA)[A-Z0-9]{12,124}$/, 'must be an access key id such as AKIAIOSFODNN7EXAMPLE');
const policyArn = z.string().regex(/^arn:aws:iam::(aws|\d{12}):policy\/[\w+=,.@/-]{1,128}$/, 'must be a managed policy ARN such as arn:aws:iam::aws:policy/AdministratorAccess');
const bucketName = z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name of 3 to 63 lowercase letters, digits, dots or hyphens');
const instanceId = z.string().regex(/^i-[0-9a-f]{8,17}$/, 'must be an EC2 instance id such as i-0abcd1234ef567890');
const snapshotId = z.string().regex(/^snap-[0-9a-f]{8,17}$/, 'must be an EBS snapshot id such as snap-0abcd1234ef567890');
const trailName = z.string().regex(/^[A-Za-z0-9][\w.-]{2,127}$/, 'must be a trail name of 3 to 128 letters, digits, periods, underscores or hyphens');
const detectorId = z.string().regex(/^[a-z0-9]{1,300}$/, 'must be a GuardDuty detector id of lowercase letters and digits');
const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as us-east-1');
const instanceType = z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, 'must be an EC2 instance type such as g4dn.xlarge');
const accountId = z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id');
const imageId = z.string().regex(/^ami-[0-9a-f]{8,17}$/, 'must be an AMI id such as ami-0abcd1234ef567890');

/** Builders of the parameter kinds the techniques use. */
export const param = {
  accessKey: (options: Options) => spec('accessKey', true, accessKeyId, options),
  user: <R extends boolean>(required: R, options: Options) => spec('user', required, iamName, options),
  role: (options: Options) => spec('role', true, iamName, options),
  group: (options: Options) => spec('text', true, iamName, options),
  policyArn: <R extends boolean>(required: R, options: Options) => spec('policyArn', required, policyArn, options),
  bucket: (options: Options) => spec('bucket', true, bucketName, options),
  instances: (options: Options) => spec('instance', true, instanceList, options),
  snapshot: (options: Options) => spec('snapshot', true, snapshotId, options),
  trail: (options: Options) => spec('trail', true, trailName, options),
  detector: (options: Options) => spec('detector', true, detectorId, options),
  region: <R extends boolean>(required: R, options: Options) => spec('region', required, region, options),
  instanceType: (options: Options) => spec('instanceType', true, instanceType, options),
  accountId: (options: Options) => spec('text', true, accountId, options),
  imageId: (options: Options) => spec('text', true, imageId, options),
  text: <R extends boolean>(required: R, max: number, options: Options) => spec('text', required, z.string().max(max, `must be at most ${max} characters`), options),
  count: (min: number, max: number, options: Options) => spec('number', true, integerIn(min, max), options),
  yesNo: (options: Options) => spec('text', true, yesNo, options),
};

/** Comma- or space-separated EC2 instance ids, at most 100 as TerminateInstances takes. */
const instanceList = z
  .string()
  .transform((value) => value.split(/[\s,]+/).filter((part) => part.length > 0))
  .pipe(z.array(instanceId).min(1, 'must name at least one instance id').max(100, 'must name at most 100 instance ids'));

function integerIn(min: number, max: number): z.ZodType<number, string> {
  return z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
}

const yesNo = z.enum(['yes', 'no'], 'must be "yes" or "no"').transform((value) => value === 'yes');

/** Parameters every technique takes: the stolen credentials and where the calls come from. */
export const commonParams = {
  accessKey: param.accessKey({
    label: 'Access key',
    help: 'Access key id the calls are signed with, usually a stolen or backdoor key.',
  }),
  sourceIpAddress: spec('text', false, z.string().refine((value) => isIP(value) !== 0, 'must be an IPv4 or IPv6 address such as 185.220.101.45'), {
    label: 'Source IP',
    help: "Address the calls come from; empty for the scenario's attacker address.",
  }),
  userAgent: spec('text', false, z.string().min(1).max(256, 'must be at most 256 characters'), {
    label: 'User agent',
    help: "Client the calls claim to be; empty for the scenario's attacker client.",
  }),
};

/** Build the red console's view of each parameter, in declaration order. */
export function paramViews(specs: Record<string, ParamSpec>): TechniqueParamView[] {
  return Object.entries(specs).map(([name, item]) => {
    const view: TechniqueParamView = { name, label: item.label, kind: item.kind, required: item.required };
    if (item.defaultValue !== undefined) view.defaultValue = item.defaultValue;
    if (item.help !== undefined) view.help = item.help;
    return view;
  });
}

export interface ParamError {
  field: string;
  message: string;
}

/**
 * Parses the strings the red console sent. Empty strings count as left empty, so the default
 * applies. Returns every field's error, each naming the field and what to enter.
 */
export function parseParamValues(specs: Record<string, ParamSpec>, raw: Record<string, string>): { ok: true; values: Record<string, unknown> } | { ok: false; errors: ParamError[] } {
  const errors: ParamError[] = [];
  const values: Record<string, unknown> = {};

  for (const field of Object.keys(raw)) {
    if (!Object.hasOwn(specs, field)) {
      errors.push({ field, message: `${field} is not a parameter of this technique; use one of: ${Object.keys(specs).join(', ')}` });
    }
  }

  for (const [field, item] of Object.entries(specs)) {
    const value: unknown = Object.hasOwn(raw, field) ? raw[field] : undefined;
    const given = typeof value === 'string' ? value.trim() : '';
    const text = given === '' ? item.defaultValue : given;
    if (text === undefined) {
      if (item.required) errors.push({ field, message: `${field} is missing: enter the ${item.label.toLowerCase()}` });
      continue;
    }
    const parsed = item.schema.safeParse(text);
    if (parsed.success) {
      values[field] = parsed.data;
    } else {
      errors.push({ field, message: `${field} "${text.slice(0, 80)}" ${parsed.error.issues[0]?.message ?? 'is invalid'}` });
    }
  }

  return errors.length === 0 ? { ok: true, values } : { ok: false, errors };
}
