/**
 * Error messages in Athena's form: `KIND: line L:C: what is wrong`, with the Trino error names
 * Athena reports (SYNTAX_ERROR, COLUMN_NOT_FOUND, TABLE_NOT_FOUND, ...), 1-based line and column
 * in the SQL the user typed, and none of DuckDB's internal detail or catalog suggestions.
 */

/** A position in the user's SQL, both 1-based. */
export interface SqlPosition {
  line: number;
  column: number;
}

/** Format an Athena-style message. */
export function athenaMessage(kind: string, detail: string, position?: SqlPosition): string {
  return position ? `${kind}: line ${position.line}:${position.column}: ${detail}` : `${kind}: ${detail}`;
}

/** Line and column of a byte offset in `sql`. */
export function positionAt(sql: string, byteOffset: number): SqlPosition {
  const before = Buffer.from(sql, 'utf8').subarray(0, Math.max(0, byteOffset)).toString('utf8');
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

interface Classified {
  kind: string;
  detail: string;
}

/** DuckDB error class and message pattern to the Athena error kind and a rewritten detail. */
const Rules: { match: RegExp; kind: string; detail?: (m: RegExpMatchArray) => string }[] = [
  { match: /^Parser Error: syntax error at end of input/, kind: 'SYNTAX_ERROR', detail: () => 'The query ended unexpectedly. Check for a missing expression, parenthesis or quote.' },
  { match: /^Parser Error: syntax error at or near "(.*)"/, kind: 'SYNTAX_ERROR', detail: (m) => `syntax error at or near '${m[1]}'.` },
  { match: /^Parser Error: (.*)/, kind: 'SYNTAX_ERROR' },
  { match: /^Binder Error: Referenced column "(.*?)" not found/, kind: 'COLUMN_NOT_FOUND', detail: (m) => `Column '${m[1]}' cannot be resolved.` },
  { match: /^Binder Error: Values list "(.*?)" does not have a column named "(.*?)"/, kind: 'COLUMN_NOT_FOUND', detail: (m) => `Column '${m[1]}.${m[2]}' cannot be resolved.` },
  { match: /^Binder Error: Could not find key "(.*?)" in struct/, kind: 'COLUMN_NOT_FOUND', detail: (m) => `Field '${m[1]}' does not exist in this struct.` },
  { match: /^Binder Error: Referenced table "(.*?)" not found/, kind: 'TABLE_NOT_FOUND', detail: (m) => `Table or alias '${m[1]}' is not in the FROM clause.` },
  { match: /^Catalog Error: Table with name (\S+) does not exist/, kind: 'TABLE_NOT_FOUND', detail: (m) => `Table '${m[1]}' does not exist.` },
  { match: /^Catalog Error: (?:Scalar|Aggregate|Table) Function with name (\S+) does not exist/, kind: 'FUNCTION_NOT_FOUND', detail: (m) => `Function '${m[1]}' not registered.` },
  { match: /^Binder Error: No function matches the given name and argument types '(.*?)'/, kind: 'FUNCTION_NOT_FOUND', detail: (m) => `Unexpected parameters for function call ${m[1]}. Check the argument types, or add a CAST.` },
  { match: /^Binder Error: (?:column )?"?(.*?)"? must appear in the GROUP BY clause/, kind: 'EXPRESSION_NOT_AGGREGATE', detail: (m) => `'${m[1]}' must be an aggregate expression or appear in the GROUP BY clause.` },
  { match: /^Binder Error: Ambiguous reference to column name "(.*?)"/, kind: 'AMBIGUOUS_NAME', detail: (m) => `Column '${m[1]}' is ambiguous. Qualify it with a table name or alias.` },
  { match: /^Binder Error: Cannot (?:compare|mix) (.*)/, kind: 'TYPE_MISMATCH', detail: (m) => `Cannot compare or mix ${m[1]}. Add a CAST to one side.` },
  { match: /^Binder Error: (.*)/, kind: 'SEMANTIC_ERROR' },
  { match: /^Conversion Error: (.*)/, kind: 'INVALID_CAST_ARGUMENT' },
  { match: /^Invalid Input Error: (.*)/, kind: 'INVALID_FUNCTION_ARGUMENT' },
  { match: /^Out of Range Error: (.*)/, kind: 'NUMERIC_VALUE_OUT_OF_RANGE' },
  { match: /^Out of Memory Error: (.*)/, kind: 'EXCEEDED_MEMORY_LIMIT', detail: () => 'The query needed more memory than a query may use. Filter or aggregate earlier, or add a LIMIT.' },
  { match: /^(?:Catalog|Permission) Error: (.*)/, kind: 'PERMISSION_DENIED' },
  { match: /^Not implemented Error: (.*)/, kind: 'NOT_SUPPORTED' },
];

function classify(text: string): Classified {
  for (const rule of Rules) {
    const match = text.match(rule.match);
    if (match) return { kind: rule.kind, detail: rule.detail ? rule.detail(match) : (match[1] ?? text) };
  }
  return { kind: 'GENERIC_USER_ERROR', detail: text.replace(/^[A-Za-z ]+ Error: /, '') };
}

/** Where DuckDB's context block points: the line and the caret's column in that line. */
function contextPosition(raw: string, executedSql: string): { line: number; charInLine: number } | undefined {
  const match = raw.match(/\nLINE (\d+): (.*)\n( *)\^/);
  if (!match) return undefined;
  const line = Number(match[1]);
  const prefixLength = `LINE ${match[1]}: `.length;
  let context = match[2]!;
  let caret = match[3]!.length - prefixLength;
  const truncatedStart = context.startsWith('...');
  if (truncatedStart) {
    context = context.slice(3);
    caret -= 3;
  }
  if (context.endsWith('...')) context = context.slice(0, -3);
  const lineText = executedSql.split('\n')[line - 1] ?? '';
  const at = truncatedStart ? lineText.indexOf(context) : 0;
  return { line, charInLine: Math.max(0, at) + caret };
}

/**
 * Translate a DuckDB error for the user. `executedSql` is the SQL DuckDB saw; `toOriginalOffset`
 * maps its byte offsets back to `originalSql` when the two differ.
 */
export function translateDuckDbError(
  raw: string,
  originalSql: string,
  executedSql: string = originalSql,
  toOriginalOffset: (offset: number) => number = (offset) => offset,
): { kind: string; message: string } {
  const firstLine = raw.split('\n')[0] ?? raw;
  const { kind, detail } = classify(firstLine.trim());
  const context = contextPosition(raw, executedSql);
  let position: SqlPosition | undefined;
  if (context) {
    const lines = executedSql.split('\n');
    const charOffset = lines.slice(0, context.line - 1).reduce((sum, text) => sum + text.length + 1, 0) + context.charInLine;
    const byteOffset = Buffer.byteLength(executedSql.slice(0, charOffset), 'utf8');
    position = positionAt(originalSql, toOriginalOffset(byteOffset));
  }
  return { kind, message: athenaMessage(kind, detail.trim().slice(0, 1000), position) };
}
