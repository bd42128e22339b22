import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextEdit } from '../../client/src/participant/text-diff.js';

function sharedText(initial: string): Y.Text {
  const text = new Y.Doc().getText('notepad');
  text.insert(0, initial);
  return text;
}

describe('applyTextEdit', () => {
  const cases: [string, string][] = [
    ['', 'hello'],
    ['hello', ''],
    ['hello world', 'hello brave world'],
    ['aaaa', 'aaa'],
    ['abcabc', 'abXabc'],
    ['start', 'a new start'],
  ];

  it.each(cases)('turns %j into %j', (before, after) => {
    const text = sharedText(before);
    applyTextEdit(text, after);
    expect(text.toString()).toBe(after);
  });

  it('keeps a concurrent edit', () => {
    const left = new Y.Doc();
    const right = new Y.Doc();
    left.getText('notepad').insert(0, 'alpha beta');
    Y.applyUpdate(right, Y.encodeStateAsUpdate(left));

    applyTextEdit(left.getText('notepad'), 'alpha beta gamma');
    applyTextEdit(right.getText('notepad'), 'ALPHA alpha beta');
    Y.applyUpdate(left, Y.encodeStateAsUpdate(right));
    Y.applyUpdate(right, Y.encodeStateAsUpdate(left));

    expect(left.getText('notepad').toString()).toBe('ALPHA alpha beta gamma');
    expect(right.getText('notepad').toString()).toBe(left.getText('notepad').toString());
  });
});
