import { describe, expect, it } from 'vitest';
import { tokenizeJson } from '../../client/src/app/json-tokens.js';

describe('tokenizeJson', () => {
  const text = JSON.stringify({ eventName: 'CreateAccessKey', count: -2.5e3, readOnly: false, error: null, note: 'a "b": 1' }, null, 2);
  const tokens = tokenizeJson(text);

  it('round-trips the text', () => {
    expect(tokens.map((token) => token.text).join('')).toBe(text);
  });

  it('classifies keys and values', () => {
    const of = (kind: string) => tokens.filter((token) => token.kind === kind).map((token) => token.text);
    expect(of('key')).toEqual(['"eventName"', '"count"', '"readOnly"', '"error"', '"note"']);
    expect(of('string')).toEqual(['"CreateAccessKey"', '"a \\"b\\": 1"']);
    expect(of('number')).toEqual(['-2500']);
    expect(of('literal')).toEqual(['false', 'null']);
  });
});
