import type { OptionSpec, OptionValues } from './command-spec.js';
import { didYouMean } from './suggest.js';
import { unavailableOptionReason } from './unavailable-options.js';

export type OptionParseResult = { ok: true; values: OptionValues } | { ok: false; error: string };

const LOCAL_FILE_PREFIXES = ['file://', 'fileb://'];

/**
 * Read a command's options from `args` the way the AWS CLI does: `--name value` or
 * `--name=value`, lists up to the next option, and `--flag` / `--no-flag` switches. Unknown
 * words are collected and reported together, after any missing required option, as the CLI does.
 */
export function parseOptions(args: readonly string[], specs: readonly OptionSpec[]): OptionParseResult {
  const values: OptionValues = {};
  const unknown: string[] = [];

  let index = 0;
  while (index < args.length) {
    const word = args[index] ?? '';
    index += 1;

    if (!word.startsWith('--') || word === '--') {
      unknown.push(word === '' ? "''" : word);
      continue;
    }

    const equals = word.indexOf('=');
    const name = word.slice(2, equals === -1 ? undefined : equals);
    const inline = equals === -1 ? undefined : word.slice(equals + 1);
    const negated = name.startsWith('no-') ? specs.find((spec) => spec.kind === 'boolean' && spec.name === name.slice(3)) : undefined;
    const spec = specs.find((candidate) => candidate.name === name) ?? negated;

    if (spec === undefined) {
      const reason = unavailableOptionReason(name);
      if (reason !== undefined) return { ok: false, error: reason };
      unknown.push(`--${name}`);
      // Skip the unknown option's values, so they are not reported as unknown words as well.
      while (index < args.length && !(args[index] ?? '').startsWith('--')) index += 1;
      continue;
    }

    if (values[spec.name] !== undefined) {
      return { ok: false, error: `aws: error: argument --${spec.name}: given more than once. Give each option once.` };
    }

    if (spec.kind === 'boolean') {
      if (inline !== undefined) {
        return { ok: false, error: `aws: error: argument --${name}: takes no value. Write --${spec.name} for true or --no-${spec.name} for false.` };
      }
      values[spec.name] = spec !== negated;
      continue;
    }

    const taken: string[] = [];
    if (inline !== undefined) {
      taken.push(inline);
    } else {
      while (index < args.length && !(args[index] ?? '').startsWith('--')) {
        taken.push(args[index] ?? '');
        index += 1;
        if (spec.kind === 'string') break;
      }
    }

    if (taken.length === 0) {
      const expected = spec.kind === 'list' ? 'expected at least one argument' : 'expected one argument';
      return { ok: false, error: `aws: error: argument --${spec.name}: ${expected}. Put the value right after --${spec.name}.` };
    }

    const invalid = checkValues(spec, taken);
    if (invalid !== undefined) return { ok: false, error: invalid };

    values[spec.name] = spec.kind === 'list' ? taken : taken[0];
  }

  const problems = describeMissingAndUnknown(specs, values, unknown);
  return problems === undefined ? { ok: true, values } : { ok: false, error: problems };
}

/** Check the values given to one option: no local files, and only documented choices. */
function checkValues(spec: OptionSpec, taken: readonly string[]): string | undefined {
  const local = taken.find((value) => LOCAL_FILE_PREFIXES.some((prefix) => value.startsWith(prefix)));
  if (local !== undefined) {
    return `argument --${spec.name}: Local files are not available in the exercise console; paste the JSON inline.`;
  }

  const invalid = spec.choices === undefined ? undefined : taken.find((value) => !spec.choices?.includes(value));
  if (invalid !== undefined) {
    return `aws: error: argument --${spec.name}: invalid choice '${invalid}', valid choices are: ${spec.choices?.join(' | ')}.`;
  }
  return undefined;
}

/** Describe missing required options, then unknown words, one line each; undefined when there are none. */
function describeMissingAndUnknown(specs: readonly OptionSpec[], values: OptionValues, unknown: readonly string[]): string | undefined {
  const missing = specs.filter((spec) => spec.required === true && values[spec.name] === undefined);
  const lines: string[] = [];
  if (missing.length > 0) {
    lines.push(`aws: error: the following arguments are required: ${missing.map(requiredLabel).join(', ')}`);
  }
  if (unknown.length > 0) {
    const [single] = unknown;
    const suggestion = unknown.length === 1 && single?.startsWith('--') ? didYouMean(single, specs.map((spec) => `--${spec.name}`)) : '';
    lines.push(`Unknown options: ${unknown.join(', ')}${suggestion === '' ? '' : `.${suggestion}`}`);
  }
  return lines.length > 0 ? lines.join('\n') : undefined;
}

function requiredLabel(spec: OptionSpec): string {
  return spec.kind === 'boolean' ? `--${spec.name} | --no-${spec.name}` : `--${spec.name}`;
}
