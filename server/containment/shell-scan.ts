/**
 * A quote-aware pass over a command line before it is split into words. It finds what a shell
 * would expand or run (variables, command substitution, several commands on several lines) and
 * rewrites the few spots where the tokenizer would differ from a POSIX shell.
 */

export type ScanResult = { ok: true; line: string } | { ok: false; error: string };

const TYPOGRAPHIC_QUOTES = new Set(['\u2018', '\u2019', '\u201C', '\u201D']);
const EXPANSION_START = /[A-Za-z_{(0-9@*#?!$-]/;

/**
 * Check `line` for shell features the console does not run, and return the line prepared for
 * shell-quote. Backslash-newline continuations are removed. A literal `$` and a `#` inside a word
 * are escaped, so that they stay part of the word as they do in a POSIX shell.
 */
export function scanShellLine(line: string): ScanResult {
  let quote: "'" | '"' | null = null;
  let output = '';
  let atWordStart = true;

  for (let index = 0; index < line.length; index += 1) {
    const char = line.charAt(index);
    const next = line.charAt(index + 1);

    if (quote === "'") {
      output += char;
      if (char === "'") quote = null;
      continue;
    }

    if (char === '\\') {
      if (next === '') {
        return { ok: false, error: 'The command ends with a backslash, which would continue it on the next line. Remove the backslash or finish the command.' };
      }
      if (next === '\n') {
        index += 1;
        continue;
      }
      if (next === '\r' && line.charAt(index + 2) === '\n') {
        index += 2;
        continue;
      }
      output += char + next;
      index += 1;
      atWordStart = false;
      continue;
    }

    if (char === '`') {
      return { ok: false, error: 'Command substitution with backticks is not supported: this console is not a shell. Type the value itself.' };
    }

    if (char === '$') {
      if (next === '(') {
        return { ok: false, error: 'Command substitution with $(...) is not supported: this console is not a shell. Type the value itself.' };
      }
      if (EXPANSION_START.test(next)) {
        return { ok: false, error: `Shell variables such as $${variableName(line, index + 1)} are not expanded: this console is not a shell. Type the value itself.` };
      }
      output += '\\$';
      atWordStart = false;
      continue;
    }

    if (quote === '"') {
      output += char;
      if (char === '"') quote = null;
      continue;
    }

    if (TYPOGRAPHIC_QUOTES.has(char)) {
      return { ok: false, error: `The command contains the typographic quote ${char}, which a shell does not treat as a quote. Type straight quotes (' or ") instead.` };
    }
    if (char === '\n' || char === '\r') {
      return { ok: false, error: 'The command spans several lines: run one command at a time, or end a line with \\ to continue it.' };
    }
    if (char === '#' && !atWordStart) {
      output += '\\#';
      continue;
    }

    if (char === "'" || char === '"') quote = char;
    output += char;
    atWordStart = char === ' ' || char === '\t';
  }

  if (quote !== null) {
    const name = quote === "'" ? 'single' : 'double';
    return { ok: false, error: `The command has an unterminated ${name} quote: add the closing ${quote}.` };
  }
  return { ok: true, line: output };
}

function variableName(line: string, start: number): string {
  const match = /^\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(line.slice(start));
  return match?.[1] ?? line.charAt(start);
}
