import type { BuildResult, OptionValues } from '../command-spec.js';
import { isPlainObject, jsonOrShorthandValue, listValue, stringValue } from './values.js';

const ACCOUNT_ID = /^\d{12}$/;
const OPERATIONS = { Add: 'add', Remove: 'remove' } as const;

type Grantees = { operationType: 'add' | 'remove'; userIds: string[]; groupNames: string[] };
type GranteesResult = { ok: true; grantees: Grantees } | { ok: false; error: string };

/**
 * Build the ModifySnapshotAttribute parameters from either form the CLI accepts:
 * `--attribute createVolumePermission --operation-type remove --group-names all` (or
 * `--user-ids`), or `--create-volume-permission` as JSON or shorthand, such as
 * `Remove=[{Group=all}]`. One call either adds or removes permissions, not both.
 */
export function buildSnapshotPermission(values: OptionValues, params: Record<string, unknown>): BuildResult {
  const structured = stringValue(values, 'create-volume-permission');
  const listed = ['operation-type', 'user-ids', 'group-names'].filter((name) => values[name] !== undefined);

  let result: GranteesResult;
  if (structured !== undefined) {
    if (listed.length > 0) {
      return { ok: false, error: `--create-volume-permission cannot be combined with ${listed.map((name) => `--${name}`).join(', ')}. Use one form or the other.` };
    }
    result = granteesFromStructure(structured);
  } else {
    result = granteesFromOptions(values);
  }
  if (!result.ok) return result;

  const { operationType, userIds, groupNames } = result.grantees;
  const invalid = userIds.find((id) => !ACCOUNT_ID.test(id));
  if (invalid !== undefined) {
    return { ok: false, error: `aws: error: argument --user-ids: invalid account id '${invalid}'. Give 12-digit AWS account ids.` };
  }

  const built: Record<string, unknown> = { ...params, operationType };
  if (userIds.length > 0) built.userIds = userIds;
  if (groupNames.length > 0) built.groupNames = groupNames;
  return { ok: true, params: built };
}

function granteesFromOptions(values: OptionValues): GranteesResult {
  const missing = ['attribute', 'operation-type'].filter((name) => values[name] === undefined);
  if (missing.length > 0) {
    return {
      ok: false,
      error: `aws: error: the following arguments are required: ${missing.map((name) => `--${name}`).join(', ')}. Or give --create-volume-permission, such as Remove=[{Group=all}].`,
    };
  }

  const userIds = listValue(values, 'user-ids');
  const groupNames = listValue(values, 'group-names');
  if (userIds.length === 0 && groupNames.length === 0) {
    return { ok: false, error: 'aws: error: give --user-ids with the account ids, or --group-names all for the public, whose permission to change.' };
  }
  const operationType = stringValue(values, 'operation-type') === 'add' ? 'add' : 'remove';
  return { ok: true, grantees: { operationType, userIds, groupNames } };
}

function granteesFromStructure(text: string): GranteesResult {
  const fail = (reason: string): GranteesResult => ({ ok: false, error: `Error parsing parameter '--create-volume-permission': ${reason}` });

  const parsed = jsonOrShorthandValue('create-volume-permission', text);
  if (!parsed.ok) return parsed;
  if (!isPlainObject(parsed.value)) return fail('expected Add or Remove, such as Remove=[{Group=all}].');

  const keys = Object.keys(parsed.value);
  const unknown = keys.filter((key) => !Object.hasOwn(OPERATIONS, key));
  if (unknown.length > 0) return fail(`unknown key ${unknown.join(', ')}; valid keys are Add and Remove.`);
  if (keys.length !== 1) return fail('give either Add or Remove, and run a second command for the other.');

  const key = keys[0] as keyof typeof OPERATIONS;
  const entries = parsed.value[key];
  if (!Array.isArray(entries) || entries.length === 0) return fail(`${key} must be a list, such as ${key}=[{Group=all}] or ${key}=[{UserId=111122223333}].`);

  const userIds: string[] = [];
  const groupNames: string[] = [];
  for (const entry of entries as unknown[]) {
    if (isPlainObject(entry) && typeof entry.UserId === 'string') userIds.push(entry.UserId);
    else if (isPlainObject(entry) && entry.Group === 'all') groupNames.push('all');
    else return fail(`each entry of ${key} must be {Group=all} or {UserId=<12-digit account id>}.`);
  }
  return { ok: true, grantees: { operationType: OPERATIONS[key], userIds, groupNames } };
}
