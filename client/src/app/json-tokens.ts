/** Token of formatted JSON text, classified for syntax highlighting. */
export interface JsonToken {
  kind: 'key' | 'string' | 'number' | 'literal' | 'plain';
  text: string;
}

// A string followed by a colon is an object key; JSON.stringify output has no other colons
// outside strings, so a lookahead is enough.
const tokenPattern = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b/g;

/** Splits JSON text (as JSON.stringify writes it) into tokens; joining their text gives the input back. */
export function tokenizeJson(text: string): JsonToken[] {
  const tokens: JsonToken[] = [];
  let last = 0;
  for (const match of text.matchAll(tokenPattern)) {
    const index = match.index ?? 0;
    if (index > last) {
      tokens.push({ kind: 'plain', text: text.slice(last, index) });
    }
    if (match[1] !== undefined) {
      tokens.push({ kind: match[2] ? 'key' : 'string', text: match[1] });
      if (match[2]) {
        tokens.push({ kind: 'plain', text: match[2] });
      }
    } else if (match[3] !== undefined) {
      tokens.push({ kind: 'number', text: match[3] });
    } else {
      tokens.push({ kind: 'literal', text: match[0] });
    }
    last = index + match[0].length;
  }
  if (last < text.length) {
    tokens.push({ kind: 'plain', text: text.slice(last) });
  }
  return tokens;
}
