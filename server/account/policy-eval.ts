import type { PolicyDocument } from './state.js';

/**
 * Evaluation of IAM policy statements for one request: an explicit Deny wins, otherwise an Allow
 * is needed. Actions match case-insensitively and resources case-sensitively, with `*` and `?`
 * wildcards in both, as IAM matches them.
 */
// NOTE: Condition blocks are not evaluated, so a statement with a Condition applies as if the condition held.

export type Decision = 'allow' | 'explicitDeny' | 'implicitDeny';

/** The caller a resource-based policy is checked for: its ARN and account. */
export interface RequestPrincipal {
  arn: string;
  accountId: string;
}

export interface PolicyRequest {
  /** Service-prefixed action such as `s3:GetObject`. */
  action: string;
  /** ARN of the resource, or `*` for actions without one. */
  resource: string;
}

/** Values of policy variables such as `aws:username`, keyed in lower case; unknown variables stay unreplaced. */
export type PolicyVariables = Record<string, string>;

/** Evaluate identity-based policy documents: every statement applies to the caller. */
export function evaluateIdentityPolicies(documents: PolicyDocument[], request: PolicyRequest, variables: PolicyVariables = {}): Decision {
  return evaluate(documents, request, () => true, variables);
}

/** Evaluate a resource-based policy such as a bucket policy, whose statements name their principals. */
export function evaluateResourcePolicy(document: PolicyDocument, request: PolicyRequest, principal: RequestPrincipal, variables: PolicyVariables = {}): Decision {
  return evaluate([document], request, (statement) => principalMatches(statement, principal), variables);
}

function evaluate(documents: PolicyDocument[], request: PolicyRequest, appliesTo: (statement: Record<string, unknown>) => boolean, variables: PolicyVariables): Decision {
  let allowed = false;
  for (const document of documents) {
    for (const statement of statementsOf(document)) {
      if (!appliesTo(statement) || !actionMatches(statement, request.action) || !resourceMatches(statement, request.resource, variables)) continue;
      if (statement.Effect === 'Deny') return 'explicitDeny';
      if (statement.Effect === 'Allow') allowed = true;
    }
  }
  return allowed ? 'allow' : 'implicitDeny';
}

/** Combine decisions of several policy types: any explicit Deny wins, then any Allow. */
export function combineDecisions(decisions: Decision[]): Decision {
  if (decisions.includes('explicitDeny')) return 'explicitDeny';
  return decisions.includes('allow') ? 'allow' : 'implicitDeny';
}

function actionMatches(statement: Record<string, unknown>, action: string): boolean {
  if (statement.Action !== undefined) return asStrings(statement.Action).some((pattern) => wildcardMatch(pattern, action, true));
  if (statement.NotAction !== undefined) return !asStrings(statement.NotAction).some((pattern) => wildcardMatch(pattern, action, true));
  return false;
}

function resourceMatches(statement: Record<string, unknown>, resource: string, variables: PolicyVariables): boolean {
  const patterns = (value: unknown): string[] => asStrings(value).map((pattern) => substitute(pattern, variables));
  if (statement.Resource !== undefined) return patterns(statement.Resource).some((pattern) => wildcardMatch(pattern, resource, false));
  if (statement.NotResource !== undefined) return !patterns(statement.NotResource).some((pattern) => wildcardMatch(pattern, resource, false));
  // A statement without Resource is only valid in a resource-based policy, where it means the policy's own resource.
  return true;
}

function principalMatches(statement: Record<string, unknown>, principal: RequestPrincipal): boolean {
  const named = statement.Principal;
  if (named === '*') return true;
  if (typeof named !== 'object' || named === null) return false;
  const awsPrincipals = asStrings((named as Record<string, unknown>).AWS);
  const rootArn = `arn:aws:iam::${principal.accountId}:root`;
  return awsPrincipals.some((value) => value === '*' || value === principal.arn || value === rootArn || value === principal.accountId);
}

/** Replace `${name}` policy variables with their values, leaving unknown ones as they are. */
function substitute(pattern: string, variables: PolicyVariables): string {
  return pattern.replace(/\$\{([^}]+)\}/g, (whole, name: string) => variables[name.toLowerCase()] ?? whole);
}

/** Match IAM's `*` (any run of characters) and `?` (one character) wildcards. */
export function wildcardMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, ignoreCase ? 'is' : 's').test(value);
}

function statementsOf(document: PolicyDocument): Record<string, unknown>[] {
  const statements = document.Statement;
  const list: unknown[] = Array.isArray(statements) ? statements : [statements];
  return list.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item));
}

function asStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
