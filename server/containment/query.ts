import jmespath from 'jmespath';

export type QueryResult = { ok: true; value: unknown } | { ok: false; error: string };

// jmespath 0.16 exports compile(), but @types/jmespath 0.15 declares only search().
const compileExpression = (jmespath as unknown as { compile: (expression: string) => unknown }).compile;

/** Check the syntax of a `--query` JMESPath expression, returning the CLI-style error or undefined when it is valid. */
export function checkQuery(expression: string): string | undefined {
  try {
    compileExpression(expression);
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `Bad value for --query ${expression}: ${reason}. Check the JMESPath expression, such as --query 'AccessKeyMetadata[].AccessKeyId'.`;
  }
}

/**
 * Apply a `--query` JMESPath expression to a response, as the AWS CLI does before it formats the
 * output. The AWS CLI uses the same JMESPath specification, so results match for valid input.
 */
export function applyQuery(value: unknown, expression: string): QueryResult {
  try {
    return { ok: true, value: jmespath.search(value, expression) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `--query ${expression} failed on the response: ${reason}.` };
  }
}
