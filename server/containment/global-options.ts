import { checkQuery } from './query.js';
import { unavailableOptionReason } from './unavailable-options.js';

export type OutputFormat = 'json' | 'text' | 'table';

export interface GlobalOptions {
  region: string | undefined;
  output: OutputFormat;
  /** JMESPath expression of --query, already checked for syntax. */
  query: string | undefined;
}

export type GlobalOptionsResult = { ok: true; options: GlobalOptions; rest: string[] } | { ok: false; error: string };

const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'text', 'table'];
// AWS region names such as us-east-1, eu-central-2 or us-gov-west-1.
const REGION_NAME = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;
// Options the console accepts and ignores: it never pages and always calls as the team's session.
const IGNORED_SWITCHES = new Set(['no-cli-pager', 'no-paginate']);
const GLOBALS_WITH_VALUE = new Set(['region', 'output', 'profile', 'query']);
const GLOBAL_SWITCHES_UNAVAILABLE = new Set(['debug', 'no-verify-ssl', 'no-sign-request', 'cli-auto-prompt', 'no-cli-auto-prompt']);
const GLOBALS_UNAVAILABLE_WITH_VALUE = new Set(['endpoint-url', 'ca-bundle', 'cli-read-timeout', 'cli-connect-timeout', 'cli-binary-format', 'color']);

/**
 * Take the AWS CLI's global options out of `words`, wherever they stand, as the CLI does:
 * `--region`, `--output`, `--query`, `--profile` (accepted and ignored, because the console always calls as
 * the team's IncidentResponder session), `--no-cli-pager` and `--no-paginate`. Globals the
 * console does not offer, such as `--debug` or `--endpoint-url`, are rejected with the reason.
 */
export function extractGlobalOptions(words: readonly string[]): GlobalOptionsResult {
  const options: GlobalOptions = { region: undefined, output: 'json', query: undefined };
  const rest: string[] = [];

  let index = 0;
  while (index < words.length) {
    const word = words[index] ?? '';
    index += 1;
    const equals = word.indexOf('=');
    const name = word.startsWith('--') ? word.slice(2, equals === -1 ? undefined : equals) : '';

    if (IGNORED_SWITCHES.has(name)) continue;
    if (GLOBAL_SWITCHES_UNAVAILABLE.has(name) || GLOBALS_UNAVAILABLE_WITH_VALUE.has(name)) {
      return { ok: false, error: unavailableOptionReason(name) ?? `--${name} is not available in the exercise console.` };
    }
    if (!GLOBALS_WITH_VALUE.has(name)) {
      rest.push(word);
      continue;
    }

    let value: string | undefined;
    if (equals !== -1) {
      value = word.slice(equals + 1);
    } else if (index < words.length && !(words[index] ?? '').startsWith('--')) {
      value = words[index];
      index += 1;
    }
    if (value === undefined || value === '') {
      return { ok: false, error: `aws: error: argument --${name}: expected one argument. Put the value right after --${name}.` };
    }

    if (name === 'region') {
      if (!REGION_NAME.test(value)) {
        return { ok: false, error: `aws: error: argument --region: invalid region '${value}'. Give a region name such as us-east-1 or eu-west-1.` };
      }
      options.region = value;
    } else if (name === 'output') {
      const format = OUTPUT_FORMATS.find((candidate) => candidate === value);
      if (format === undefined) {
        return { ok: false, error: `aws: error: argument --output: invalid choice '${value}', valid choices are: ${OUTPUT_FORMATS.join(' | ')}.` };
      }
      options.output = format;
    } else if (name === 'query') {
      const error = checkQuery(value);
      if (error !== undefined) return { ok: false, error };
      options.query = value;
    }
  }
  return { ok: true, options, rest };
}
