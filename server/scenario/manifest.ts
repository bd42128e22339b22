import { z } from 'zod';

/**
 * The scenario manifest (`scenario.yaml`). Everything in it is untrusted input: packs can come
 * from anyone, so each field is bounded and data files must stay inside the pack folder.
 */

const isoTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time such as 2026-05-08T02:17:00Z' });
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and "-", at most 63 characters');
const relativeFile = z
  .string()
  .min(1)
  .max(200)
  .refine((p) => !p.startsWith('/') && !p.split(/[\\/]/).includes('..'), 'must be a path inside the pack folder');

const acceptList = z.array(z.string().min(1).max(200)).min(1).max(20);

export const ObjectiveCheck = z.discriminatedUnion('kind', [
  z.strictObject({
    /** Accepts any of the listed values, compared case-insensitively after trimming. */
    kind: z.literal('exact'),
    accept: acceptList,
  }),
  z.strictObject({
    /**
     * The answer is a list of values (separated by commas, spaces or new lines) that should
     * match `items`. Each right value earns its share of the points, each wrong value takes one
     * share away, and the objective is solved when all are right and none is wrong.
     */
    kind: z.literal('set'),
    items: z.array(z.string().min(1).max(200)).min(1).max(50),
  }),
  z.strictObject({
    /**
     * A verdict per item, written as `key: verdict` pairs. Each item may be named by any of
     * its `keys` (for example a finding id or its type).
     */
    kind: z.literal('verdicts'),
    items: z
      .array(z.strictObject({ keys: acceptList, verdict: z.enum(['malicious', 'benign']) }))
      .min(1)
      .max(50),
  }),
  z.strictObject({
    /**
     * Key events in order. Each step accepts any of its values (an event name or an eventID).
     * Credit is the longest run of steps given in the right order, less one step per value
     * that matches no step.
     */
    kind: z.literal('ordered'),
    steps: z.array(z.strictObject({ accept: acceptList })).min(2).max(30),
  }),
  z.strictObject({
    /**
     * Several facts in one free-text answer: a name, a count, a data volume. Each field found
     * in the answer earns its share of the points.
     */
    kind: z.literal('fields'),
    fields: z
      .array(
        z.discriminatedUnion('type', [
          z.strictObject({ type: z.literal('text'), label: z.string().min(1).max(80), accept: acceptList }),
          z.strictObject({
            type: z.literal('count'),
            label: z.string().min(1).max(80),
            value: z.number().int().min(0),
            /** Accepted relative error, 0.05 for 5 %. */
            tolerance: z.number().min(0).max(1).default(0),
          }),
          z.strictObject({
            type: z.literal('bytes'),
            label: z.string().min(1).max(80),
            value: z.number().int().min(0),
            tolerance: z.number().min(0).max(1).default(0.1),
          }),
        ]),
      )
      .min(1)
      .max(10),
  }),
  z.strictObject({
    /**
     * A written answer such as a report. Each group is met when the answer contains all terms of
     * any one of its alternatives. The objective is solved when `required` groups are met, and a
     * shorter answer earns the share of groups it meets.
     */
    kind: z.literal('keywords'),
    groups: z
      .array(
        z.strictObject({
          /** Shown to the team once the group is met, so it must not give away other groups. */
          label: z.string().min(1).max(120),
          anyOf: z.array(z.array(z.string().min(1).max(80)).min(1).max(5)).min(1).max(20),
        }),
      )
      .min(1)
      .max(20),
    required: z.number().int().min(1).max(20),
  }).refine((check) => check.required <= check.groups.length, { message: 'must not exceed the number of groups', path: ['required'] }),
]);

export const Hint = z.strictObject({
  id: slug,
  text: z.string().min(1).max(2000),
  /** Points deducted from the team when it opens the hint. */
  cost: z.number().int().min(0).max(10_000).default(0),
});

export const Objective = z.strictObject({
  id: slug,
  title: z.string().min(1).max(120),
  description: z.string().max(2000).default(''),
  /** Form of the expected answer, shown next to the input (for example "IAM user name"). */
  answerHint: z.string().max(200).default(''),
  points: z.number().int().min(0).max(10_000),
  /** Points deducted for each wrong answer. */
  penalty: z.number().int().min(0).max(10_000).default(0),
  /** Hints offered while the objective is open, in the order teams may open them. */
  hints: z.array(Hint).max(10).default([]),
  check: ObjectiveCheck,
  /** Extra points for the first team to solve the objective. */
  firstSolveBonus: z.number().int().min(0).max(10_000).optional(),
  /** Extra points for a team that solves the objective within `withinMinutes` of its phase's release. */
  timeBonus: z.strictObject({ points: z.number().int().min(0).max(10_000), withinMinutes: z.number().min(1).max(24 * 60) }).optional(),
});

export const Inject = z.strictObject({
  id: slug,
  /** Message shown to every team when the inject fires. */
  message: z.string().min(1).max(4000),
  /** Optional question teams answer in free text; the facilitator reads and scores the answers. */
  question: z.string().min(1).max(2000).optional(),
  /** Points the facilitator may award at most for an answer to the question. */
  maxPoints: z.number().int().min(0).max(10_000).default(0),
});

export const ReferenceNote = z.strictObject({
  title: z.string().min(1).max(120),
  /** Markdown text. */
  body: z.string().min(1).max(20_000),
  /**
   * 0-based index of the phase from whose release on participants see the note, so that a note
   * about a later event does not give it away; 0 shows it from the lobby on.
   */
  fromPhase: z.number().int().min(0).max(49).default(0),
});

export const NamedQuery = z.strictObject({
  id: slug,
  name: z.string().min(1).max(80),
  description: z.string().max(500).default(''),
  sql: z.string().min(1).max(20_000),
});

export const Phase = z.strictObject({
  id: slug,
  title: z.string().min(1).max(120),
  /** CloudTrail visibility horizon: teams see events up to and including this scenario time. */
  horizon: isoTime,
  /** GuardDuty finding ids released when the phase starts. */
  findings: z.array(z.string().min(1).max(128)).max(10_000).default([]),
  /** Objectives that become visible and answerable when the phase starts. */
  objectives: z.array(slug).max(100).default([]),
  /**
   * Planned exercise time, in minutes after the start, at which the phase is released by itself.
   * Without it the phase waits for the facilitator. The first phase is released at the start.
   */
  autoReleaseAtMinute: z.number().min(0).max(24 * 60).optional(),
  /** Injects sent to every team when the phase is released. */
  injects: z.array(Inject).max(20).default([]),
});

/** One step of the true attack chain, used by the after-action report to grade a team's timeline. */
export const AttackChainStep = z.strictObject({
  /** CloudTrail eventID or GuardDuty finding id. */
  eventId: z.string().min(1).max(128),
  label: z.string().min(1).max(200),
  /** MITRE ATT&CK technique id such as T1078.004. */
  technique: z.string().regex(/^T\d{4}(\.\d{3})?$/, 'must be a MITRE ATT&CK technique id such as T1078 or T1078.004'),
});

export const Manifest = z.strictObject({
  id: slug,
  title: z.string().min(1).max(120),
  summary: z.string().max(2000),
  account: z.strictObject({
    id: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id'),
    alias: z.string().max(63),
  }),
  primaryRegion: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'must be an AWS region such as us-east-1'),
  regions: z.array(z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/)).min(1).max(30),
  window: z.strictObject({ start: isoTime, end: isoTime }),
  brief: z.strictObject({
    summary: z.string().max(4000),
    environment: z.array(z.strictObject({ resource: z.string().max(80), detail: z.string().max(200) })).max(40),
    workflow: z.array(z.string().max(200)).max(20),
  }),
  data: z.strictObject({
    /** CloudTrail files in the delivery format: `{"Records": [...]}`. */
    cloudtrail: z.array(relativeFile).max(1000).default([]),
    /** GuardDuty files: a JSON array of findings as GetFindings returns them. */
    guardduty: z.array(relativeFile).max(100).default([]),
    /**
     * IAM snapshot at the start of the window, in the shape of `aws iam
     * get-account-authorization-details`. The state at a later time is this snapshot plus the
     * IAM changes CloudTrail records up to then.
     */
    iam: relativeFile.optional(),

    /** Deterministic background activity generated at load time. */
    background: z
      .strictObject({
        seed: z.number().int().min(0).max(2 ** 31 - 1),
        events: z.number().int().min(0).max(5_000_000),
      })
      .optional(),
  }),
  /**
   * `authored` packs are held to every consistency check. `imported` packs hold real logs as they
   * were recorded: validation then requires only eventTime, eventName and eventID on a record,
   * and does not require findings to match the CloudTrail data, since they often come from
   * elsewhere.
   */
  origin: z.enum(['authored', 'imported']).default('authored'),
  /** Planned length of the exercise in minutes; the facilitator can extend or shorten it. */
  durationMinutes: z.number().int().min(5).max(24 * 60).default(120),
  phases: z.array(Phase).min(1).max(50),
  objectives: z.array(Objective).max(100),
  /** Reference notes shown on the Reference tab. */
  reference: z.array(ReferenceNote).max(50).default([]),
  /** Named Athena queries offered as presets in the query tab. */
  queries: z.array(NamedQuery).max(50).default([]),
  /** The true attack chain in event-time order. Never sent to participants. */
  attackChain: z.array(AttackChainStep).max(200).optional(),
});

export type Manifest = z.infer<typeof Manifest>;
export type Objective = z.infer<typeof Objective>;
export type Phase = z.infer<typeof Phase>;
export type Hint = z.infer<typeof Hint>;
export type ObjectiveCheck = z.infer<typeof ObjectiveCheck>;
export type Inject = z.infer<typeof Inject>;

/** A CloudTrail record as AWS delivers it. Only the fields the engine indexes are typed. */
export type CloudTrailRecord = Record<string, unknown> & {
  eventVersion: string;
  eventTime: string;
  eventSource: string;
  eventName: string;
  awsRegion: string;
  eventID: string;
};
