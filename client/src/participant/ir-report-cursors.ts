import type { DecorationAttrs } from 'prosemirror-view';

/** Cursor colours, each with at least 4.5:1 contrast against the dark label text used on them. */
const cursorColours = ['#5ea2ff', '#56d38f', '#f3b05a', '#ff8a80', '#c792ea', '#7fdbca'];

/** Presence user as the server stamps it into awareness; anything else a client sent is ignored. */
interface StampedUser {
  playerId?: unknown;
  name?: unknown;
}

/** Picks a stable colour for a player, so their cursor keeps its colour in every section and tab. */
export function cursorColour(playerId: string): string {
  let hash = 0;
  for (const char of playerId) {
    hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  }
  return cursorColours[hash % cursorColours.length]!;
}

function identity(user: StampedUser | undefined): { name: string; colour: string } {
  const name = typeof user?.name === 'string' ? user.name : 'Teammate';
  const playerId = typeof user?.playerId === 'string' ? user.playerId : name;
  return { name, colour: cursorColour(playerId) };
}

/**
 * Builds a teammate's caret. The name is drawn by CSS from `data-name`, so it is never part of the
 * section's text content (copying, the server's reader, tests) and is never parsed as HTML.
 */
export function buildCursor(user: StampedUser | undefined): HTMLElement {
  const { name, colour } = identity(user);
  const caret = document.createElement('span');
  caret.className = 'remote-cursor';
  caret.style.borderColor = colour;
  caret.style.setProperty('--cursor-colour', colour);
  caret.dataset.name = name;
  caret.dataset.testid = 'remote-cursor';
  return caret;
}

/** Builds the highlight of a teammate's selection, in their colour at low opacity. */
export function buildSelection(user: StampedUser | undefined): DecorationAttrs {
  const { colour } = identity(user);
  return { class: 'remote-selection', style: `background-color: ${colour}40` };
}
