import { html, type TemplateResult } from 'lit';

/** A block of the small Markdown subset used in scenario reference notes. */
export type MarkdownBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'code'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][] };

const tableSeparator = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Returns whether a table starts at `index`: a row of cells and then a `| --- |` separator line. */
function isTableStart(lines: readonly string[], index: number): boolean {
  return (lines[index] ?? '').trimStart().startsWith('|') && tableSeparator.test(lines[index + 1] ?? '');
}

/**
 * Splits a pipe table row into trimmed cells. A `|` inside an `inline code` span or written as
 * `\|` belongs to the cell.
 */
export function splitTableRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let inCode = false;
  const text = line.trim().replace(/^\|/, '');
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '\\' && text[index + 1] === '|') {
      cell += '|';
      index += 1;
    } else if (char === '`') {
      inCode = !inCode;
      cell += char;
    } else if (char === '|' && !inCode) {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += char;
    }
  }
  // A row without a closing pipe still has its last cell.
  if (cell.trim() !== '') cells.push(cell.trim());
  return cells;
}

/**
 * Splits Markdown into paragraphs, `-` lists, fenced code blocks and pipe tables. Other syntax
 * stays as text. Every block holds text only, never HTML.
 * NOTE: headings, links and emphasis are not rendered; the reference notes do not use them.
 */
export function parseMarkdownBlocks(source: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  let index = 0;

  while (index < lines.length) {
    const line = lines[index] ?? '';
    if (line.trim() === '') {
      index += 1;
    } else if (line.trimStart().startsWith('```')) {
      const code: string[] = [];
      index += 1;
      while (index < lines.length && !(lines[index] ?? '').trimStart().startsWith('```')) {
        code.push(lines[index] ?? '');
        index += 1;
      }
      index += 1;
      blocks.push({ kind: 'code', text: code.join('\n') });
    } else if (isTableStart(lines, index)) {
      const header = splitTableRow(line);
      const rows: string[][] = [];
      index += 2;
      while (index < lines.length && (lines[index] ?? '').trimStart().startsWith('|')) {
        const cells = splitTableRow(lines[index] ?? '');
        // Rows are padded or cut to the header's width, as GitHub Flavored Markdown does.
        rows.push(header.map((_, column) => cells[column] ?? ''));
        index += 1;
      }
      blocks.push({ kind: 'table', header, rows });
    } else if (/^\s*- /.test(line)) {
      const items: string[] = [];
      while (index < lines.length && /^\s*(- |\s{2,}\S)/.test(lines[index] ?? '')) {
        const current = (lines[index] ?? '').trim();
        if (current.startsWith('- ')) {
          items.push(current.slice(2));
        } else if (items.length > 0) {
          // An indented line continues the previous item.
          items[items.length - 1] += ` ${current}`;
        }
        index += 1;
      }
      blocks.push({ kind: 'list', items });
    } else {
      const text: string[] = [];
      while (index < lines.length && (lines[index] ?? '').trim() !== '' && !/^\s*(- |```)/.test(lines[index] ?? '') && !isTableStart(lines, index)) {
        text.push((lines[index] ?? '').trim());
        index += 1;
      }
      blocks.push({ kind: 'paragraph', text: text.join(' ') });
    }
  }
  return blocks;
}

/** Renders text with `inline code` spans as lit template parts; nothing is parsed as HTML. */
export function renderInline(text: string): (string | TemplateResult)[] {
  return text.split(/(`[^`]+`)/).map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? html`<code>${part.slice(1, -1)}</code>` : part));
}
