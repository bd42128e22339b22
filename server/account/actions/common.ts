import type { ActionContext } from '../action-context.js';
import { AwsError, noSuchEntity } from '../aws-error.js';
import type { RoleState, UserState } from '../state.js';

/** Helpers shared by the IAM handlers. */

/** Find a user or throw IAM's NoSuchEntity. */
export function requireUser(context: ActionContext, userName: string): UserState {
  const user = Object.hasOwn(context.state.users, userName) ? context.state.users[userName] : undefined;
  if (!user) throw noSuchEntity(`The user with name ${userName} cannot be found.`);
  return user;
}

/** Find a role or throw IAM's NoSuchEntity. */
export function requireRole(context: ActionContext, roleName: string): RoleState {
  const role = Object.hasOwn(context.state.roles, roleName) ? context.state.roles[roleName] : undefined;
  if (!role) throw noSuchEntity(`The role with name ${roleName} cannot be found.`);
  return role;
}

/**
 * Resolve the user a key call is about: the named one, or the calling user when the name is left
 * out, as IAM does. A role session must name the user.
 */
export function subjectUserName(context: ActionContext, userName: string | undefined): string {
  if (userName !== undefined) return userName;
  if (context.principal.kind === 'user') return context.principal.userName;
  throw new AwsError('ValidationError', 'Must specify userName when calling with non-User credentials');
}

/** Format a time as IAM's CloudTrail responseElements show dates, such as `May 7, 2026 3:12:40 PM`. */
export function cloudTrailDate(iso: string): string {
  const date = new Date(iso);
  const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const hours = date.getUTCHours();
  const clock = `${hours % 12 === 0 ? 12 : hours % 12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
  return `${month} ${date.getUTCDate()}, ${date.getUTCFullYear()} ${clock}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Trim an ISO 8601 time to whole seconds, the precision of CloudTrail's eventTime. */
export function toSecond(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19)}Z`;
}

/** Serialize a policy document as CloudTrail records it in requestParameters: JSON text. */
export function documentText(document: Record<string, unknown>): string {
  return JSON.stringify(document);
}

/** Resource of an IAM list call that has no single target, such as `arn:aws:iam::ACCOUNT:user/`. */
export function iamPathResource(context: ActionContext, type: string): string {
  return `arn:aws:iam::${context.state.accountId}:${type}/`;
}
