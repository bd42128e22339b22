import type { z } from 'zod';
import type { PresetIds, ActionContext, ActionDefinition, ActionResult } from './action-context.js';
import { actionSchema } from './action-params.js';
import { actionDefinition } from './actions/index.js';
import type { ApiCall, CallContext, CallOutcome, Credentials, ExecuteCall, ServiceName } from './api-call.js';
import { authenticate } from './authenticate.js';
import { authorize } from './authorize.js';
import { AwsError } from './aws-error.js';
import type { Principal } from './principal.js';
import { buildRecord, userIdentityOf } from './record.js';
import type { AccountState } from './state.js';
import { isRecorded } from './trail-coverage.js';

/** Region CloudTrail records a call in: us-east-1 for the global IAM and STS endpoints. */
export function recordRegionOf(call: ApiCall): string {
  return call.service === 'iam' || call.service === 'sts' ? 'us-east-1' : call.region;
}

/**
 * Run one call against the account: authenticate, validate, authorize, apply and record it.
 * A failed call leaves the model unchanged and is still recorded when a trail covers it.
 */
export const executeCall: ExecuteCall = (state, call, context) => {
  if (Number.isNaN(Date.parse(context.at))) {
    return failure(call, new AwsError('InvalidParameterValue', `Invalid call time ${JSON.stringify(context.at)}: expected an ISO 8601 time such as 2026-05-08T04:00:00Z.`));
  }
  const definition = actionDefinition(call.service, call.action);
  const schema = definition ? actionSchema(call.service, call.action) : undefined;
  if (!definition || !schema) {
    return failure(call, new AwsError('InvalidAction', `The action ${call.action} is not valid for the ${call.service} service in this simulation.`));
  }
  const parsed = schema.safeParse(call.params);
  if (!parsed.success) return failure(call, validationError(call, parsed.error));

  const awsRegion = recordRegionOf(call);
  const category = definition.dataEvent ? 'Data' : 'Management';
  const recordedBefore = isRecorded(state, awsRegion, category);

  let principal: Principal;
  try {
    principal = authenticate(state, context.credentials, call.service);
  } catch (error) {
    const awsError = asAwsError(error);
    const identity = claimedIdentity(state, context.credentials, context.at);
    const record = recordedBefore && identity ? buildRecord({ state, call, context, userIdentity: identity, awsRegion, readOnly: definition.readOnly, category, requestParameters: null, responseElements: null, error: { code: awsError.code, message: awsError.message }, bytesTransferredOut: 0 }) : null;
    return { ...failure(call, awsError), record };
  }

  const actionContext = contextFor(state, principal, call, context, {});
  const params = parsed.data as never;
  const recordOf = (result: ActionResult | null, error: AwsError | null, recorded: boolean): CallOutcome['record'] => {
    if (!recorded) return null;
    const requestParameters = result?.requestParameters !== undefined ? result.requestParameters : defaultRequestParameters(definition, actionContext, params, call);
    return buildRecord({
      state,
      call,
      context,
      userIdentity: userIdentityOf(principal, context.at),
      awsRegion,
      readOnly: definition.readOnly,
      category,
      requestParameters,
      responseElements: result?.responseElements ?? null,
      error: error ? { code: error.code, message: error.message } : null,
      bytesTransferredOut: result?.bytesTransferredOut ?? 0,
    });
  };

  try {
    const request = definition.permission(actionContext, params);
    if (request) authorize(state, principal, call.service, request);
    const result = definition.run(actionContext, params);
    const recorded = recordedBefore || isRecorded(state, awsRegion, category);
    return { call, ok: true, errorCode: null, errorMessage: null, response: result.response, record: recordOf(result, null, recorded), changes: result.changes };
  } catch (error) {
    const awsError = asAwsError(error);
    return { ...failure(call, awsError), record: recordOf(null, awsError, recordedBefore) };
  }
};

/**
 * Apply an action without authentication, authorization or a record, for scripted records that
 * already happened. Throws AwsError when the action no longer applies.
 */
export function applyAction(state: AccountState, call: ApiCall, principal: Principal, at: string, idSeed: string, preset: PresetIds): ActionResult {
  const definition = actionDefinition(call.service, call.action);
  const schema = definition ? actionSchema(call.service, call.action) : undefined;
  if (!definition || !schema) throw new AwsError('InvalidAction', `The action ${call.action} is not supported.`);
  const parsed = schema.safeParse(call.params);
  if (!parsed.success) throw validationError(call, parsed.error);
  // The scripted caller was authorized when the story was written, so further checks such as iam:PassRole pass.
  const context = { ...contextFor(state, principal, call, { at, idSeed }, preset), requirePermission: () => undefined };
  return definition.run(context, parsed.data as never);
}

function contextFor(state: AccountState, principal: Principal, call: ApiCall, context: Pick<CallContext, 'at' | 'idSeed' | 'resourceSeed'>, preset: PresetIds): ActionContext {
  return {
    state,
    principal,
    region: call.region,
    at: context.at,
    idSeed: context.resourceSeed ?? context.idSeed,
    preset,
    requirePermission: (request) => authorize(state, principal, call.service, request),
  };
}

function defaultRequestParameters(definition: ActionDefinition, context: ActionContext, params: never, call: ApiCall): Record<string, unknown> | null {
  if (definition.requestParameters) {
    try {
      return definition.requestParameters(context, params);
    } catch {
      return call.params;
    }
  }
  return Object.keys(call.params).length === 0 ? null : call.params;
}

function failure(call: ApiCall, error: AwsError): CallOutcome {
  return { call, ok: false, errorCode: error.code, errorMessage: error.message, response: null, record: null, changes: [] };
}

function asAwsError(error: unknown): AwsError {
  if (error instanceof AwsError) return error;
  return new AwsError('InternalFailure', 'The simulated account failed to process the request; the model was not changed by it.');
}

const ValidationCodes: Record<ServiceName, string> = { iam: 'ValidationError', sts: 'ValidationError', s3: 'InvalidArgument', ec2: 'InvalidParameterValue', cloudtrail: 'InvalidParameterException', guardduty: 'BadRequestException' };

function validationError(call: ApiCall, error: z.ZodError): AwsError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(parameters)';
  const detail = issue?.code === 'unrecognized_keys' ? `unknown parameter ${issue.keys.join(', ')}` : (issue?.message ?? 'invalid value');
  return new AwsError(ValidationCodes[call.service], `Invalid parameter ${field} for ${call.action}: ${detail}. Correct the parameter and try again.`);
}

/**
 * Build the identity a call claimed when authentication failed: the owner of an Inactive key, or
 * a session of a deleted role. A key unknown to the model is not tied to the account, so such a
 * call is not recorded.
 */
function claimedIdentity(state: AccountState, credentials: Credentials, at: string): Record<string, unknown> | null {
  if (credentials.kind === 'roleSession') {
    return userIdentityOf({ kind: 'role', accountId: state.accountId, roleName: credentials.roleName, roleId: '', roleArn: `arn:aws:iam::${state.accountId}:role/${credentials.roleName}`, sessionName: credentials.sessionName, arn: `arn:aws:sts::${state.accountId}:assumed-role/${credentials.roleName}/${credentials.sessionName}`, accessKeyId: credentials.accessKeyId }, at);
  }
  const key = Object.hasOwn(state.accessKeys, credentials.accessKeyId) ? state.accessKeys[credentials.accessKeyId] : undefined;
  const user = key && Object.hasOwn(state.users, key.userName) ? state.users[key.userName] : undefined;
  if (!key || !user) return null;
  return { type: 'IAMUser', principalId: user.userId, arn: user.arn, accountId: state.accountId, accessKeyId: key.accessKeyId, userName: user.userName };
}
