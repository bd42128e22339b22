import { z } from 'zod';
import { Limits } from './limits.js';

/** Payload schemas of the requests that run an exercise: clock, teams, injects, hints, audit and invitations. */

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must contain only letters, digits, "-" and "_"');
const trimmed = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
/** Client-chosen key, so a request resent after a reconnect or a double click takes effect once. */
const idempotencyKey = z.string().min(8, 'must be at least 8 characters').max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'must contain only letters, digits and "_.:-"').optional();

export const PhaseAdvancePayload = z.strictObject({
  exerciseId: id,
  /**
   * Index of the phase the facilitator saw as current. When set and no longer current (another
   * facilitator or the schedule advanced first), the request is rejected instead of skipping a phase.
   */
  expectedPhaseIndex: z.number().int().min(-1).max(100).optional(),
});

export const ClockActionPayload = z.strictObject({ exerciseId: id, idempotencyKey });

export const ExerciseExtendPayload = z.strictObject({
  exerciseId: id,
  /** Minutes added to the planned length; negative to shorten it. */
  minutes: z
    .number()
    .int('must be a whole number of minutes')
    .min(-Limits.extendMinutesMax)
    .max(Limits.extendMinutesMax)
    .refine((value) => value !== 0, 'must not be 0'),
  idempotencyKey,
});

export const ExerciseUpdatePayload = z
  .strictObject({
    exerciseId: id,
    name: trimmed(Limits.exerciseNameMaxLength).optional(),
    /** Members a team may have at most; null removes the limit. */
    teamSizeMax: z.number().int().min(1).max(Limits.teamSizeMax).nullable().optional(),
  })
  .refine((value) => value.name !== undefined || value.teamSizeMax !== undefined, { message: 'set name or teamSizeMax', path: ['name'] });

export const TeamCreatePayload = z.strictObject({ exerciseId: id, name: trimmed(Limits.teamNameMaxLength), idempotencyKey });
export const TeamRenamePayload = z.strictObject({ exerciseId: id, teamId: id, name: trimmed(Limits.teamNameMaxLength) });
export const TeamRemovePayload = z.strictObject({ exerciseId: id, teamId: id });
export const PlayerMovePayload = z.strictObject({ exerciseId: id, playerId: id, teamId: id });
export const PlayerRemovePayload = z.strictObject({ exerciseId: id, playerId: id });

export const InjectSendPayload = z.strictObject({
  exerciseId: id,
  /** The team to send to; omitted or null sends to every team. */
  teamId: id.nullable().optional(),
  message: trimmed(Limits.injectMessageMaxLength),
  /** A question teams answer in free text; omitted for a message only. */
  question: trimmed(Limits.injectQuestionMaxLength).optional(),
  maxPoints: z.number().int().min(0).max(10_000).default(0),
  idempotencyKey,
});

export const InjectAnswerPayload = z.strictObject({ injectId: id, answer: trimmed(Limits.injectAnswerMaxLength), idempotencyKey });

export const InjectAwardPayload = z.strictObject({
  exerciseId: id,
  answerId: id,
  /** Points for this answer, between 0 and the inject's maxPoints; a second award replaces the first. */
  points: z.number().int().min(0).max(10_000),
});

export const ScoreAdjustPayload = z.strictObject({
  exerciseId: id,
  teamId: id,
  /** Points to add, or to take away when negative; never zero. */
  points: z.number().int().min(-10_000).max(10_000).refine((points) => points !== 0, 'must not be zero'),
  reason: trimmed(500),
  idempotencyKey,
});

export const ScoreboardFreezePayload = z.strictObject({ exerciseId: id, frozen: z.boolean() });

export const TeamNotePayload = z.strictObject({ exerciseId: id, teamId: id, text: trimmed(4000), idempotencyKey });

export const HintOpenPayload = z.strictObject({ objectiveId: id, hintId: id, idempotencyKey });

export const AuditListPayload = z.strictObject({
  exerciseId: id,
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(Limits.auditPageSizeMax).default(100),
});

export const InviteRevokePayload = z.strictObject({ exerciseId: id, inviteId: id });

export const InviteCreatePayload = z.strictObject({ exerciseId: id, role: z.enum(['facilitator', 'observer', 'red']), label: trimmed(Limits.displayNameMaxLength) });

export type PhaseAdvancePayload = z.infer<typeof PhaseAdvancePayload>;
export type ClockActionPayload = z.infer<typeof ClockActionPayload>;
export type ExerciseExtendPayload = z.infer<typeof ExerciseExtendPayload>;
export type ExerciseUpdatePayload = z.infer<typeof ExerciseUpdatePayload>;
export type TeamCreatePayload = z.infer<typeof TeamCreatePayload>;
export type TeamRenamePayload = z.infer<typeof TeamRenamePayload>;
export type TeamRemovePayload = z.infer<typeof TeamRemovePayload>;
export type PlayerMovePayload = z.infer<typeof PlayerMovePayload>;
export type PlayerRemovePayload = z.infer<typeof PlayerRemovePayload>;
export type InjectSendPayload = z.input<typeof InjectSendPayload>;
export type InjectAnswerPayload = z.infer<typeof InjectAnswerPayload>;
export type InjectAwardPayload = z.infer<typeof InjectAwardPayload>;
export type HintOpenPayload = z.infer<typeof HintOpenPayload>;
export type AuditListPayload = z.input<typeof AuditListPayload>;
export type InviteCreatePayload = z.infer<typeof InviteCreatePayload>;
export type InviteRevokePayload = z.infer<typeof InviteRevokePayload>;
export type ScoreAdjustPayload = z.infer<typeof ScoreAdjustPayload>;
export type ScoreboardFreezePayload = z.infer<typeof ScoreboardFreezePayload>;
export type TeamNotePayload = z.infer<typeof TeamNotePayload>;
