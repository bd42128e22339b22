/**
 * Escape text written by participants so it cannot change the Markdown around it, while leaving
 * the text readable as plain text. Characters that mark up inline text are escaped everywhere, and
 * a heading, list or quote marker only at the start, the one place it takes effect.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_{}[\]|<>~])/g, '\\$1')
    .replace(/\r?\n/g, ' ')
    .replace(/^(\s*)(#|[-+](?=\s|$))/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Build a Markdown table from cells the caller has already escaped. */
export function table(headers: string[], rows: string[][]): string {
  const lines = [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}
