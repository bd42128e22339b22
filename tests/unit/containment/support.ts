import { expect } from 'vitest';
import type { ApiCall } from '../../../server/account/api-call.js';
import { parseAwsCommand, type ParseCommandResult } from '../../../server/containment/index.js';

export const DEFAULT_REGION = 'us-east-2';

export function parse(line: string): ParseCommandResult {
  return parseAwsCommand(line, { defaultRegion: DEFAULT_REGION });
}

/** Parse `line` and return its call, failing the test with the parser's error when it is rejected. */
export function parseCall(line: string): ApiCall {
  const result = parse(line);
  if (!result.ok) expect.fail(`${line}\n→ ${result.error}`);
  return result.call;
}

/** Parse `line` and return its output format, failing the test with the parser's error when it is rejected. */
export function parseOutputFormat(line: string): string {
  const result = parse(line);
  if (!result.ok) expect.fail(`${line}\n→ ${result.error}`);
  return result.output;
}

/** Parse `line` and return the rejection, failing the test when it is accepted. */
export function parseFailure(line: string): Extract<ParseCommandResult, { ok: false }> {
  const result = parse(line);
  if (result.ok) expect.fail(`${line}\n→ accepted as ${JSON.stringify(result.call)}`);
  return result;
}

/** Parse `line` and return its error text, failing the test when it is accepted. */
export function parseError(line: string): string {
  const result = parse(line);
  if (result.ok) expect.fail(`${line}\n→ accepted as ${JSON.stringify(result.call)}`);
  return result.error;
}
