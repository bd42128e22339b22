import { z } from 'zod';

/**
 * The IAM privilege graph of a scenario's account as a team may see it: the IAM snapshot taken at
 * the start of the scenario window, and the IAM changes that the released CloudTrail records.
 */

export type IamNodeKind = 'user' | 'group' | 'role' | 'policy' | 'accessKey';

/**
 * `escalated`: a user, group or role that gained an administrator-like policy after the snapshot.
 * `new`: an identity, policy or access key created after the snapshot.
 */
export type IamNodeFlag = 'escalated' | 'new';

export type IamEdgeKind = 'member-of' | 'attached' | 'inline-policy' | 'owns-key' | 'can-assume';

export interface IamNode {
  /** Stable across changes: `user:NAME`, `group:NAME`, `role:NAME`, `policy:ARN`, `inline:OWNER-ID/NAME` or `key:ACCESS-KEY-ID`. */
  id: string;
  kind: IamNodeKind;
  label: string;
  /** Facts shown in the details pane, such as the ARN, creation time or key status, in display order. */
  attributes: Record<string, string>;
  flags: IamNodeFlag[];
}

export interface IamEdge {
  /** `KIND:SOURCE>TARGET`, so one relation between two nodes is one edge. */
  id: string;
  kind: IamEdgeKind;
  source: string;
  target: string;
}

/** Operation of a replay step. Applying every operation of a change to the previous state gives the next state. */
export type IamGraphOperation =
  | { op: 'put-node'; node: IamNode }
  | { op: 'remove-node'; id: string }
  | { op: 'put-edge'; edge: IamEdge }
  | { op: 'remove-edge'; id: string };

/** A CloudTrail event that changed the graph. */
export interface IamChange {
  eventId: string;
  eventTime: string;
  eventName: string;
  eventSource: string;
  /** User name, role name or ARN of the caller. */
  actor: string;
  sourceIpAddress: string | null;
  /** One sentence for people, such as "dev-deploy attached AdministratorAccess to user dev-deploy". */
  summary: string;
  /** Nodes this event created, changed or removed. */
  nodeIds: string[];
  operations: IamGraphOperation[];
}

export interface IamGraphState {
  nodes: IamNode[];
  edges: IamEdge[];
}

export interface IamGraph {
  scenarioId: string;
  /** Time of the IAM snapshot that `initial` shows. */
  snapshotTime: string;
  /** Latest scenario time the team can see. Changes after it are not included. */
  horizon: string;
  /** The state at the snapshot. */
  initial: IamGraphState;
  /** Changes in CloudTrail order. The state after change k is `initial` with changes 0 to k applied in turn. */
  changes: IamChange[];
  /** The state after every change, the same as replaying all of them. */
  current: IamGraphState;
  /** True when there were more IAM events than one request reads, so the latest ones are missing. */
  truncated: boolean;
}

/** Payload of `iam:graph`. A participant may leave it out, and a facilitator names the exercise. */
export const IamGraphPayload = z
  .strictObject({ exerciseId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must contain only letters, digits, "-" and "_"').optional() })
  .optional();
export type IamGraphPayload = z.infer<typeof IamGraphPayload>;
