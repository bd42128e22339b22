/**
 * Copy text to the clipboard and return whether it worked. The Clipboard API needs a secure
 * context (https or localhost) and a focused page, so callers show a fallback hint on false.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
