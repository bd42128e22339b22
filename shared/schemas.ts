import { z } from 'zod';
import { Limits } from './limits.js';

/** Payload schemas for every client-to-server message. The server parses each payload with these before use. */

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must contain only letters, digits, "-" and "_"');
const trimmed = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const ExerciseCreatePayload = z.strictObject({
  scenarioId: id,
  name: trimmed(Limits.exerciseNameMaxLength),
  teams: z.array(trimmed(Limits.teamNameMaxLength)).min(1).max(Limits.teamsPerExerciseMax),
});

export const ExerciseRefPayload = z.strictObject({ exerciseId: id });

/** A team of an exercise, named by a facilitator. */
export const TeamRefPayload = z.strictObject({ exerciseId: id, teamId: id });

const cloudTrailValue = z
  .string()
  .trim()
  .min(1, 'must not be empty; remove the filter instead')
  .max(Limits.cloudTrailFilterValueMaxLength, `must be at most ${Limits.cloudTrailFilterValueMaxLength} characters`);

/**
 * Attribute filters of the CloudTrail browser, combined with AND. Text values match exactly and
 * case-sensitively, or as a prefix when they end in `*` (`185.220.101.*`). `resourceName` matches
 * a resource's ARN or the name after the ARN's last `:` or `/`.
 */
export const CloudTrailAttributes = z.strictObject({
  eventName: cloudTrailValue.optional(),
  userName: cloudTrailValue.optional(),
  accessKeyId: cloudTrailValue.optional(),
  sourceIPAddress: cloudTrailValue.optional(),
  eventSource: cloudTrailValue.optional(),
  resourceName: cloudTrailValue.optional(),
  readOnly: z.boolean({ error: 'must be true or false' }).optional(),
  errorCode: cloudTrailValue.optional(),
});

const cloudTrailTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time such as 2026-05-08T02:17:00Z' });

const cloudTrailSelection = {
  filter: z.enum(['all', 'iam', 's3', 'ec2', 'suspicious']).default('all'),
  attributes: CloudTrailAttributes.default({}),
};

/** Events in `[start, end]` (both inclusive, either may be left out), newest first, one window at a time. */
export const CloudTrailListPayload = z
  .strictObject({
    ...cloudTrailSelection,
    start: cloudTrailTime.optional(),
    end: cloudTrailTime.optional(),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(Limits.cloudTrailPageSizeMax).default(50),
  })
  .refine((payload) => !payload.start || !payload.end || Date.parse(payload.start) <= Date.parse(payload.end), {
    path: ['end'],
    error: 'must not be before start; swap the two times',
  });

/** Counts per time bucket of the events that match, over the whole released time span. */
export const CloudTrailHistogramPayload = z.strictObject(cloudTrailSelection);

export const CloudTrailGetPayload = z.strictObject({ eventId: z.string().min(1).max(128) });

export const QueryRunPayload = z.strictObject({
  sql: z.string().trim().min(1, 'must not be empty').max(Limits.sqlMaxLengthCeiling, `must be at most ${Limits.sqlMaxLengthCeiling} characters`),
  /** Client-chosen id of this run, so that `query:cancel` can name it. */
  queryId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must contain only letters, digits, "-" and "_"').optional(),
});

/** Cancel the caller's running query with this id, or every query of the caller when the id is omitted. */
export const QueryCancelPayload = z.strictObject({
  queryId: z.string().min(1).max(64).optional(),
});

export const ObjectiveSubmitPayload = z.strictObject({
  objectiveId: id,
  answer: trimmed(Limits.answerMaxLength),
  /** Client-chosen key so a resend after a reconnect or a double click is counted once. */
  idempotencyKey: z.string().min(8).max(64).optional(),
});

export const JoinPayload = z.strictObject({
  code: z.string().trim().toUpperCase().length(Limits.joinCodeLength, `must be ${Limits.joinCodeLength} characters`),
  displayName: trimmed(Limits.displayNameMaxLength),
  teamId: id,
});

export const JoinCodeParam = JoinPayload.shape.code;

export type ExerciseCreatePayload = z.infer<typeof ExerciseCreatePayload>;
export type ExerciseRefPayload = z.infer<typeof ExerciseRefPayload>;
export type TeamRefPayload = z.infer<typeof TeamRefPayload>;
export type CloudTrailListPayload = z.input<typeof CloudTrailListPayload>;
export type CloudTrailGetPayload = z.infer<typeof CloudTrailGetPayload>;
export type CloudTrailAttributes = z.infer<typeof CloudTrailAttributes>;
export type CloudTrailHistogramPayload = z.input<typeof CloudTrailHistogramPayload>;
/** The events a CloudTrail request selects: quick filter, attribute filters and an optional time range. */
export type CloudTrailCriteria = z.output<typeof CloudTrailHistogramPayload> & { start?: string; end?: string };
export type QueryRunPayload = z.infer<typeof QueryRunPayload>;
export type QueryCancelPayload = z.infer<typeof QueryCancelPayload>;
export type ObjectiveSubmitPayload = z.infer<typeof ObjectiveSubmitPayload>;
export type JoinPayload = z.infer<typeof JoinPayload>;
