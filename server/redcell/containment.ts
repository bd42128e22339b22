import type { CallOutcome } from '../account/api-call.js';
import type { AccountState } from '../account/state.js';
import { techniques } from './catalog.js';
import type { MoveParams, Technique } from './technique.js';

/**
 * Tell whether `state` undoes what one move gained: for example the key it used or created is
 * inactive or deleted, the admin policy detached, the trail logging again, the launched instances
 * stopped, the public access block back on. `planOutcomes` are the outcomes of the move's calls in
 * the same team's copy; a move whose calls all failed counts as contained.
 */
export function isContained(technique: Technique, params: MoveParams, planOutcomes: readonly CallOutcome[], state: AccountState): boolean {
  if (planOutcomes.length > 0 && planOutcomes.every((outcome) => !outcome.ok)) return true;
  return technique.isContained(params, planOutcomes, state);
}

/** The containment predicate of every technique, by technique id. */
export const moveContainment: Readonly<Record<string, Technique['isContained']>> = Object.fromEntries(
  techniques.map((technique) => [technique.id, (params: MoveParams, outcomes: readonly CallOutcome[], state: AccountState) => isContained(technique, params, outcomes, state)]),
);
