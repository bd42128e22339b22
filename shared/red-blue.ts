import { z } from 'zod';

/**
 * Red against blue: the red cell's moves, the blue teams' containment commands and the views
 * of both. The red cell is a role of its own, invited by a facilitator like an observer.
 */

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must contain only letters, digits, "-" and "_"');

/** MITRE ATT&CK tactic of a technique, in the order of the attack. */
export type RedTactic =
  | 'discovery'
  | 'credential-access'
  | 'privilege-escalation'
  | 'persistence'
  | 'defense-evasion'
  | 'exfiltration'
  | 'impact';

/** Kind of resource a technique parameter names, so the red console can offer the account's matching resources. */
export type TechniqueParamKind =
  | 'accessKey'
  | 'user'
  | 'role'
  | 'policyArn'
  | 'bucket'
  | 'instance'
  | 'securityGroup'
  | 'snapshot'
  | 'trail'
  | 'detector'
  | 'region'
  | 'instanceType'
  | 'text'
  | 'number';

export interface TechniqueParamView {
  name: string;
  label: string;
  kind: TechniqueParamKind;
  required: boolean;
  /** Value used when the red cell leaves the field empty. */
  defaultValue?: string;
  help?: string;
}

export interface TechniqueView {
  id: string;
  name: string;
  tactic: RedTactic;
  /** ATT&CK technique id and name, such as T1098.001 Account Manipulation: Additional Cloud Credentials. */
  mitre: { id: string; name: string };
  description: string;
  /** API calls the move makes, in order, such as `iam:CreateAccessKey`. */
  calls: string[];
  params: TechniqueParamView[];
  /** GuardDuty finding types the move may raise. */
  findingTypes: string[];
}

/** Resources of the account the red cell may pick from, as the attacker has found them. */
export interface RedTargets {
  accessKeys: { accessKeyId: string; userName: string }[];
  users: string[];
  roles: string[];
  policies: string[];
  buckets: string[];
  instances: string[];
  securityGroups: string[];
  snapshots: string[];
  trails: string[];
  detectors: string[];
  regions: string[];
}

export interface RedCatalog {
  techniques: TechniqueView[];
  targets: RedTargets;
  /** Attacker defaults for every move. */
  defaults: { sourceIpAddress: string; userAgent: string };
  control: RedControl;
  /** Teams the red cell may aim a move at. Without this list the red console offers only "All teams". */
  teams?: { id: string; name: string }[];
}

/** `auto`: moves apply at once. `approve`: each waits for a facilitator. */
export interface RedControl {
  mode: 'auto' | 'approve';
  paused: boolean;
}

export type RedMoveStatus = 'awaiting-approval' | 'applied' | 'rejected';

/** Result of one move in one team's copy of the account. */
export interface RedMoveTeamResult {
  teamId: string;
  /** Each call's outcome: event name, error code (null on success) and the CloudTrail event id (null when no trail recorded it). */
  calls: { action: string; errorCode: string | null; eventId: string | null }[];
  /** Finding types raised, with the scenario time they reach GuardDuty. */
  findings: { id: string; type: string; dueAt: string }[];
  /** Set when a team put one of the move's events on its timeline, or contained it. */
  detectedAt: string | null;
  containedAt: string | null;
}

export interface RedMoveView {
  id: string;
  techniqueId: string;
  techniqueName: string;
  mitreId: string;
  params: Record<string, string>;
  /** The team the move is aimed at; null for every team. */
  teamId: string | null;
  status: RedMoveStatus;
  requestedAt: string;
  /** Scenario time at which the calls were made; null until applied. */
  scenarioTime: string | null;
  results: RedMoveTeamResult[];
}

export interface RedState {
  /** The exercise of the state, so a facilitator who watches several exercises applies each update to the right one. */
  exerciseId?: string;
  control: RedControl;
  moves: RedMoveView[];
  /** The red cell's points. */
  score: number;
}

/** Result of one containment command, shaped like the CLI's output. */
export interface ContainmentResult {
  id: string;
  command: string;
  ok: boolean;
  /** JSON the CLI would print on success (may be empty), or the CLI's error text on failure. */
  output: string;
  errorCode: string | null;
  eventId: string | null;
  /** Points the command earned or cost the team. */
  points: number;
  /** Reason for the points, for people. */
  reason: string | null;
  at: string;
  scenarioTime: string | null;
  by: string;
}

export const RedMovePayload = z.strictObject({
  techniqueId: id,
  params: z.record(z.string().min(1).max(64), z.string().max(2_048)).refine((params) => Object.keys(params).length <= 20, 'must have at most 20 parameters'),
  /** Aim at one team's copy of the account; leave out for every team. */
  teamId: id.optional(),
});
export type RedMovePayload = z.infer<typeof RedMovePayload>;

export const RedDecisionPayload = z.strictObject({ exerciseId: id, moveId: id, approve: z.boolean() });
export type RedDecisionPayload = z.infer<typeof RedDecisionPayload>;

export const RedControlPayload = z.strictObject({ exerciseId: id, mode: z.enum(['auto', 'approve']).optional(), paused: z.boolean().optional() });
export type RedControlPayload = z.infer<typeof RedControlPayload>;

export const ContainmentRunPayload = z.strictObject({
  command: z.string().trim().min(1, 'must not be empty; type an aws command such as aws iam list-access-keys').max(8_192),
});
export type ContainmentRunPayload = z.infer<typeof ContainmentRunPayload>;
