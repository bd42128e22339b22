import type { Objective } from '../scenario/manifest.js';

export interface CheckOutcome {
  correct: boolean;
  /** Feedback for the team. It never contains the expected answer. */
  message: string;
}

function normalize(value: string): string {
  return value.trim().toLowerCase();
}

/** Check a submitted answer against an objective's answer key. */
export function checkAnswer(objective: Objective, answer: string): CheckOutcome {
  const check = objective.check;
  const correct = check.accept.some((accepted) => normalize(accepted) === normalize(answer));
  return correct
    ? { correct, message: 'Correct.' }
    : { correct, message: `"${answer.trim()}" is not the answer. Check the evidence and try again.` };
}
