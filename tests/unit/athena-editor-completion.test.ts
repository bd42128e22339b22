import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { ensureSyntaxTree } from '@codemirror/language';
import { schemaCompletionSource, sql, StandardSQL } from '@codemirror/lang-sql';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { completionNamespace } from '../../client/src/participant/athena-editor-schema.js';
import { AthenaTableColumns } from '../../shared/athena-schema.js';

/** Returns the completion labels offered at `|` in `text` (default: the end), as the editor's source computes them. */
async function labelsAt(textWithCursor: string): Promise<string[]> {
  const cursor = textWithCursor.includes('|') ? textWithCursor.indexOf('|') : textWithCursor.length;
  const text = textWithCursor.replace('|', '');
  const config = { dialect: StandardSQL, schema: completionNamespace(AthenaTableColumns) };
  const state = EditorState.create({ doc: text, extensions: [sql(config)] });
  ensureSyntaxTree(state, state.doc.length, 5_000);
  const source = schemaCompletionSource(config);
  const result = (await source(new CompletionContext(state, cursor, true))) as CompletionResult | null;
  return (result?.options ?? []).map((option) => option.label);
}

describe('athena editor completion', () => {
  it('offers both tables', async () => {
    const labels = await labelsAt('SELECT * FROM ');
    expect(labels).toContain('cloudtrail_logs');
    expect(labels).toContain('guardduty_findings');
  });

  it('offers columns without a prefix', async () => {
    const labels = await labelsAt('SELECT eventn');
    expect(labels).toContain('eventname');
    expect(labels).toContain('severity');
  });

  it('offers columns after the table name', async () => {
    const labels = await labelsAt('SELECT cloudtrail_logs.');
    expect(labels).toContain('sourceipaddress');
    expect(labels).not.toContain('severity');
  });

  it('offers struct fields after a dot', async () => {
    expect(await labelsAt('SELECT useridentity.')).toEqual(expect.arrayContaining(['arn', 'username', 'sessioncontext']));
    expect(await labelsAt('SELECT useridentity.sessioncontext.sessionissuer.')).toContain('arn');
  });

  it('offers columns after a table alias', async () => {
    const labels = await labelsAt('SELECT f.| FROM guardduty_findings f');
    expect(labels).toContain('severity');
    expect(labels).not.toContain('eventname');
  });

  it('offers nothing for an unknown prefix', async () => {
    expect(await labelsAt('SELECT nosuchcolumn.')).toEqual([]);
  });
});
