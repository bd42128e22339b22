import type { ObjectiveCheck } from '../manifest.js';
import { clampCredit, normalize, plural, splitList, type CheckOutcome } from './outcome.js';

type OrderedCheck = Extract<ObjectiveCheck, { kind: 'ordered' }>;

/** Length of the longest strictly increasing subsequence, in O(n log n). */
function longestIncreasingRun(values: number[]): number {
  const tails: number[] = [];
  for (const value of values) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (tails[middle]! < value) low = middle + 1;
      else high = middle;
    }
    tails[low] = value;
  }
  return tails.length;
}

/**
 * Checks key events given in order. Each value is mapped to the step it matches. The credit is
 * the longest run of steps in the right order, less one step for each value matching no step.
 */
export function checkOrdered(check: OrderedCheck, answer: string): CheckOutcome {
  const stepByValue = new Map<string, number>();
  check.steps.forEach((step, index) => step.accept.forEach((value) => stepByValue.set(normalize(value), index)));

  const matched: number[] = [];
  const seenSteps = new Set<number>();
  let unknown = 0;
  for (const value of splitList(answer)) {
    const step = stepByValue.get(value);
    if (step === undefined) unknown++;
    else if (!seenSteps.has(step)) {
      seenSteps.add(step);
      matched.push(step);
    }
  }

  const total = check.steps.length;
  const inOrder = longestIncreasingRun(matched);
  const credit = clampCredit((inOrder - unknown) / total);
  const correct = inOrder === total && unknown === 0;
  if (correct) return { correct, credit: 1, message: `Correct: all ${total} key events are in the right order.` };

  const parts = [`${inOrder} of ${total} key events are in the right order`];
  if (matched.length > inOrder) parts.push(`${plural(matched.length - inOrder, 'key event')} ${matched.length - inOrder === 1 ? 'is' : 'are'} out of order`);
  if (unknown > 0) parts.push(`${plural(unknown, 'value')} ${unknown === 1 ? 'is' : 'are'} not a key event of this attack`);
  return { correct, credit, message: `${parts.join('; ')}. Give event names or eventIDs from first to last.` };
}
