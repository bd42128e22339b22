import { html, type TemplateResult } from 'lit';

/** A block of the small Markdown subset used in scenario reference notes. */
export type MarkdownBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'code'; text: string };

/**
 * Splits Markdown into paragraphs, `-` lists and fenced code blocks. Other syntax stays as text.
 * NOTE: headings, tables, links and emphasis are not rendered; the reference notes do not use them.
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
      while (index < lines.length && (lines[index] ?? '').trim() !== '' && !/^\s*(- |```)/.test(lines[index] ?? '')) {
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
