import { evaluateCheck, type CheckOutcome } from '../scenario/checks/index.js';
import type { Objective } from '../scenario/manifest.js';

export type { CheckOutcome } from '../scenario/checks/index.js';

/**
 * Checks a submitted answer against an objective's answer key. The outcome's `credit` is the
 * share of the points earned (partial credit for list, order, field and report answers), and
 * its message never contains an expected value the team did not submit.
 */
export function checkAnswer(objective: Objective, answer: string): CheckOutcome {
  return evaluateCheck(objective.check, answer);
}
