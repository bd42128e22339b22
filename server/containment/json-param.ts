export type ValueParseResult = { ok: true; value: unknown } | { ok: false; error: string };

const SNIPPET_RADIUS = 20;

/**
 * Parse the JSON value of option `--option`. A syntax error names the line and column where
 * parsing stopped and quotes the text around it, because JSON typed on one line is hard to scan.
 */
export function parseJsonParameter(option: string, text: string): ValueParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `Error parsing parameter '--${option}': Invalid JSON: ${describeJsonError(message, text)}${quoteHint(text)}` };
  }
}

/** Whether a CLI value is JSON rather than shorthand, as the CLI decides: by its first character. */
export function looksLikeJson(text: string): boolean {
  const first = text.trimStart().charAt(0);
  return first === '{' || first === '[';
}

function describeJsonError(message: string, text: string): string {
  const positionMatch = / at position (\d+)/.exec(message);
  // V8 words its messages as "<reason> in JSON at position N" or "Unexpected token 'x', "..." is not valid JSON".
  const reason = message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');

  let position: number | undefined;
  if (positionMatch?.[1] !== undefined) position = Number(positionMatch[1]);
  else if (/end of JSON input/.test(message)) position = text.length;
  if (position === undefined) return `${reason}.`;

  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  const start = Math.max(0, position - SNIPPET_RADIUS);
  const snippet = text.slice(start, position + SNIPPET_RADIUS);
  const where = position >= text.length ? 'at the end of the JSON' : `at line ${line} column ${column}, near '${snippet}'`;
  return `${reason} ${where}.`;
}

function quoteHint(text: string): string {
  if (/[{,]\s*[A-Za-z]/.test(text) && !text.includes('"')) {
    return ' The JSON has no double quotes left: wrap the whole JSON in single quotes so the shell keeps them.';
  }
  return ' Check the quotes, commas and brackets at that point, and wrap the whole JSON in single quotes.';
}
