import type { ObjectiveCheck } from '../manifest.js';
import { clampCredit, normalize, plural, splitList, type CheckOutcome } from './outcome.js';

type SetCheck = Extract<ObjectiveCheck, { kind: 'set' }>;

/**
 * Checks a list of values against the expected set. Each right value is worth 1/n of the
 * points and each wrong value takes 1/n away, so listing everything earns nothing.
 */
export function checkSet(check: SetCheck, answer: string): CheckOutcome {
  const expected = new Set(check.items.map(normalize));
  const given = splitList(answer);
  const right = given.filter((item) => expected.has(item)).length;
  const wrong = given.length - right;
  const credit = clampCredit((right - wrong) / expected.size);
  const correct = right === expected.size && wrong === 0;
  if (correct) return { correct, credit: 1, message: `Correct: all ${expected.size} values are right.` };

  const parts = [`${right} of ${expected.size} expected values are right`];
  if (wrong > 0) parts.push(`${plural(wrong, 'value')} ${wrong === 1 ? 'is' : 'are'} not part of the answer and cost a share each`);
  return { correct, credit, message: `${parts.join('; ')}. Check the evidence and submit the complete list.` };
}
