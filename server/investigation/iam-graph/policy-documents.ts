/**
 * Reading IAM policy documents from the places they appear: URL-encoded JSON in the output of
 * `aws iam get-account-authorization-details`, and plain JSON text or an object in CloudTrail
 * request parameters. Every input is untrusted, so each reader returns undefined or false on a
 * shape it does not expect.
 */

/** AWS managed policies that grant full administrator or full IAM access. */
const AdminManagedPolicyNames = new Set(['AdministratorAccess', 'IAMFullAccess']);

/** Actions that allow every API call, or every IAM call (enough to grant oneself anything else). */
const AdminActions = new Set(['*', '*:*', 'iam:*']);

/** Decode a policy document given as an object, JSON text or URL-encoded JSON text. */
export function parsePolicyDocument(value: unknown): Record<string, unknown> | undefined {
  if (isObject(value)) return value;
  if (typeof value !== 'string' || value.length === 0) return undefined;
  const text = value.trimStart().startsWith('{') ? value : safeDecode(value);
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Check whether an Allow statement of the document grants `*` or `iam:*` actions. */
export function grantsAdminAccess(document: Record<string, unknown> | undefined): boolean {
  if (!document) return false;
  return statementsOf(document).some((statement) => {
    if (statement.Effect !== 'Allow') return false;
    return asStrings(statement.Action).some((action) => AdminActions.has(action.toLowerCase()));
  });
}

/** Check whether an ARN names an AWS managed policy that grants administrator-like access. */
export function isAdminManagedPolicy(policyArn: string): boolean {
  const match = /^arn:aws[a-z-]*:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(policyArn);
  return match !== null && AdminManagedPolicyNames.has(match[1]!);
}

/** Principals that a role's trust policy allows to assume it. */
export interface TrustedPrincipals {
  /** ARNs of AWS principals: users, roles or account roots. */
  aws: string[];
  /** Service principals such as lambda.amazonaws.com. */
  services: string[];
  /** Federated identity providers. */
  federated: string[];
}

/** Read the Allow statements of a trust policy whose actions include an sts:AssumeRole variant. */
export function trustedPrincipals(document: Record<string, unknown> | undefined): TrustedPrincipals {
  const trusted: TrustedPrincipals = { aws: [], services: [], federated: [] };
  if (!document) return trusted;
  for (const statement of statementsOf(document)) {
    if (statement.Effect !== 'Allow') continue;
    const actions = asStrings(statement.Action).map((action) => action.toLowerCase());
    if (!actions.some((action) => action === '*' || action.startsWith('sts:assumerole'))) continue;
    const principal = statement.Principal;
    if (principal === '*') {
      trusted.aws.push('*');
      continue;
    }
    if (!isObject(principal)) continue;
    trusted.aws.push(...asStrings(principal.AWS));
    trusted.services.push(...asStrings(principal.Service));
    trusted.federated.push(...asStrings(principal.Federated));
  }
  return trusted;
}

/** Name of the policy in a policy ARN: the part after the last slash. */
export function policyNameOf(policyArn: string): string {
  return policyArn.slice(policyArn.lastIndexOf('/') + 1) || policyArn;
}

function statementsOf(document: Record<string, unknown>): Record<string, unknown>[] {
  const statements = document.Statement;
  const list = Array.isArray(statements) ? statements : [statements];
  return list.filter(isObject);
}

function asStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
