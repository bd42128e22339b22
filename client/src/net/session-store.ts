import type { JoinResult } from '../../../shared/model.js';

/**
 * Sign-in state kept in localStorage, so a reload keeps the user signed in.
 * A facilitator token and a participant session can coexist in one browser.
 */

const facilitatorTokenKey = 'cloud-ir-lab.facilitator-token';
const participantSessionKey = 'cloud-ir-lab.participant-session';
const observerTokenKey = 'cloud-ir-lab.observer-token';

export interface ParticipantSession extends JoinResult {
  displayName: string;
}

export function loadFacilitatorToken(): string | null {
  const token = readItem(facilitatorTokenKey);
  return token ? token : null;
}

export function saveFacilitatorToken(token: string): void {
  writeItem(facilitatorTokenKey, token);
}

export function clearFacilitatorToken(): void {
  removeItem(facilitatorTokenKey);
}

export function loadObserverToken(): string | null {
  const token = readItem(observerTokenKey);
  return token ? token : null;
}

export function saveObserverToken(token: string): void {
  writeItem(observerTokenKey, token);
}

export function clearObserverToken(): void {
  removeItem(observerTokenKey);
}

/** Returns the stored participant session, or null when none is stored or it is unreadable. */
export function loadParticipantSession(): ParticipantSession | null {
  const text = readItem(participantSessionKey);
  if (!text) {
    return null;
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    removeItem(participantSessionKey);
    return null;
  }
  if (!isParticipantSession(value)) {
    removeItem(participantSessionKey);
    return null;
  }
  return value;
}

export function saveParticipantSession(session: ParticipantSession): void {
  writeItem(participantSessionKey, JSON.stringify(session));
}

export function clearParticipantSession(): void {
  removeItem(participantSessionKey);
}

function isParticipantSession(value: unknown): value is ParticipantSession {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const fields = ['playerToken', 'exerciseId', 'teamId', 'playerId', 'displayName'] as const;
  const record = value as Record<string, unknown>;
  return fields.every((field) => typeof record[field] === 'string' && record[field] !== '');
}

// Storage can be disabled (private modes, blocked cookies). Sign-in then lasts until the page
// is reloaded, which is the best the browser allows, so failures are logged and not raised.

function readItem(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch (error) {
    console.warn(`Reading ${key} from localStorage failed`, error);
    return null;
  }
}

function writeItem(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch (error) {
    console.warn(`Writing ${key} to localStorage failed; the sign-in will not survive a reload`, error);
  }
}

function removeItem(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch (error) {
    console.warn(`Removing ${key} from localStorage failed`, error);
  }
}
