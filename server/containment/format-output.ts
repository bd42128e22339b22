import type { CallOutcome } from '../account/api-call.js';
import { findCommandByAction } from './catalog.js';
import type { OutputFormat } from './global-options.js';
import { formatTable } from './table-output.js';
import { formatText } from './text-output.js';

/**
 * Return what the AWS CLI prints for an outcome. A failure becomes the CLI's error line,
 * `An error occurred (Code) when calling the Action operation: message`. A success prints the
 * response in the chosen format (JSON indented by 4 spaces, as the CLI does), and nothing for
 * commands that print nothing, such as update-access-key, or for an empty response.
 */
export function formatOutput(outcome: CallOutcome, output: OutputFormat = 'json'): string {
  const action = outcome.call.action;
  if (!outcome.ok) {
    return `An error occurred (${outcome.errorCode ?? 'Unknown'}) when calling the ${action} operation: ${outcome.errorMessage ?? 'Unknown'}`;
  }

  const response = outcome.response;
  const silent = findCommandByAction(outcome.call.service, action)?.silent === true;
  if (silent || response === null || Object.keys(response).length === 0) return '';

  if (output === 'text') return formatText(response);
  if (output === 'table') return formatTable(response, action);
  return JSON.stringify(response, null, 4);
}
