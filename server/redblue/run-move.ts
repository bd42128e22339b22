import { executeCall, type CallOutcome } from '../account/index.js';
import { detectFindingsInAccount, moveCallContext, parseMoveParams, planMove, techniqueById, type MoveParams, type Technique } from '../redcell/index.js';
import type { RedMoveRecord } from '../store/records.js';
import type { AccountCopy } from './account-copy.js';
import { addFinding, dropFindingsOfStoppedInstances } from './pending-findings.js';

/** The attacker's address and user agent, used where a move leaves them empty. */
export interface AttackerDefaults {
  sourceIpAddress: string;
  userAgent: string;
}

export interface ParsedMove {
  technique: Technique;
  params: MoveParams;
}

/** Find the move's technique and parse its stored parameters; null when the catalog no longer has it. */
export function parseStoredMove(move: Pick<RedMoveRecord, 'techniqueId' | 'params'>): ParsedMove | null {
  const technique = techniqueById(move.techniqueId);
  if (!technique) return null;
  const parsed = parseMoveParams(technique, move.params);
  return parsed.ok ? { technique, params: parsed.params } : null;
}

/**
 * Play one move in one copy of the account at scenario time `at`: plan its calls against the copy,
 * run them in order, keep the CloudTrail records they made and the findings GuardDuty raises.
 * `scope` distinguishes the copies in the ids, so each team's events and findings get their own.
 */
export function runMove(copy: AccountCopy, move: ParsedMove, moveId: string, scope: string, at: string, region: string, attacker: AttackerDefaults, torAddresses?: string[]): CallOutcome[] {
  const calls = planMove(move.technique, move.params, { state: copy.state, region });
  const outcomes = calls.map((call, index) => {
    // Records get ids of their own in each copy. What the move creates gets one id in every copy,
    // so the red cell can use a new key in a later move whichever copies that move reaches.
    const context = { ...moveCallContext(move.params, attacker, at, `${moveId}/${scope}/${index}`), resourceSeed: `${moveId}/${index}` };
    const outcome = executeCall(copy.state, call, context);
    if (outcome.record) copy.records.push(outcome.record);
    if (outcome.ok) dropFindingsOfStoppedInstances(copy, at);
    return outcome;
  });
  copy.moves.set(moveId, outcomes);
  const found = detectFindingsInAccount({
    technique: move.technique,
    outcomes,
    state: copy.state,
    context: {
      accountId: copy.state.accountId,
      sourceIpAddress: move.params.sourceIpAddress ?? attacker.sourceIpAddress,
      userAgent: move.params.userAgent ?? attacker.userAgent,
      at,
      idSeed: `${moveId}/${scope}`,
      accessKeyId: move.params.accessKey,
      ...(torAddresses && torAddresses.length > 0 ? { knownTorIps: torAddresses } : {}),
    },
  });
  const raised = found.map((due) => addFinding(copy, moveId, due.finding, due.dueAt));
  copy.raised.set(moveId, raised);
  return outcomes;
}
