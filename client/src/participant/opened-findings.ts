import { loadViewItem, saveViewItem } from '../net/view-prefs.js';

/** Maximum number of opened finding ids kept per exercise; older ids are dropped first. */
const openedFindingsMax = 500;

/**
 * Returns the ids of GuardDuty findings whose detail pane the player has opened in this exercise;
 * the others carry the "New" tag. Without a stored list, `fallback` (the findings already counted
 * as seen) is used, so findings read before this list existed are not marked new again.
 */
export function loadOpenedFindings(exerciseId: string, fallback: ReadonlySet<string>): Set<string> {
  const text = loadViewItem(exerciseId, 'opened-findings');
  if (!text) {
    return new Set(fallback);
  }
  try {
    const value: unknown = JSON.parse(text);
    return new Set(Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set(fallback);
  }
}

export function saveOpenedFindings(exerciseId: string, ids: ReadonlySet<string>): void {
  saveViewItem(exerciseId, 'opened-findings', JSON.stringify([...ids].slice(-openedFindingsMax)));
}
