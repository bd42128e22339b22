import type { ObjectiveCheck } from '../manifest.js';
import { checkFields } from './fields-check.js';
import { checkKeywords } from './keywords-check.js';
import { checkOrdered } from './ordered-check.js';
import { normalize, type CheckOutcome } from './outcome.js';
import { checkSet } from './set-check.js';
import { checkVerdicts } from './verdicts-check.js';

export type { CheckOutcome } from './outcome.js';

function checkExact(check: Extract<ObjectiveCheck, { kind: 'exact' }>, answer: string): CheckOutcome {
  const correct = check.accept.some((accepted) => normalize(accepted) === normalize(answer));
  return correct
    ? { correct, credit: 1, message: 'Correct.' }
    : { correct, credit: 0, message: `"${answer.trim()}" is not the answer. Check the evidence and try again.` };
}

/** Checks an answer against an answer key of any kind. */
export function evaluateCheck(check: ObjectiveCheck, answer: string): CheckOutcome {
  switch (check.kind) {
    case 'exact':
      return checkExact(check, answer);
    case 'set':
      return checkSet(check, answer);
    case 'verdicts':
      return checkVerdicts(check, answer);
    case 'ordered':
      return checkOrdered(check, answer);
    case 'fields':
      return checkFields(check, answer);
    case 'keywords':
      return checkKeywords(check, answer);
  }
}

/**
 * Values of an answer key that the pack's data must show by the time the objective opens.
 * Each inner list is one requirement, met when any of its values appears. Written answers
 * (keywords) and numbers have no such values.
 */
export function evidenceOf(check: ObjectiveCheck): string[][] {
  switch (check.kind) {
    case 'exact':
      return [check.accept];
    case 'set':
      return check.items.map((item) => [item]);
    case 'verdicts':
      return check.items.map((item) => item.keys);
    case 'ordered':
      return check.steps.map((step) => step.accept);
    case 'fields':
      return check.fields.flatMap((field) => (field.type === 'text' ? [field.accept] : []));
    case 'keywords':
      return [];
  }
}
