import { ParseErrorCode, parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';

export type ValueParseResult = { ok: true; value: unknown } | { ok: false; error: string };

const SNIPPET_RADIUS = 20;

const ERROR_WORDS: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'Unexpected character',
  [ParseErrorCode.InvalidNumberFormat]: 'Invalid number',
  [ParseErrorCode.PropertyNameExpected]: 'Expected a property name in double quotes',
  [ParseErrorCode.ValueExpected]: 'Expected a value',
  [ParseErrorCode.ColonExpected]: 'Expected a colon',
  [ParseErrorCode.CommaExpected]: 'Expected a comma',
  [ParseErrorCode.CloseBraceExpected]: 'Expected a closing }',
  [ParseErrorCode.CloseBracketExpected]: 'Expected a closing ]',
  [ParseErrorCode.EndOfFileExpected]: 'Unexpected text after the JSON value',
  [ParseErrorCode.InvalidCommentToken]: 'Comments are not allowed in JSON',
  [ParseErrorCode.UnexpectedEndOfString]: 'Unterminated string',
  [ParseErrorCode.InvalidUnicode]: 'Invalid \\u escape',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid escape character',
  [ParseErrorCode.InvalidCharacter]: 'Invalid character in a string',
};

/**
 * Parse the JSON value of option `--option`. A syntax error names the line and column where
 * parsing stopped and quotes the text around it, because JSON typed on one line is hard to scan.
 * JSON.parse decides what is valid; jsonc-parser only locates the error, since V8's messages do
 * not always give a position.
 */
export function parseJsonParameter(option: string, text: string): ValueParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `Error parsing parameter '--${option}': Invalid JSON: ${describeJsonError(message, text)}${quoteHint(text)}` };
  }
}

/** Check whether a CLI value is JSON rather than shorthand. Like the CLI, it looks at the first character only. */
export function looksLikeJson(text: string): boolean {
  const first = text.trimStart().charAt(0);
  return first === '{' || first === '[';
}

function describeJsonError(fallback: string, text: string): string {
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first === undefined) return `${fallback}.`;

  const reason = ERROR_WORDS[first.error] ?? printParseErrorCode(first.error);
  const position = first.offset;
  if (position >= text.trimEnd().length) return `${reason} at the end of the JSON.`;

  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  const snippet = text.slice(Math.max(0, position - SNIPPET_RADIUS), position + SNIPPET_RADIUS);
  return `${reason} at line ${line} column ${column}, near '${snippet}'.`;
}

function quoteHint(text: string): string {
  if (/[{,]\s*[A-Za-z]/.test(text) && !text.includes('"')) {
    return ' The JSON has no double quotes left: wrap the whole JSON in single quotes so the shell keeps them.';
  }
  return ' Check the quotes, commas and brackets at that point, and wrap the whole JSON in single quotes.';
}
