import type { ServiceName } from '../account/api-call.js';

/**
 * Value shape of a CLI option. A `string` option takes one value, a `list` option takes one or
 * more values up to the next option, and a `boolean` option is a switch written `--name` (true)
 * or `--no-name` (false).
 */
export type OptionKind = 'string' | 'list' | 'boolean';

export interface OptionSpec {
  /** Option name as the CLI spells it, without the leading dashes, such as `user-name`. */
  name: string;
  kind: OptionKind;
  required?: boolean;
  /** Accepted values, for options the CLI documents as an enum. */
  choices?: readonly string[];
  /** Request parameter the value is copied to, such as `userName`; left out when `build` reads the option. */
  param?: string;
  /** Placeholder shown in usage, such as `<value>` or `<json>`. */
  placeholder?: string;
  help: string;
}

export type OptionValue = string | string[] | boolean;

/** Option values by option name, as typed. */
export type OptionValues = Record<string, OptionValue | undefined>;

export type BuildResult = { ok: true; params: Record<string, unknown> } | { ok: false; error: string };

export interface CommandSpec {
  /** CLI command name, such as `update-access-key`. */
  name: string;
  /** API operation, as CloudTrail's eventName records it, such as `UpdateAccessKey`. */
  action: string;
  summary: string;
  options: readonly OptionSpec[];
  /** A typical use, shown in help, such as `aws iam delete-user --user-name intruder`. */
  example?: string;
  /** Set for commands after which the CLI prints nothing when the call succeeds. */
  silent?: boolean;
  /**
   * Turn option values into request parameters for options without a `param`. It receives the
   * parameters already copied from the other options and returns the complete set.
   */
  build?: (values: OptionValues, params: Record<string, unknown>) => BuildResult;
}

export interface ServiceSpec {
  /** Service name as the CLI spells it, such as `s3api`. */
  name: string;
  /** Service of the simulated account that runs its calls. */
  service: ServiceName;
  summary: string;
  commands: readonly CommandSpec[];
}

/** Option `--name <value>` copied to `param`. */
export function stringOption(name: string, param: string | undefined, help: string, required = false): OptionSpec {
  return param === undefined ? { name, kind: 'string', required, help } : { name, kind: 'string', param, required, help };
}

/** Option `--name <json>` that `build` parses. */
export function jsonOption(name: string, help: string, required = true): OptionSpec {
  return { name, kind: 'string', required, placeholder: '<json>', help };
}
