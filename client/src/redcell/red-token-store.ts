/**
 * The red cell's sign-in token, kept in localStorage like the other roles' tokens, so a reload
 * keeps the red cell signed in. It can coexist with the other sign-ins of the browser. When
 * storage is disabled, the token is kept in memory until the page is reloaded.
 */

const redTokenKey = 'cloud-ir-lab.red-token';

let memoryToken: string | null = null;

export function loadRedToken(): string | null {
  try {
    return window.localStorage.getItem(redTokenKey) || memoryToken;
  } catch (error) {
    console.warn(`Reading ${redTokenKey} from localStorage failed`, error);
    return memoryToken;
  }
}

export function saveRedToken(token: string): void {
  memoryToken = token;
  try {
    window.localStorage.setItem(redTokenKey, token);
  } catch (error) {
    console.warn(`Writing ${redTokenKey} to localStorage failed; the sign-in will not survive a reload`, error);
  }
}

export function clearRedToken(): void {
  memoryToken = null;
  try {
    window.localStorage.removeItem(redTokenKey);
  } catch (error) {
    console.warn(`Removing ${redTokenKey} from localStorage failed`, error);
  }
}
