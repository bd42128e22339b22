import type { ObjectiveCheck } from '../manifest.js';
import { normalize, type CheckOutcome } from './outcome.js';

type KeywordsCheck = Extract<ObjectiveCheck, { kind: 'keywords' }>;

/**
 * Checks a written answer such as a containment plan. A group is met when the answer contains
 * every term of one of its alternatives. The message names the groups that were met and only
 * counts the others, so the missing actions stay for the team to work out.
 */
export function checkKeywords(check: KeywordsCheck, answer: string): CheckOutcome {
  const text = normalize(answer).replace(/\s+/g, ' ');
  const met = check.groups.filter((group) => group.anyOf.some((terms) => terms.every((term) => text.includes(normalize(term)))));
  const credit = Math.min(1, met.length / check.required);
  const correct = met.length >= check.required;
  const accepted = met.map((group) => group.label).join('; ');
  if (correct) return { correct, credit: 1, message: `Accepted: ${accepted}.` };
  const start = met.length > 0 ? `Accepted so far: ${accepted}. ` : '';
  return {
    correct,
    credit,
    message: `${start}${met.length} of the ${check.required} points a complete answer covers are present. Name the actions and the resources they apply to.`,
  };
}
