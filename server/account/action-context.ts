import type { z } from 'zod';
import type { PolicyRequest } from './policy-eval.js';
import type { Principal } from './principal.js';
import type { AccountState } from './state.js';

/** Ids a replayed record already fixed, so the model gets the ids the scripted story shows. */
export interface PresetIds {
  accessKeyId?: string;
  userId?: string;
  roleId?: string;
  instanceIds?: string[];
}

/** Inputs of an action handler. */
export interface ActionContext {
  state: AccountState;
  principal: Principal;
  region: string;
  /** Scenario time of the call (ISO 8601, UTC). */
  at: string;
  /** Seed for new resource ids, such as a created access key's. */
  idSeed: string;
  preset: PresetIds;
  /** Check a further permission the action needs, such as iam:PassRole; throws the service's denial. */
  requirePermission(request: PolicyRequest): void;
}

/** The outcome of an action, for the caller and for the CloudTrail record. */
export interface ActionResult {
  /** The API's response as the CLI prints it (PascalCase JSON). */
  response: Record<string, unknown>;
  /** One sentence per change to the account. */
  changes: string[];
  /** `requestParameters` as CloudTrail records them, when they differ from the call's params. */
  requestParameters?: Record<string, unknown> | null;
  /** `responseElements` as CloudTrail records them; null when omitted. */
  responseElements?: Record<string, unknown> | null;
  /** Bytes an S3 data event returned, for `additionalEventData.bytesTransferredOut`. */
  bytesTransferredOut?: number;
}

/** One API action: the permission it needs and what it does to the model. */
export interface ActionDefinition {
  readOnly: boolean;
  /** True for S3 object-level calls, which trails record only with S3 data events on. */
  dataEvent?: boolean;
  /** The IAM action and resource to authorize, or null for calls that need no permission. */
  permission(context: ActionContext, params: never): PolicyRequest | null;
  run(context: ActionContext, params: never): ActionResult;
  /** CloudTrail `requestParameters` for a call that failed before `run` produced them. */
  requestParameters?(context: ActionContext, params: never): Record<string, unknown> | null;
}

/** Define an action whose handlers receive the parameters its schema parsed. */
export function defineAction<S extends z.ZodType>(
  _schema: S,
  definition: {
    readOnly: boolean;
    dataEvent?: boolean;
    permission(context: ActionContext, params: z.infer<S>): PolicyRequest | null;
    run(context: ActionContext, params: z.infer<S>): ActionResult;
    requestParameters?(context: ActionContext, params: z.infer<S>): Record<string, unknown> | null;
  },
): ActionDefinition {
  return definition as ActionDefinition;
}
