import { describe, expect, it } from 'vitest';
import { parseMarkdownBlocks, splitTableRow } from '../../client/src/app/markdown-lite.js';

describe('markdown-lite tables', () => {
  it('parses header, separator and rows', () => {
    const blocks = parseMarkdownBlocks(['Intro line.', '| Event | Why |', '| --- | :---: |', '| `sts:GetCallerIdentity` | First call |', '| `s3:GetObject` | Downloads |', '', 'After.'].join('\n'));
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Intro line.' },
      { kind: 'table', header: ['Event', 'Why'], rows: [['`sts:GetCallerIdentity`', 'First call'], ['`s3:GetObject`', 'Downloads']] },
      { kind: 'paragraph', text: 'After.' },
    ]);
  });

  it('keeps pipes in code and escapes', () => {
    expect(splitTableRow('| `a | b` | c \\| d |')).toEqual(['`a | b`', 'c | d']);
  });

  it('pads and cuts rows to the header', () => {
    const [table] = parseMarkdownBlocks('| A | B |\n| --- | --- |\n| 1 |\n| 1 | 2 | 3 |');
    expect(table).toEqual({ kind: 'table', header: ['A', 'B'], rows: [['1', ''], ['1', '2']] });
  });

  it('leaves HTML in cells as text', () => {
    const [table] = parseMarkdownBlocks('| A |\n| --- |\n| <img src=x onerror=alert(1)> |');
    expect(table).toEqual({ kind: 'table', header: ['A'], rows: [['<img src=x onerror=alert(1)>']] });
  });

  it('needs a separator line', () => {
    expect(parseMarkdownBlocks('| A | B |\n| 1 | 2 |')).toEqual([{ kind: 'paragraph', text: '| A | B | | 1 | 2 |' }]);
  });
});
