import { closest, distance } from 'fastest-levenshtein';

/**
 * Return " Did you mean X?" for the choice closest to a mistyped `word`, or an empty string when
 * none is close. A choice that differs only in case, or that starts with `word` (such as
 * --user-name for --user), counts as close.
 */
export function didYouMean(word: string, choices: readonly string[]): string {
  if (choices.length === 0 || word === '') return '';

  const sameLetters = choices.find((choice) => choice.toLowerCase() === word.toLowerCase());
  if (sameLetters !== undefined) return ` Did you mean ${sameLetters}?`;

  const extensions = choices.filter((choice) => choice.startsWith(word));
  if (extensions.length === 1) return ` Did you mean ${extensions[0]}?`;

  const candidate = closest(word, [...choices]);
  const allowed = Math.max(2, Math.floor(word.length / 3));
  return distance(word, candidate) <= allowed ? ` Did you mean ${candidate}?` : '';
}
