import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { sql, StandardSQL } from '@codemirror/lang-sql';
import { EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { basicSetup } from 'codemirror';
import { AthenaTableColumns } from '../../../shared/athena-schema.js';
import { completionNamespace } from './athena-editor-schema.js';

/**
 * The CodeMirror 6 SQL editor of the Athena tab. This module is imported lazily, so CodeMirror
 * and its SQL language land in their own chunk, fetched after the main bundle has started the app.
 */

export interface SqlEditorOptions {
  parent: HTMLElement;
  /** Shadow root the editor lives in; CodeMirror mounts its style sheets there. */
  root: ShadowRoot;
  text: string;
  maxLength: number;
  label: string;
  placeholderText: string;
  onChange(text: string): void;
  onRun(): void;
}

export interface SqlEditor {
  text(): string;
  /** Replaces the whole text, as a preset or a history entry does, and moves the cursor to the end. */
  setText(text: string): void;
  focus(): void;
  destroy(): void;
}

// Colours of the app's dark theme (client/src/styles/global.css), each above 4.5:1 on its background.
const highlight = HighlightStyle.define([
  { tag: tags.keyword, color: 'var(--color-accent)', fontWeight: '600' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--color-success)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--color-medium)' },
  { tag: [tags.lineComment, tags.blockComment], color: 'var(--color-muted)', fontStyle: 'italic' },
  { tag: [tags.typeName, tags.standard(tags.name)], color: 'var(--color-high)' },
  { tag: [tags.operator, tags.punctuation, tags.bracket], color: 'var(--color-text)' },
]);

const theme = EditorView.theme(
  {
    '&': {
      color: 'var(--color-text)',
      backgroundColor: 'var(--color-bg)',
      border: '1px solid var(--color-border)',
      borderRadius: 'var(--radius)',
      fontSize: '13px',
    },
    '&.cm-focused': { outline: '2px solid var(--color-accent)', outlineOffset: '1px' },
    '.cm-scroller': { fontFamily: 'var(--font-mono)', minHeight: '160px', maxHeight: '50vh' },
    '.cm-content': { caretColor: 'var(--color-text)' },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--color-text)' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': { backgroundColor: 'var(--color-selected)' },
    '.cm-activeLine': { backgroundColor: 'transparent' },
    '.cm-gutters': { backgroundColor: 'var(--color-surface)', color: 'var(--color-muted)', borderRight: '1px solid var(--color-border)' },
    '.cm-activeLineGutter': { backgroundColor: 'var(--color-selected)' },
    '.cm-placeholder': { color: 'var(--color-muted)' },
    '.cm-matchingBracket': { backgroundColor: 'var(--color-selected)', outline: '1px solid var(--color-accent)' },
    '.cm-tooltip': { backgroundColor: 'var(--color-surface)', color: 'var(--color-text)', border: '1px solid var(--color-border)' },
    '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--color-selected)', color: 'var(--color-text)' },
    '.cm-completionDetail': { color: 'var(--color-muted)', fontStyle: 'normal', marginLeft: '1em' },
    '.cm-completionMatchedText': { textDecoration: 'none', color: 'var(--color-accent)' },
    '.cm-panels': { backgroundColor: 'var(--color-surface)', color: 'var(--color-text)' },
  },
  { dark: true },
);

/** Creates the editor with SQL highlighting, completion of tables and columns, and Mod-Enter to run. */
export function createSqlEditor(options: SqlEditorOptions): SqlEditor {
  const runKey = Prec.highest(
    keymap.of([
      {
        key: 'Mod-Enter',
        run: () => {
          options.onRun();
          return true;
        },
      },
    ]),
  );

  // Rejects typing or pasting past the SQL length limit, as maxlength does on a textarea. Text set
  // by a preset or a history entry is not a user event and is let through.
  const lengthLimit = EditorState.transactionFilter.of((transaction) =>
    transaction.isUserEvent('input') && transaction.newDoc.length > options.maxLength ? [] : transaction,
  );

  const view = new EditorView({
    parent: options.parent,
    root: options.root,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        runKey,
        basicSetup,
        sql({ dialect: StandardSQL, schema: completionNamespace(AthenaTableColumns), upperCaseKeywords: true }),
        syntaxHighlighting(highlight),
        theme,
        lengthLimit,
        placeholder(options.placeholderText),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': options.label, 'data-testid': 'query-editor', spellcheck: 'false' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) {
            options.onChange(update.state.doc.toString());
          }
        }),
      ],
    }),
  });

  return {
    text: () => view.state.doc.toString(),
    setText: (text) => {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: text.length } });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
