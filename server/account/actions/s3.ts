import { ActionParams } from '../action-params.js';
import { defineAction, type ActionContext, type ActionDefinition } from '../action-context.js';
import { bucketArn, objectArn } from '../arns.js';
import { AwsError } from '../aws-error.js';
import type { BucketState } from '../state.js';

/**
 * S3 buckets and objects. GetObject and ListObjects are data events; the bucket policy and
 * public access block calls are management events. Request parameters carry the `Host` header
 * as CloudTrail records it for S3.
 */
const P = ActionParams.s3;

function requireBucket(context: ActionContext, bucketName: string): BucketState {
  const bucket = Object.hasOwn(context.state.buckets, bucketName) ? context.state.buckets[bucketName] : undefined;
  if (!bucket) throw new AwsError('NoSuchBucket', 'The specified bucket does not exist');
  return bucket;
}

function host(context: ActionContext, bucketName: string): string {
  const bucket = Object.hasOwn(context.state.buckets, bucketName) ? context.state.buckets[bucketName] : undefined;
  return `${bucketName}.s3.${bucket?.region ?? context.region}.amazonaws.com`;
}

/** CloudTrail requestParameters of a bucket call: the bucket, the Host header and the call's own fields. */
function bucketParameters(context: ActionContext, bucketName: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { bucketName, Host: host(context, bucketName), ...extra };
}

const PublicAccessBlockFields = ['blockPublicAcls', 'ignorePublicAcls', 'blockPublicPolicy', 'restrictPublicBuckets'] as const;

export const s3Actions: Record<string, ActionDefinition> = {
  ListBuckets: defineAction(P.ListBuckets, {
    readOnly: true,
    permission: () => ({ action: 's3:ListAllMyBuckets', resource: '*' }),
    requestParameters: () => ({ Host: 's3.amazonaws.com' }),
    run(context) {
      const buckets = Object.values(context.state.buckets).map((bucket) => ({ Name: bucket.name }));
      return { response: { Buckets: buckets, Owner: { ID: context.state.accountId } }, changes: [] };
    },
  }),

  ListObjects: defineAction(P.ListObjects, {
    readOnly: true,
    dataEvent: true,
    permission: (_context, params) => ({ action: 's3:ListBucket', resource: bucketArn(params.bucketName) }),
    requestParameters: (context, params) => bucketParameters(context, params.bucketName, { 'list-type': '2', 'encoding-type': 'url', prefix: params.prefix ?? '' }),
    run(context, params) {
      const bucket = requireBucket(context, params.bucketName);
      const prefix = params.prefix ?? '';
      const contents = bucket.objects.filter((object) => object.key.startsWith(prefix)).map((object) => ({ Key: object.key, Size: object.size }));
      return {
        response: { Name: bucket.name, Prefix: prefix, KeyCount: contents.length, Contents: contents },
        bytesTransferredOut: 200 + contents.length * 120,
        changes: [],
      };
    },
  }),

  GetObject: defineAction(P.GetObject, {
    readOnly: true,
    dataEvent: true,
    permission: (_context, params) => ({ action: 's3:GetObject', resource: objectArn(params.bucketName, params.key) }),
    requestParameters: (context, params) => bucketParameters(context, params.bucketName, { key: params.key }),
    run(context, params) {
      const bucket = requireBucket(context, params.bucketName);
      const object = bucket.objects.find((item) => item.key === params.key);
      if (!object) throw new AwsError('NoSuchKey', 'The specified key does not exist.');
      return {
        response: { ContentLength: object.size, ContentType: 'binary/octet-stream' },
        bytesTransferredOut: object.size,
        changes: [],
      };
    },
  }),

  GetBucketPolicy: defineAction(P.GetBucketPolicy, {
    readOnly: true,
    permission: (_context, params) => ({ action: 's3:GetBucketPolicy', resource: bucketArn(params.bucketName) }),
    requestParameters: (context, params) => bucketParameters(context, params.bucketName, { policy: '' }),
    run(context, params) {
      const bucket = requireBucket(context, params.bucketName);
      if (!bucket.policy) throw new AwsError('NoSuchBucketPolicy', 'The bucket policy does not exist');
      return { response: { Policy: JSON.stringify(bucket.policy) }, changes: [] };
    },
  }),

  PutBucketPolicy: defineAction(P.PutBucketPolicy, {
    readOnly: false,
    permission: (_context, params) => ({ action: 's3:PutBucketPolicy', resource: bucketArn(params.bucketName) }),
    requestParameters: (context, params) => bucketParameters(context, params.bucketName, { bucketPolicy: params.policy }),
    run(context, params) {
      const bucket = requireBucket(context, params.bucketName);
      bucket.policy = params.policy;
      return { response: {}, changes: [`The bucket policy of ${bucket.name} was replaced.`] };
    },
  }),

  DeleteBucketPolicy: defineAction(P.DeleteBucketPolicy, {
    readOnly: false,
    permission: (_context, params) => ({ action: 's3:DeleteBucketPolicy', resource: bucketArn(params.bucketName) }),
    requestParameters: (context, params) => bucketParameters(context, params.bucketName, { policy: '' }),
    run(context, params) {
      const bucket = requireBucket(context, params.bucketName);
      const had = bucket.policy !== null;
      bucket.policy = null;
      return { response: {}, changes: had ? [`The bucket policy of ${bucket.name} was deleted.`] : [] };
    },
  }),

  GetPublicAccessBlock: defineAction(P.GetPublicAccessBlock, {
    readOnly: true,
    permission: (_context, params) => ({ action: 's3:GetBucketPublicAccessBlock', resource: bucketArn(params.bucketName) }),
    requestParameters: (context, params) => bucketParameters(context, params.bucketName, { publicAccessBlock: '' }),
    run(context, params) {
      const bucket = requireBucket(context, params.bucketName);
      const block = bucket.publicAccessBlock;
      if (!block) throw new AwsError('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found');
      const configuration = {
        BlockPublicAcls: block.blockPublicAcls,
        IgnorePublicAcls: block.ignorePublicAcls,
        BlockPublicPolicy: block.blockPublicPolicy,
        RestrictPublicBuckets: block.restrictPublicBuckets,
      };
      return { response: { PublicAccessBlockConfiguration: configuration }, changes: [] };
    },
  }),

  PutPublicAccessBlock: defineAction(P.PutPublicAccessBlock, {
    readOnly: false,
    permission: (_context, params) => ({ action: 's3:PutBucketPublicAccessBlock', resource: bucketArn(params.bucketName) }),
    requestParameters: (context, params) => bucketParameters(context, params.bucketName, { publicAccessBlock: '', PublicAccessBlockConfiguration: publicAccessBlockRecord(params) }),
    run(context, params) {
      const bucket = requireBucket(context, params.bucketName);
      bucket.publicAccessBlock = { blockPublicAcls: params.blockPublicAcls, ignorePublicAcls: params.ignorePublicAcls, blockPublicPolicy: params.blockPublicPolicy, restrictPublicBuckets: params.restrictPublicBuckets };
      const allOn = PublicAccessBlockFields.every((field) => params[field]);
      return { response: {}, changes: [`Public access to bucket ${bucket.name} is now ${allOn ? 'fully blocked' : 'partly allowed'}.`] };
    },
  }),

  DeletePublicAccessBlock: defineAction(P.DeletePublicAccessBlock, {
    readOnly: false,
    permission: (_context, params) => ({ action: 's3:PutBucketPublicAccessBlock', resource: bucketArn(params.bucketName) }),
    requestParameters: (context, params) => bucketParameters(context, params.bucketName, { publicAccessBlock: '' }),
    run(context, params) {
      const bucket = requireBucket(context, params.bucketName);
      const had = bucket.publicAccessBlock !== null;
      bucket.publicAccessBlock = null;
      return { response: {}, changes: had ? [`The public access block of bucket ${bucket.name} was removed.`] : [] };
    },
  }),
};

function publicAccessBlockRecord(params: Record<(typeof PublicAccessBlockFields)[number], boolean>): Record<string, unknown> {
  return {
    xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/',
    BlockPublicAcls: params.blockPublicAcls,
    IgnorePublicAcls: params.ignorePublicAcls,
    BlockPublicPolicy: params.blockPublicPolicy,
    RestrictPublicBuckets: params.restrictPublicBuckets,
  };
}
