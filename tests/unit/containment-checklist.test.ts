import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChecklistArrayName } from '../../shared/collab.js';
import { readChecklist } from '../../server/collab/team-document.js';
import {
  addItem,
  checklistActionMaxLength,
  checklistMaxItems,
  readItems,
  removeItem,
  restoreItem,
  setAction,
  setDone,
} from '../../client/src/participant/containment-checklist-store.js';

/** Copies a document the way the server receives it: as an encoded update. */
function serverCopy(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('containment checklist', () => {
  it('writes what the server reader reads', () => {
    const doc = new Y.Doc();
    addItem(doc, 'item-1', '  Deactivate access key AKIAEXAMPLE1 of dev-deploy ', 'Ana');
    addItem(doc, 'item-2', 'Delete the backdoor user', 'Ben');
    setDone(doc, 'item-1', true);

    expect(readChecklist(serverCopy(doc))).toEqual([
      { id: 'item-1', action: 'Deactivate access key AKIAEXAMPLE1 of dev-deploy', done: true, author: 'Ana' },
      { id: 'item-2', action: 'Delete the backdoor user', done: false, author: 'Ben' },
    ]);
  });

  it('rejects empty and too long actions', () => {
    const doc = new Y.Doc();
    expect(addItem(doc, 'a', '   ', 'Ana')).toEqual({ added: false, reason: 'empty' });
    expect(addItem(doc, 'b', 'x'.repeat(checklistActionMaxLength + 1), 'Ana')).toEqual({ added: false, reason: 'too-long' });
    expect(readItems(doc)).toEqual([]);
  });

  it('stops at the item limit', () => {
    const doc = new Y.Doc();
    for (let index = 0; index < checklistMaxItems; index++) {
      addItem(doc, `item-${index}`, `Action ${index}`, 'Ana');
    }
    expect(addItem(doc, 'one-more', 'Action', 'Ana')).toEqual({ added: false, reason: 'full' });
    expect(readItems(doc)).toHaveLength(checklistMaxItems);
  });

  it('keeps the last valid action on edit', () => {
    const doc = new Y.Doc();
    addItem(doc, 'item-1', 'Rotate keys', 'Ana');
    expect(setAction(doc, 'item-1', '')).toBe(false);
    expect(setAction(doc, 'item-1', 'Rotate every key of dev-deploy')).toBe(true);
    expect(readChecklist(serverCopy(doc))[0]?.action).toBe('Rotate every key of dev-deploy');
  });

  it('restores a removed item in place', () => {
    const doc = new Y.Doc();
    addItem(doc, 'a', 'First', 'Ana');
    addItem(doc, 'b', 'Second', 'Ben');
    addItem(doc, 'c', 'Third', 'Ana');
    setDone(doc, 'b', true);

    const removed = removeItem(doc, 'b');
    expect(readItems(doc).map((item) => item.id)).toEqual(['a', 'c']);
    restoreItem(doc, removed!);

    expect(readChecklist(serverCopy(doc))).toEqual([
      { id: 'a', action: 'First', done: false, author: 'Ana' },
      { id: 'b', action: 'Second', done: true, author: 'Ben' },
      { id: 'c', action: 'Third', done: false, author: 'Ana' },
    ]);
  });

  it('merges concurrent ticks of different items', () => {
    const ana = new Y.Doc();
    addItem(ana, 'a', 'First', 'Ana');
    addItem(ana, 'b', 'Second', 'Ana');
    const ben = serverCopy(ana);

    setDone(ana, 'a', true);
    setDone(ben, 'b', true);
    Y.applyUpdate(ana, Y.encodeStateAsUpdate(ben));
    Y.applyUpdate(ben, Y.encodeStateAsUpdate(ana));

    expect(readItems(ana).map((item) => item.done)).toEqual([true, true]);
    expect(readItems(ben)).toEqual(readItems(ana));
  });

  it('skips foreign entries', () => {
    const doc = new Y.Doc();
    const array = doc.getArray<unknown>(ChecklistArrayName);
    array.push(['not a map', new Y.Map<unknown>()]);
    addItem(doc, 'a', 'First', 'Ana');
    expect(readItems(doc).map((item) => item.id)).toEqual(['a']);
    expect(removeItem(doc, 'missing')).toBeNull();
  });
});
