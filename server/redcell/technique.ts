import type { ApiCall, CallOutcome } from '../account/api-call.js';
import type { AccountState } from '../account/state.js';
import type { RedTactic } from '../../shared/red-blue.js';
import { commonParams, type ParamSpec, type ParamValues } from './params.js';

/** Inputs of a plan: the team's copy of the account before the move, and the default region. */
export interface PlanContext {
  state: AccountState;
  /** Region of regional calls when the technique has no region parameter, such as us-east-1. */
  region: string;
}

/** Parsed parameter values of a move; see each technique's `params` for the names and types. */
export type MoveParams = Record<string, unknown> & { accessKey: string; sourceIpAddress?: string; userAgent?: string };

export interface Technique {
  id: string;
  name: string;
  tactic: RedTactic;
  /** ATT&CK (Enterprise) technique or sub-technique. */
  mitre: { id: string; name: string };
  /** Summary of the move and of what blue teams should see, for the red cell's facilitator. */
  description: string;
  /** Calls the move makes, such as `iam:CreateAccessKey`. */
  calls: string[];
  params: Record<string, ParamSpec>;
  /** GuardDuty finding types the move may raise. */
  findingTypes: string[];
  /** Build the API calls of one move, in order. */
  plan(params: MoveParams, context: PlanContext): ApiCall[];
  /**
   * Tell whether a later state of the account undoes what the move gained, given the outcomes of
   * the calls it made. A move that gained nothing counts as contained.
   */
  isContained(params: MoveParams, outcomes: readonly CallOutcome[], state: AccountState): boolean;
}

type AllParams<S extends Record<string, ParamSpec>> = ParamValues<S & typeof commonParams>;

export interface TechniqueDefinition<S extends Record<string, ParamSpec>> extends Omit<Technique, 'params' | 'plan' | 'isContained'> {
  params: S;
  plan(params: AllParams<S>, context: PlanContext): ApiCall[];
  isContained(params: AllParams<S>, outcomes: readonly CallOutcome[], state: AccountState): boolean;
}

/**
 * Define a technique with typed parameters. Every technique takes the common parameters
 * (access key, source IP, user agent) first; the definition's own follow.
 */
export function defineTechnique<const S extends Record<string, ParamSpec>>(definition: TechniqueDefinition<S>): Technique {
  return {
    ...definition,
    params: { ...commonParams, ...definition.params },
    plan: (params, context) => definition.plan(params as AllParams<S>, context),
    isContained: (params, outcomes, state) => definition.isContained(params as AllParams<S>, outcomes, state),
  };
}
