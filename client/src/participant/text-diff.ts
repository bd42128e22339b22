import type * as Y from 'yjs';

/**
 * Turns a textarea's new value into one delete and one insert on the shared text, found from the
 * common prefix and suffix, so concurrent edits elsewhere in the text are kept. A whole-text
 * replace would discard them.
 */
export function applyTextEdit(shared: Y.Text, next: string): void {
  const current = shared.toString();
  if (current === next) {
    return;
  }

  let prefix = 0;
  const shorter = Math.min(current.length, next.length);
  while (prefix < shorter && current[prefix] === next[prefix]) {
    prefix += 1;
  }
  let suffix = 0;
  while (suffix < shorter - prefix && current[current.length - 1 - suffix] === next[next.length - 1 - suffix]) {
    suffix += 1;
  }

  shared.doc?.transact(() => {
    const removed = current.length - prefix - suffix;
    if (removed > 0) {
      shared.delete(prefix, removed);
    }
    const inserted = next.slice(prefix, next.length - suffix);
    if (inserted) {
      shared.insert(prefix, inserted);
    }
  });
}
