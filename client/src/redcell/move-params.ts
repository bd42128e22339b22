import type { RedCatalog, RedTargets, TechniqueParamKind, TechniqueParamView, TechniqueView } from '../../../shared/red-blue.js';

/** One choice of a select box: the value sent to the server and the text shown. */
export interface ParamOption {
  value: string;
  label: string;
}

/** Kinds the red console offers as a select box of the account's resources. */
const targetLists: Partial<Record<TechniqueParamKind, (targets: RedTargets) => ParamOption[]>> = {
  accessKey: (targets) => targets.accessKeys.map((key) => ({ value: key.accessKeyId, label: `${key.accessKeyId} (${key.userName})` })),
  user: (targets) => plain(targets.users),
  role: (targets) => plain(targets.roles),
  policyArn: (targets) => plain(targets.policies),
  bucket: (targets) => plain(targets.buckets),
  instance: (targets) => plain(targets.instances),
  securityGroup: (targets) => plain(targets.securityGroups),
  snapshot: (targets) => plain(targets.snapshots),
  trail: (targets) => plain(targets.trails),
  detector: (targets) => plain(targets.detectors),
  region: (targets) => plain(targets.regions),
};

function plain(values: readonly string[]): ParamOption[] {
  return values.map((value) => ({ value, label: value }));
}

/**
 * Tells whether a parameter names a resource the move creates, such as `newUserName`, so the red
 * cell types a fresh name instead of picking one that already exists.
 * NOTE: the parameter view has no flag for this, so the `new` prefix of the parameter name decides.
 */
export function namesNewResource(param: TechniqueParamView): boolean {
  return /^new[A-Z]/.test(param.name);
}

/**
 * Returns the select box choices of a parameter, or null when the parameter is typed in
 * (`text`, `number`, `instanceType`, or the name of a resource to create). A default value
 * missing from the account's list is added, so the default stays selectable.
 */
export function paramOptions(param: TechniqueParamView, targets: RedTargets): ParamOption[] | null {
  const list = targetLists[param.kind];
  if (!list || namesNewResource(param)) {
    return null;
  }
  const options = list(targets);
  if (param.defaultValue && !options.some((option) => option.value === param.defaultValue)) {
    options.unshift({ value: param.defaultValue, label: param.defaultValue });
  }
  return options;
}

/**
 * Fills in the form values that have only one possible choice, such as the one GuardDuty detector
 * of the account, so that the first send does not fail on a field with nothing to decide. A value
 * already in `values` is kept, and a parameter with a default is left to its default.
 */
export function preselectSingleChoices(technique: TechniqueView, targets: RedTargets, values: Readonly<Record<string, string>>): Record<string, string> {
  const filled: Record<string, string> = { ...values };
  for (const param of technique.params) {
    if ((filled[param.name] ?? '') !== '' || param.defaultValue) {
      continue;
    }
    const options = paramOptions(param, targets);
    if (options?.length === 1) {
      filled[param.name] = options[0]!.value;
    }
  }
  return filled;
}

/** Parameters every technique takes that only disguise the calls, so the form lists them last. */
const disguiseParams: readonly string[] = ['sourceIpAddress', 'userAgent'];

/** Orders a technique's parameters for the form: the technique's own first, the source address and user agent last. */
export function formOrder(params: readonly TechniqueParamView[]): TechniqueParamView[] {
  const own = params.filter((param) => !disguiseParams.includes(param.name));
  const disguise = params.filter((param) => disguiseParams.includes(param.name));
  return [...own, ...disguise];
}

/**
 * Returns the placeholder of a typed parameter: its default, or for the source address and user
 * agent the attacker defaults the server applies when the field is left empty.
 */
export function paramPlaceholder(param: TechniqueParamView, defaults: RedCatalog['defaults']): string {
  if (param.defaultValue) {
    return `Default: ${param.defaultValue}`;
  }
  if (param.name === 'sourceIpAddress') {
    return `Default: ${defaults.sourceIpAddress}`;
  }
  if (param.name === 'userAgent') {
    return `Default: ${defaults.userAgent}`;
  }
  return '';
}

/** The outcome of reading the form: the params to send, or a message per parameter name. */
export type CollectedParams = { ok: true; params: Record<string, string> } | { ok: false; errors: Record<string, string> };

/**
 * Reads the form values of a technique into the `params` of a `red:move`. Empty fields are left
 * out so the server applies the parameter's default. A required field without a value or
 * default, and a number field that is not a number, get a message for the user.
 */
export function collectParams(technique: TechniqueView, values: Readonly<Record<string, string>>): CollectedParams {
  const params: Record<string, string> = {};
  const errors: Record<string, string> = {};

  for (const param of technique.params) {
    const value = (values[param.name] ?? '').trim();
    if (value === '') {
      if (param.required && !param.defaultValue) {
        errors[param.name] = `${param.label} is required. ${missingHint(param)}`;
      }
      continue;
    }
    if (param.kind === 'number' && !Number.isFinite(Number(value))) {
      errors[param.name] = `${param.label} must be a number such as 3, but "${value}" is not one.`;
      continue;
    }
    params[param.name] = value;
  }

  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, params };
}

function missingHint(param: TechniqueParamView): string {
  return param.kind in targetLists && !namesNewResource(param) ? 'Choose one from the list.' : 'Enter a value.';
}

/**
 * Maps a server error field such as `params.userName` to the form field it names, or returns
 * null when the error is about the move as a whole.
 */
export function paramNameOfField(field: string | undefined, technique: TechniqueView): string | null {
  if (!field) {
    return null;
  }
  const name = field.startsWith('params.') ? field.slice('params.'.length) : field;
  return technique.params.some((param) => param.name === name) ? name : null;
}
