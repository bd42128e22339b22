import type { ApiCall, CallContext } from '../account/api-call.js';
import { ErrorCode, type ErrorBody } from '../../shared/errors.js';
import { parseParamValues } from './params.js';
import type { MoveParams, PlanContext, Technique } from './technique.js';

export type ParseMoveResult = { ok: true; params: MoveParams } | { ok: false; error: ErrorBody & { fields: { field: string; message: string }[] } };

/**
 * Parse the strings the red console sent for a technique into typed values. On failure the error
 * names the first field at fault; `fields` lists every field's problem.
 */
export function parseMoveParams(technique: Technique, raw: Record<string, string>): ParseMoveResult {
  const parsed = parseParamValues(technique.params, raw);
  if (parsed.ok) return { ok: true, params: parsed.values as MoveParams };

  const first = parsed.errors[0];
  const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : '';
  return {
    ok: false,
    error: { code: ErrorCode.InvalidPayload, message: `Invalid parameters for ${technique.name}: ${first?.message ?? 'unknown error'}${more}.`, field: `params.${first?.field ?? ''}`, fields: parsed.errors },
  };
}

/** Plan the API calls of one move against a team's copy of the account (read, never changed). */
export function planMove(technique: Technique, params: MoveParams, context: PlanContext): ApiCall[] {
  return technique.plan(params, context);
}

/**
 * Build the call context of a move: signed with the move's access key, from the move's source IP
 * and user agent, or the attacker's defaults where the red cell left them empty.
 */
export function moveCallContext(params: MoveParams, defaults: { sourceIpAddress: string; userAgent: string }, at: string, idSeed: string): CallContext {
  return {
    credentials: { kind: 'accessKey', accessKeyId: params.accessKey },
    sourceIpAddress: params.sourceIpAddress ?? defaults.sourceIpAddress,
    userAgent: params.userAgent ?? defaults.userAgent,
    at,
    idSeed,
  };
}
