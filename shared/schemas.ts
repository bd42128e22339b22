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

export const CloudTrailListPayload = z.strictObject({
  filter: z.enum(['all', 'iam', 's3', 'ec2', 'suspicious']).default('all'),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(Limits.cloudTrailPageSizeMax).default(50),
});

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
export type QueryRunPayload = z.infer<typeof QueryRunPayload>;
export type QueryCancelPayload = z.infer<typeof QueryCancelPayload>;
export type ObjectiveSubmitPayload = z.infer<typeof ObjectiveSubmitPayload>;
export type JoinPayload = z.infer<typeof JoinPayload>;
