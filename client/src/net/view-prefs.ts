/**
 * Per-exercise view state kept in localStorage, so a reload keeps the open tab, the SQL editor
 * text and which GuardDuty findings the player has already seen. Keys carry the exercise id, so
 * joining another exercise starts clean.
 */

const prefix = 'cloud-ir-lab.view';

/** Maximum number of seen finding ids kept per exercise; older ids are dropped first. */
const seenFindingsMax = 500;

export function loadViewItem(exerciseId: string, name: string): string | null {
  try {
    return window.localStorage.getItem(`${prefix}.${exerciseId}.${name}`);
  } catch (error) {
    console.warn(`Reading the ${name} view setting from localStorage failed`, error);
    return null;
  }
}

export function saveViewItem(exerciseId: string, name: string, value: string): void {
  try {
    window.localStorage.setItem(`${prefix}.${exerciseId}.${name}`, value);
  } catch (error) {
    console.warn(`Writing the ${name} view setting to localStorage failed; it will not survive a reload`, error);
  }
}

/** Returns the ids of GuardDuty findings the player has seen in this exercise. */
export function loadSeenFindings(exerciseId: string): Set<string> {
  const text = loadViewItem(exerciseId, 'seen-findings');
  if (!text) {
    return new Set();
  }
  try {
    const value: unknown = JSON.parse(text);
    return new Set(Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

export function saveSeenFindings(exerciseId: string, ids: Set<string>): void {
  saveViewItem(exerciseId, 'seen-findings', JSON.stringify([...ids].slice(-seenFindingsMax)));
}
