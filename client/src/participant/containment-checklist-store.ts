import * as Y from 'yjs';
import { ChecklistArrayName, type ChecklistItem } from '../../../shared/collab.js';

/**
 * Reads and writes the containment checklist in the team document: a Y.Array of Y.Maps with the
 * fields of ChecklistItem, the shape the server's checklist reader validates. Each item is its own
 * Y.Map, so two teammates ticking or editing different items never overwrite each other.
 */

/** Maximum length of an action; the server's reader drops the text of a longer one. */
export const checklistActionMaxLength = 1_000;

/** Maximum number of items, a limit of this editor that keeps the team document small. */
export const checklistMaxItems = 200;

export type AddItemResult = { added: true; id: string } | { added: false; reason: 'empty' | 'too-long' | 'full' };

export function checklistArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>(ChecklistArrayName);
}

/** Items in list order; entries that are not maps or lack an id (written by another client) are skipped. */
export function readItems(doc: Y.Doc): ChecklistItem[] {
  return checklistArray(doc)
    .toArray()
    .flatMap((item) => {
      if (!(item instanceof Y.Map)) {
        return [];
      }
      const id = item.get('id');
      const action = item.get('action');
      const author = item.get('author');
      if (typeof id !== 'string' || id === '') {
        return [];
      }
      return [{ id, action: typeof action === 'string' ? action : '', done: item.get('done') === true, author: typeof author === 'string' ? author : '' }];
    });
}

/** Appends an item that is not done yet, recording `author` as its writer. */
export function addItem(doc: Y.Doc, id: string, action: string, author: string): AddItemResult {
  const text = action.trim();
  if (text === '') {
    return { added: false, reason: 'empty' };
  }
  if (text.length > checklistActionMaxLength) {
    return { added: false, reason: 'too-long' };
  }
  const array = checklistArray(doc);
  if (array.length >= checklistMaxItems) {
    return { added: false, reason: 'full' };
  }
  array.push([itemMap({ id, action: text, done: false, author })]);
  return { added: true, id };
}

export function setDone(doc: Y.Doc, id: string, done: boolean): void {
  findMap(doc, id)?.set('done', done);
}

/** Replaces an item's action; an empty or too long text is ignored, so the item keeps its last valid text. */
export function setAction(doc: Y.Doc, id: string, action: string): boolean {
  const text = action.trim();
  const map = findMap(doc, id);
  if (!map || text === '' || text.length > checklistActionMaxLength) {
    return false;
  }
  if (map.get('action') !== text) {
    map.set('action', text);
  }
  return true;
}

/** Removes an item and returns it with its position, so the removal can be undone; null when it is gone already. */
export function removeItem(doc: Y.Doc, id: string): { item: ChecklistItem; index: number } | null {
  const array = checklistArray(doc);
  const index = array.toArray().findIndex((map) => map instanceof Y.Map && map.get('id') === id);
  if (index < 0) {
    return null;
  }
  const item = readItems(doc).find((candidate) => candidate.id === id)!;
  array.delete(index, 1);
  return { item, index };
}

/** Puts a removed item back at its old position, or at the end when the list has become shorter. */
export function restoreItem(doc: Y.Doc, removed: { item: ChecklistItem; index: number }): void {
  const array = checklistArray(doc);
  if (readItems(doc).some((candidate) => candidate.id === removed.item.id)) {
    return;
  }
  array.insert(Math.min(removed.index, array.length), [itemMap(removed.item)]);
}

function itemMap(item: ChecklistItem): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('id', item.id);
  map.set('action', item.action);
  map.set('done', item.done);
  map.set('author', item.author);
  return map;
}

function findMap(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
  return checklistArray(doc)
    .toArray()
    .find((map) => map instanceof Y.Map && map.get('id') === id);
}
