import type { Finding } from '../../shared/model.js';
import { replayRecords, type AccountState, type CallOutcome, type CloudTrailRecord } from '../account/index.js';
import type { ScenarioBasis } from './scenario-basis.js';

/** A raised finding and the scenario time it reaches GuardDuty's findings list. */
export interface PendingFinding {
  moveId: string;
  finding: Finding;
  dueAt: string;
}

/**
 * One copy of the account: a team's, or the reference copy that only the red cell changes. It
 * contains the model, the CloudTrail records made during the exercise and the findings they raised.
 */
export interface AccountCopy {
  state: AccountState;
  /** Last phase whose scripted records have been replayed into the state; -1 before the first. */
  phaseApplied: number;
  records: CloudTrailRecord[];
  findings: PendingFinding[];
  /** Outcomes of each red move in this copy, by move id, for the containment checks. */
  moves: Map<string, CallOutcome[]>;
  /** Findings each move raised or updated in this copy, by move id. */
  raised: Map<string, Finding[]>;
  /** Access keys the team created with its own commands. */
  responderKeys: Set<string>;
}

export function newCopy(basis: ScenarioBasis): AccountCopy {
  return { state: structuredClone(basis.seed), phaseApplied: -1, records: [], findings: [], moves: new Map(), raised: new Map(), responderKeys: new Set() };
}

/** Replay the scripted story into the copy up to the end of phase `phaseIndex`. */
export function catchUp(copy: AccountCopy, basis: ScenarioBasis, phaseIndex: number): void {
  const last = Math.min(phaseIndex, basis.phaseRecords.length - 1);
  for (let phase = copy.phaseApplied + 1; phase <= last; phase++) replayRecords(copy.state, basis.phaseRecords[phase]!);
  copy.phaseApplied = Math.max(copy.phaseApplied, last);
}

/** Findings of the copy that GuardDuty has raised by scenario time `now` (ISO 8601). */
export function dueFindings(copy: AccountCopy, now: string | null): Finding[] {
  if (now === null) return [];
  const at = Date.parse(now);
  return copy.findings.filter((pending) => Date.parse(pending.dueAt) <= at).map((pending) => pending.finding);
}
