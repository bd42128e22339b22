import type { ServiceName } from './api-call.js';
import { AwsError } from './aws-error.js';
import { combineDecisions, evaluateIdentityPolicies, evaluateResourcePolicy, type Decision, type PolicyRequest, type PolicyVariables } from './policy-eval.js';
import { identityPolicies, type Principal } from './principal.js';
import type { AccountState } from './state.js';

/**
 * Authorization of a request against the caller's identity-based policies and, for S3, the
 * bucket policy. Denials use each service's code: AccessDenied for IAM, STS, S3 and CloudTrail,
 * UnauthorizedOperation for EC2 and AccessDeniedException for GuardDuty.
 */
// NOTE: permission boundaries, session policies and service control policies are not modeled.

/** Check a request and throw the service's denial when it is not allowed. */
export function authorize(state: AccountState, principal: Principal, service: ServiceName, request: PolicyRequest): void {
  const variables = variablesOf(principal);
  const identity = evaluateIdentityPolicies(identityPolicies(state, principal), request, variables);
  const bucketPolicy = service === 's3' ? bucketPolicyOf(state, request.resource) : null;
  const resource: Decision = bucketPolicy ? evaluateResourcePolicy(bucketPolicy, request, { arn: principal.arn, accountId: principal.accountId }, variables) : 'implicitDeny';
  const decision = combineDecisions([identity, resource]);
  if (decision === 'allow') return;
  let reason: 'identity' | 'resource' | 'none' = 'none';
  if (resource === 'explicitDeny') reason = 'resource';
  else if (identity === 'explicitDeny') reason = 'identity';
  throw denial(service, principal, request, reason);
}

/** Values of the global policy variables IAM sets for the caller. */
function variablesOf(principal: Principal): PolicyVariables {
  const variables: PolicyVariables = { 'aws:principalaccount': principal.accountId, 'aws:principalarn': principal.arn };
  if (principal.kind === 'user') {
    variables['aws:username'] = principal.userName;
    variables['aws:userid'] = principal.userId;
  } else {
    variables['aws:userid'] = `${principal.roleId}:${principal.sessionName}`;
  }
  return variables;
}

function bucketPolicyOf(state: AccountState, resource: string): Record<string, unknown> | null {
  const match = /^arn:aws:s3:::([^/]+)/.exec(resource);
  const bucket = match && Object.hasOwn(state.buckets, match[1]!) ? state.buckets[match[1]!] : undefined;
  return bucket?.policy ?? null;
}

/** Build the denial AWS returns, naming the caller, the action, the resource and why. */
export function denial(service: ServiceName, principal: Principal, request: PolicyRequest, reason: 'identity' | 'resource' | 'none'): AwsError {
  const target = request.resource === '*' ? '' : ` on resource: ${service === 's3' ? `"${request.resource}"` : request.resource}`;
  const because = {
    identity: 'with an explicit deny in an identity-based policy',
    resource: 'with an explicit deny in a resource-based policy',
    none: `because no identity-based policy allows the ${request.action} action`,
  }[reason];
  const message = `User: ${principal.arn} is not authorized to perform: ${request.action}${target} ${because}`;
  if (service === 'ec2') return new AwsError('UnauthorizedOperation', `You are not authorized to perform this operation. ${message}`);
  if (service === 'guardduty') return new AwsError('AccessDeniedException', message);
  return new AwsError('AccessDenied', message);
}
