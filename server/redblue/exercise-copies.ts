import { executeCall, type ApiCall, type CallOutcome } from '../account/index.js';
import { scenarioTime } from '../exercise/clock.js';
import type { ExerciseContext } from '../exercise/context.js';
import { findExercise } from '../exercise/context.js';
import type { QueryEngine } from '../query/query-engine.js';
import type { Scenario } from '../scenario/load.js';
import type { ContainmentRecord, ExerciseRecord, RedMoveRecord, StoreData } from '../store/records.js';
import { catchUp, newCopy, type AccountCopy } from './account-copy.js';
import { dropFindingsOfStoppedInstances } from './pending-findings.js';
import { responderContext } from './responder.js';
import { parseStoredMove, runMove, type AttackerDefaults } from './run-move.js';
import { loadScenarioBasis, type ScenarioBasis } from './scenario-basis.js';

/** Every copy of one exercise's account: one per team, and the reference copy only red moves change. */
export interface ExerciseCopies {
  exerciseId: string;
  scenarioId: string;
  basis: ScenarioBasis;
  attacker: AttackerDefaults;
  reference: AccountCopy;
  teams: Map<string, AccountCopy>;
}

/** Scope of a team's live events in the query worker. */
export function liveScope(exerciseId: string, teamId: string): string {
  return `${exerciseId}:${teamId}`;
}

/** Scenario time of the exercise now, to the second as CloudTrail records it; null before the start. */
export function exerciseScenarioTime(exercise: ExerciseRecord, scenario: Scenario, elapsed: number): string | null {
  const time = scenarioTime(exercise, scenario.manifest.phases, elapsed);
  return time === null ? null : time.replace(/\.\d+Z$/, 'Z');
}

/**
 * The account copies of the exercises in play, built on first use and rebuilt from the store after
 * a restart. A build replays the seed, the scripted story up to each phase, and every applied red
 * move and containment command in the order they were applied. The calls are deterministic, so a
 * rebuild makes the same records, ids and findings as the first run.
 */
export class AccountCopies {
  private readonly exercises = new Map<string, Promise<ExerciseCopies>>();
  private readonly loaded = new Map<string, ExerciseCopies>();
  private readonly bases = new Map<string, Promise<ScenarioBasis>>();

  constructor(
    private readonly ctx: ExerciseContext,
    private readonly engine: QueryEngine,
  ) {}

  /** Return the copies of an exercise, with a copy for every current team. */
  async get(exerciseId: string): Promise<ExerciseCopies> {
    let pending = this.exercises.get(exerciseId);
    const teams = this.ctx.store.read().teams.filter((team) => team.exerciseId === exerciseId);
    const current = this.loaded.get(exerciseId);
    if (pending && current && teams.some((team) => !current.teams.has(team.id))) {
      this.drop(exerciseId);
      pending = undefined;
    }
    if (!pending) {
      pending = this.build(exerciseId);
      this.exercises.set(exerciseId, pending);
      pending.then(
        (copies) => this.loaded.set(exerciseId, copies),
        () => this.exercises.delete(exerciseId),
      );
    }
    return pending;
  }

  /** Return the copies of an exercise if they are built, without waiting. */
  peek(exerciseId: string): ExerciseCopies | undefined {
    return this.loaded.get(exerciseId);
  }

  /** Forget an exercise's copies, after a failed write left them ahead of the store; the next use rebuilds them. */
  drop(exerciseId: string): void {
    this.exercises.delete(exerciseId);
    this.loaded.delete(exerciseId);
  }

  private async basis(scenario: Scenario): Promise<ScenarioBasis> {
    let pending = this.bases.get(scenario.contentHash);
    if (!pending) {
      pending = loadScenarioBasis(scenario);
      this.bases.set(scenario.contentHash, pending);
      pending.catch(() => this.bases.delete(scenario.contentHash));
    }
    return pending;
  }

  private async build(exerciseId: string): Promise<ExerciseCopies> {
    const first = findExercise(this.ctx.store.read(), exerciseId);
    const scenario = await this.ctx.scenarios.get(first.scenarioId);
    const basis = await this.basis(scenario);
    // Read again after the waits, so actions applied meanwhile are part of the replay.
    const data = this.ctx.store.read();
    const exercise = findExercise(data, exerciseId);
    const copies: ExerciseCopies = {
      exerciseId,
      scenarioId: scenario.manifest.id,
      basis,
      attacker: basis.attacker,
      reference: newCopy(basis),
      teams: new Map(data.teams.filter((team) => team.exerciseId === exerciseId).map((team) => [team.id, newCopy(basis)])),
    };
    for (const action of appliedActions(data, exerciseId)) {
      catchUpAll(copies, action.record.phaseIndex ?? 0);
      if (action.kind === 'move') applyMove(copies, action.record);
      else applyCommand(copies, action.record);
    }
    catchUpAll(copies, exercise.phaseIndex);
    for (const [teamId, copy] of copies.teams) await this.engine.appendLive(copies.scenarioId, liveScope(exerciseId, teamId), copy.records);
    return copies;
  }
}

type AppliedAction = { kind: 'move'; record: RedMoveRecord } | { kind: 'command'; record: ContainmentRecord };

function appliedActions(data: Readonly<StoreData>, exerciseId: string): AppliedAction[] {
  const moves: AppliedAction[] = data.redMoves.filter((move) => move.exerciseId === exerciseId && move.status === 'applied' && move.seq !== null).map((record) => ({ kind: 'move', record }));
  const commands: AppliedAction[] = data.containment.filter((command) => command.exerciseId === exerciseId).map((record) => ({ kind: 'command', record }));
  return [...moves, ...commands].sort((a, b) => (a.record.seq ?? 0) - (b.record.seq ?? 0));
}

/** Replay the scripted story into every copy up to phase `phaseIndex`. */
export function catchUpAll(copies: ExerciseCopies, phaseIndex: number): void {
  catchUp(copies.reference, copies.basis, phaseIndex);
  for (const copy of copies.teams.values()) catchUp(copy, copies.basis, phaseIndex);
}

/**
 * Apply an applied move to the reference copy and to its target teams' copies (every team when it
 * names none). Returns the outcomes by team. A move whose technique left the catalog changes nothing.
 */
export function applyMove(copies: ExerciseCopies, move: RedMoveRecord): Map<string, CallOutcome[]> {
  const results = new Map<string, CallOutcome[]>();
  const parsed = parseStoredMove(move);
  if (!parsed || move.scenarioTime === null) return results;
  const region = copies.basis.primaryRegion;
  runMove(copies.reference, parsed, move.id, 'reference', move.scenarioTime, region, copies.attacker, copies.basis.torAddresses);
  for (const [teamId, copy] of copies.teams) {
    if (move.teamId !== null && move.teamId !== teamId) continue;
    results.set(teamId, runMove(copy, parsed, move.id, teamId, move.scenarioTime, region, copies.attacker, copies.basis.torAddresses));
  }
  return results;
}

/** Run a containment command in its team's copy; null when the team has no copy (it was removed). */
export function applyCommand(copies: ExerciseCopies, command: ContainmentRecord): CallOutcome | null {
  const copy = copies.teams.get(command.teamId);
  if (!copy) return null;
  const outcome = executeCall(copy.state, command.call as ApiCall, responderContext(command.teamId, command.displayName, command.scenarioTime, command.id));
  if (outcome.record) copy.records.push(outcome.record);
  if (outcome.ok) dropFindingsOfStoppedInstances(copy, command.scenarioTime);
  rememberResponderKey(copy, outcome);
  return outcome;
}

/** Keys a team created itself count as replacements when it later disables an old one. */
function rememberResponderKey(copy: AccountCopy, outcome: CallOutcome): void {
  if (!outcome.ok || outcome.call.action !== 'CreateAccessKey') return;
  const key = (outcome.response?.AccessKey as { AccessKeyId?: unknown } | undefined)?.AccessKeyId;
  if (typeof key === 'string') copy.responderKeys.add(key);
}
