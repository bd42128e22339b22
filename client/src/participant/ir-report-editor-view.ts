import { baseKeymap, setBlockType, toggleMark } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import type { MarkType, NodeType } from 'prosemirror-model';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import { EditorState, type Command } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { redo, undo, yCursorPlugin, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { buildCursor, buildSelection } from './ir-report-cursors.js';
import { reportSchema } from './ir-report-schema.js';

/**
 * The rich-text editor of one report section: a ProseMirror view bound to the section's
 * Y.XmlFragment with y-prosemirror, teammates' cursors from awareness, and undo that reverts only
 * this user's own changes. Imported lazily, so ProseMirror is its own chunk, fetched after the main bundle.
 */

export type FormatName = 'bold' | 'italic' | 'bullet-list' | 'heading';

export interface ReportEditorOptions {
  parent: HTMLElement;
  fragment: Y.XmlFragment;
  awareness: Awareness;
  /** Attributes of the editable element, such as its aria-label and test id. */
  attributes: Record<string, string>;
  onFocusChange(focused: boolean): void;
  /** Called after every change of content or selection, so a toolbar can show the active formats. */
  onSelectionChange(): void;
}

export interface ReportEditor {
  /** Applies a toolbar format to the selection and returns focus to the text. */
  format(name: FormatName): void;
  isActive(name: FormatName): boolean;
  focus(): void;
  destroy(): void;
}

const nodes = reportSchema.nodes;
const marks = reportSchema.marks;

function markActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) {
    return Boolean(type.isInSet(state.storedMarks ?? $from.marks()));
  }
  return state.doc.rangeHasMark(from, to, type);
}

function insideNode(state: EditorState, type: NodeType): boolean {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    if ($from.node(depth).type === type) {
      return true;
    }
  }
  return false;
}

const toggleBulletList: Command = (state, dispatch) =>
  insideNode(state, nodes.bullet_list!) ? liftListItem(nodes.list_item!)(state, dispatch) : wrapInList(nodes.bullet_list!)(state, dispatch);

const toggleHeading: Command = (state, dispatch) =>
  state.selection.$from.parent.type === nodes.heading ? setBlockType(nodes.paragraph!)(state, dispatch) : setBlockType(nodes.heading!, { level: 3 })(state, dispatch);

const formatCommands: Record<FormatName, Command> = {
  bold: toggleMark(marks.strong!),
  italic: toggleMark(marks.em!),
  'bullet-list': toggleBulletList,
  heading: toggleHeading,
};

const formatActive: Record<FormatName, (state: EditorState) => boolean> = {
  bold: (state) => markActive(state, marks.strong!),
  italic: (state) => markActive(state, marks.em!),
  'bullet-list': (state) => insideNode(state, nodes.bullet_list!),
  heading: (state) => state.selection.$from.parent.type === nodes.heading,
};

/**
 * Gives a shadow root the `createRange` of its document. y-prosemirror 1.3.7 calls `createRange`
 * on the view's root node, which exists only on Document, so every remote update inside a web
 * component threw "createRange is not a function" (an open upstream bug of y-prosemirror).
 */
function addCreateRange(node: Node): void {
  const root = node.getRootNode();
  // NOTE: remove once y-prosemirror creates ranges from the owner document itself.
  if (root instanceof ShadowRoot && !('createRange' in root)) {
    Object.defineProperty(root, 'createRange', { value: () => root.ownerDocument.createRange(), configurable: true });
  }
}

/** Creates the editor; the fragment's current content is shown at once and stays in sync both ways. */
export function createReportEditor(options: ReportEditorOptions): ReportEditor {
  addCreateRange(options.parent);
  const state = EditorState.create({
    schema: reportSchema,
    plugins: [
      ySyncPlugin(options.fragment),
      yCursorPlugin(options.awareness, { cursorBuilder: buildCursor, selectionBuilder: buildSelection }),
      yUndoPlugin(),
      keymap({
        'Mod-z': undo,
        'Mod-y': redo,
        'Mod-Shift-z': redo,
        'Mod-b': formatCommands.bold,
        'Mod-i': formatCommands.italic,
        // Tab indents only inside a list; elsewhere it is left to the browser, so focus can move on.
        Enter: splitListItem(nodes.list_item!),
        Tab: sinkListItem(nodes.list_item!),
        'Shift-Tab': liftListItem(nodes.list_item!),
      }),
      keymap(baseKeymap),
    ],
  });

  const view = new EditorView(options.parent, {
    state,
    attributes: options.attributes,
    // y-prosemirror dispatches while the view is being constructed, so this uses `this`, not `view`.
    dispatchTransaction(this: EditorView, transaction) {
      this.updateState(this.state.apply(transaction));
      options.onSelectionChange();
    },
    handleDOMEvents: {
      focus: () => {
        options.onFocusChange(true);
        return false;
      },
      blur: () => {
        options.onFocusChange(false);
        return false;
      },
    },
  });

  return {
    format(name) {
      formatCommands[name](view.state, view.dispatch);
      view.focus();
    },
    isActive: (name) => formatActive[name](view.state),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
