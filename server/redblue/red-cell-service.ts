import { ErrorCode } from '../../shared/errors.js';
import type { RedCatalog, RedControl, RedControlPayload, RedDecisionPayload, RedMovePayload, RedMoveView, RedState } from '../../shared/red-blue.js';
import { redTargets } from '../account/index.js';
import { appendAudit } from '../exercise/audit.js';
import { elapsedMs } from '../exercise/clock.js';
import { findExercise, type ExerciseContext } from '../exercise/context.js';
import { AppError } from '../exercise/errors.js';
import { newId } from '../exercise/ids.js';
import type { FacilitatorPrincipal, Principal, RedPrincipal } from '../exercise/principal.js';
import type { AppLogger } from '../logger.js';
import type { QueryEngine } from '../query/query-engine.js';
import { parseMoveParams, techniqueById, techniqueViews, type Technique } from '../redcell/index.js';
import type { ExerciseRecord, RedMoveRecord, StoreData } from '../store/records.js';
import { applyMove, catchUpAll, exerciseScenarioTime, liveScope, type AccountCopies, type ExerciseCopies } from './exercise-copies.js';
import { RedBluePoints } from './points.js';
import { redControlOf, redMoveView, redState } from './red-views.js';

/**
 * The red cell's moves: checked against the catalog, held for a facilitator in approve mode, then
 * played in every target team's copy of the account and in the reference copy, in one store write.
 */
export class RedCellService {
  constructor(
    private readonly ctx: ExerciseContext,
    private readonly copies: AccountCopies,
    private readonly engine: QueryEngine,
  ) {}

  async catalog(principal: RedPrincipal): Promise<RedCatalog> {
    const copies = await this.copies.get(principal.exerciseId);
    const data = this.ctx.store.read();
    const exercise = findExercise(data, principal.exerciseId);
    catchUpAll(copies, exercise.phaseIndex);
    return {
      techniques: techniqueViews(),
      targets: redTargets(copies.reference.state, copies.basis.regions),
      defaults: copies.attacker,
      control: redControlOf(exercise),
      teams: data.teams.filter((team) => team.exerciseId === exercise.id).map((team) => ({ id: team.id, name: team.name })),
    };
  }

  /** Build the exercise's account copies in the background, so the first catalog comes fast. */
  warm(exerciseId: string, logger: AppLogger): void {
    this.copies.get(exerciseId).catch((error: unknown) => logger.warn({ err: error, exerciseId }, 'building the account copies failed'));
  }

  state(exerciseId: string): RedState {
    const data = this.ctx.store.read();
    return redState(data, findExercise(data, exerciseId));
  }

  /** Take a move from the red cell: apply it at once, or hold it for approval in approve mode. */
  async move(principal: RedPrincipal, payload: RedMovePayload): Promise<RedMoveView> {
    const technique = techniqueById(payload.techniqueId);
    if (!technique) throw new AppError(ErrorCode.NotFound, `Technique "${payload.techniqueId}" is not in the catalog. Pick one from the red console's list.`, 'techniqueId');
    const parsed = parseMoveParams(technique, payload.params);
    if (!parsed.ok) throw new AppError(ErrorCode.InvalidPayload, parsed.error.message, parsed.error.field);

    const data = this.ctx.store.read();
    const exercise = findExercise(data, principal.exerciseId);
    checkCanMove(data, exercise, payload.teamId);
    if (redControlOf(exercise).mode === 'approve') {
      const move = await this.ctx.store.write((draft) => {
        const record = findExercise(draft, exercise.id);
        checkCanMove(draft, record, payload.teamId);
        const now = this.ctx.now();
        const move = newMove(record, principal, payload, now);
        draft.redMoves.push(move);
        appendAudit(draft, record, now, principal, 'red:move', { moveId: move.id, techniqueId: move.techniqueId, status: move.status });
        return move;
      });
      this.announce(exercise.id);
      return redMoveView(move);
    }
    return this.apply(exercise.id, principal, technique, (draft, record, now) => {
      checkCanMove(draft, record, payload.teamId);
      const move = newMove(record, principal, payload, now);
      draft.redMoves.push(move);
      return move;
    });
  }

  /** Apply or reject, for a facilitator, a move that waits for approval. */
  async decide(principal: FacilitatorPrincipal, payload: RedDecisionPayload): Promise<RedMoveView> {
    const waiting = this.waitingMove(this.ctx.store.read(), payload.exerciseId, payload.moveId);
    if (!payload.approve) {
      const move = await this.ctx.store.write((draft) => {
        const record = findExercise(draft, payload.exerciseId);
        const move = this.waitingMove(draft, payload.exerciseId, payload.moveId);
        move.status = 'rejected';
        move.decidedBy = principal.name;
        appendAudit(draft, record, this.ctx.now(), principal, 'red:reject', { moveId: move.id });
        return move;
      });
      this.announce(payload.exerciseId);
      return redMoveView(move);
    }
    const technique = techniqueById(waiting.techniqueId);
    if (!technique) throw new AppError(ErrorCode.NotFound, `Technique "${waiting.techniqueId}" is no longer in the catalog; reject the move instead.`, 'moveId');
    return this.apply(payload.exerciseId, principal, technique, (draft, record) => {
      checkCanMove(draft, record, waiting.teamId ?? undefined, true);
      const move = this.waitingMove(draft, payload.exerciseId, payload.moveId);
      move.decidedBy = principal.name;
      return move;
    });
  }

  /** Switch between auto and approve mode, or pause and resume the red cell. */
  async control(principal: FacilitatorPrincipal, payload: RedControlPayload): Promise<RedControl> {
    const control = await this.ctx.store.write((draft) => {
      const record = findExercise(draft, payload.exerciseId);
      const next = { ...redControlOf(record), ...(payload.mode ? { mode: payload.mode } : {}), ...(payload.paused !== undefined ? { paused: payload.paused } : {}) };
      record.redControl = next;
      appendAudit(draft, record, this.ctx.now(), principal, 'red:control', { ...next });
      return next;
    });
    this.announce(payload.exerciseId);
    return control;
  }

  /** Send the red cell's state to the red cell and the facilitators. */
  announce(exerciseId: string): void {
    this.ctx.notifications.redChanged(exerciseId, this.state(exerciseId));
  }

  private waitingMove(data: StoreData, exerciseId: string, moveId: string): RedMoveRecord {
    const move = data.redMoves.find((candidate) => candidate.id === moveId && candidate.exerciseId === exerciseId);
    if (!move) throw new AppError(ErrorCode.NotFound, `Move "${moveId}" was not found in this exercise.`, 'moveId');
    if (move.status !== 'awaiting-approval') throw new AppError(ErrorCode.InvalidState, `Move "${moveId}" has already been ${move.status}.`, 'moveId');
    return move;
  }

  /**
   * Play a move inside one store write, so its sequence number, its results and the copies agree.
   * If the write fails after the copies changed, they are dropped and rebuilt from the store.
   */
  private async apply(
    exerciseId: string,
    principal: Principal,
    technique: Technique,
    pick: (draft: StoreData, record: ExerciseRecord, now: number) => RedMoveRecord,
  ): Promise<RedMoveView> {
    const copies = await this.copies.get(exerciseId);
    const scenario = await this.ctx.scenarios.get(findExercise(this.ctx.store.read(), exerciseId).scenarioId);
    const before = recordCounts(copies);
    let touched = false;
    let move: RedMoveRecord;
    try {
      move = await this.ctx.store.write((draft) => {
        const record = findExercise(draft, exerciseId);
        const now = this.ctx.now();
        const picked = pick(draft, record, now);
        const elapsed = elapsedMs(record, now);
        touched = true;
        catchUpAll(copies, record.phaseIndex);
        const seq = (record.liveSeq ?? 0) + 1;
        record.liveSeq = seq;
        Object.assign(picked, { status: 'applied', seq, appliedAt: now, appliedElapsedMs: elapsed, phaseIndex: record.phaseIndex, scenarioTime: exerciseScenarioTime(record, scenario, elapsed) ?? scenario.manifest.window.start });
        const outcomes = applyMove(copies, picked);
        picked.results = [...outcomes].map(([teamId, calls]) => {
          const copy = copies.teams.get(teamId)!;
          const reached = technique.tactic === 'exfiltration' && calls.some((outcome) => outcome.ok && DataReachingActions.has(outcome.call.action));
          return {
            teamId,
            calls: calls.map((outcome) => ({ action: outcome.call.action, errorCode: outcome.errorCode, eventId: outcome.record?.eventID ?? null })),
            findings: (copy.raised.get(picked.id) ?? []).map((finding) => ({ id: finding.Id, type: finding.Type, dueAt: dueAtOf(copy, finding) })),
            detectedAt: null,
            containedAt: null,
            redPoints: reached ? RedBluePoints.dataReached : 0,
            undetectedScored: false,
          };
        });
        appendAudit(draft, record, now, principal, 'red:apply', { moveId: picked.id, techniqueId: picked.techniqueId, teams: picked.results.map((result) => result.teamId) });
        return picked;
      });
    } catch (error) {
      if (touched) this.copies.drop(exerciseId);
      throw error;
    }
    await this.deliver(copies, before);
    this.announce(exerciseId);
    return redMoveView(move);
  }

  /** Hand the records a move made to the query worker, so each team's CloudTrail shows them. */
  private async deliver(copies: ExerciseCopies, before: Map<string, number>): Promise<void> {
    for (const [teamId, copy] of copies.teams) {
      const added = copy.records.slice(before.get(teamId) ?? 0);
      if (added.length > 0) await this.engine.appendLive(copies.scenarioId, liveScope(copies.exerciseId, teamId), added);
    }
  }
}

/** Calls that read data or open it to outsiders; a listing alone reaches no data. */
const DataReachingActions: ReadonlySet<string> = new Set(['GetObject', 'PutBucketPolicy', 'DeletePublicAccessBlock', 'ModifySnapshotAttribute']);

function dueAtOf(copy: ExerciseCopies['reference'], finding: { Id: string }): string {
  return copy.findings.find((pending) => pending.finding.Id === finding.Id)?.dueAt ?? '';
}

function recordCounts(copies: ExerciseCopies): Map<string, number> {
  return new Map([...copies.teams].map(([teamId, copy]) => [teamId, copy.records.length]));
}

function newMove(record: ExerciseRecord, principal: RedPrincipal, payload: RedMovePayload, now: number): RedMoveRecord {
  return {
    id: newId(),
    exerciseId: record.id,
    techniqueId: payload.techniqueId,
    params: payload.params,
    teamId: payload.teamId ?? null,
    status: 'awaiting-approval',
    requestedAt: now,
    requestedBy: principal.name,
    decidedBy: null,
    seq: null,
    appliedAt: null,
    appliedElapsedMs: null,
    phaseIndex: null,
    scenarioTime: null,
    results: [],
  };
}

/** Check that a move may be made: the exercise runs, the red cell is not paused and the target team is in the exercise. */
function checkCanMove(data: Readonly<StoreData>, exercise: ExerciseRecord, teamId: string | undefined, approving = false): void {
  if (exercise.status !== 'running') throw new AppError(ErrorCode.InvalidState, `Moves can be made only while the exercise is running (status: ${exercise.status}).`);
  if (!approving && redControlOf(exercise).paused) throw new AppError(ErrorCode.InvalidState, 'The facilitator has paused the red cell. Wait until they resume it.');
  if (teamId !== undefined && !data.teams.some((team) => team.id === teamId && team.exerciseId === exercise.id)) {
    throw new AppError(ErrorCode.NotFound, `Team "${teamId}" is not in this exercise. Leave the team out to aim at every team.`, 'teamId');
  }
}
