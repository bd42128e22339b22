import type { CallOutcome } from '../account/api-call.js';
import { findCommandByAction } from './catalog.js';
import type { OutputFormat } from './global-options.js';
import { applyQuery } from './query.js';
import { formatTable } from './table-output.js';
import { formatText } from './text-output.js';

/** How to print an outcome: the output format, or the parsed command with its format and --query. */
export type OutputSettings = OutputFormat | { output: OutputFormat; query?: string };

/**
 * Return what the AWS CLI prints for an outcome. A failure becomes the CLI's error line,
 * `An error occurred (Code) when calling the Action operation: message`. A success prints the
 * response, filtered by --query when given, in the chosen format: JSON indented by 4 spaces as
 * the CLI does, text or table. Commands that print nothing, such as update-access-key, and empty
 * responses print an empty string.
 */
export function formatOutput(outcome: CallOutcome, settings: OutputSettings = 'json'): string {
  const action = outcome.call.action;
  if (!outcome.ok) {
    return `An error occurred (${outcome.errorCode ?? 'Unknown'}) when calling the ${action} operation: ${outcome.errorMessage ?? 'Unknown'}`;
  }

  const response = outcome.response;
  const silent = findCommandByAction(outcome.call.service, action)?.silent === true;
  if (silent || response === null || Object.keys(response).length === 0) return '';

  const output = typeof settings === 'string' ? settings : settings.output;
  const query = typeof settings === 'string' ? undefined : settings.query;
  let value: unknown = response;
  if (query !== undefined) {
    const queried = applyQuery(response, query);
    if (!queried.ok) return queried.error;
    value = queried.value;
  }

  if (output === 'text') return formatText(value);
  if (output === 'table') return formatTable(value, action);
  return JSON.stringify(value, null, 4);
}
