/**
 * Line numbers of the values of one key in a JSON text, such as every `"eventID": "..."`, so a
 * problem with a record can name its line without a position-tracking parser.
 */
export function linesOfKey(text: string, key: string): Map<string, number> {
  const lines = new Map<string, number>();
  const pattern = new RegExp(`"${key}"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"`, 'g');
  let line = 1;
  let scanned = 0;
  for (const match of text.matchAll(pattern)) {
    for (let index = text.indexOf('\n', scanned); index !== -1 && index < match.index; index = text.indexOf('\n', index + 1)) line++;
    scanned = match.index;
    if (!lines.has(match[1]!)) lines.set(match[1]!, line);
  }
  return lines;
}

/** Line of a character offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}
