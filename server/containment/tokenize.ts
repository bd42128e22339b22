import { parse } from 'shell-quote';
import { scanShellLine } from './shell-scan.js';

/** Maximum length of one command line in characters, the same as the containment socket payload's limit. */
export const MAX_COMMAND_LENGTH = 8_192;

export type TokenizeResult = { ok: true; words: string[] } | { ok: false; error: string };

/**
 * Split a command line into words as a POSIX shell would (single and double quotes, backslash
 * escapes), with shell-quote. Operators such as `|`, `;`, `&&` and `>`, variables and command
 * substitution are rejected, because the console runs one AWS CLI command and nothing else.
 */
export function tokenizeCommand(line: string): TokenizeResult {
  if (line.length > MAX_COMMAND_LENGTH) {
    return {
      ok: false,
      error: `The command is ${line.length} characters long, more than the maximum of ${MAX_COMMAND_LENGTH}. Shorten it, for example by removing the spaces and line breaks in its JSON.`,
    };
  }

  const scanned = scanShellLine(line);
  if (!scanned.ok) return scanned;

  const words: string[] = [];
  // A lookup function that returns an object makes shell-quote keep any variable it finds as a
  // marker, so nothing is ever replaced by an empty string.
  const entries = parse(scanned.line, (name: string) => ({ variable: name }));
  for (const entry of entries) {
    if (typeof entry === 'string') {
      words.push(entry);
    } else if ('comment' in entry) {
      break;
    } else if ('op' in entry && entry.op === 'glob') {
      words.push(entry.pattern);
    } else if ('op' in entry) {
      return { ok: false, error: `The shell operator ${entry.op} is not supported: this console is not a shell and runs one aws command at a time.` };
    } else {
      return { ok: false, error: 'Shell variables are not expanded: this console is not a shell. Type the value itself.' };
    }
  }
  return { ok: true, words };
}
