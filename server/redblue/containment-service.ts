import { randomUUID } from 'node:crypto';
import { ErrorCode } from '../../shared/errors.js';
import type { ContainmentResult, ContainmentRunPayload } from '../../shared/red-blue.js';
import type { CallOutcome } from '../account/index.js';
import { containmentCommandsHelp, formatOutput, parseAwsCommand } from '../containment/index.js';
import { appendAudit } from '../exercise/audit.js';
import { elapsedMs } from '../exercise/clock.js';
import { findExercise, type ExerciseContext } from '../exercise/context.js';
import { AppError } from '../exercise/errors.js';
import type { ExerciseService } from '../exercise/exercise-service.js';
import { newId } from '../exercise/ids.js';
import type { ParticipantPrincipal } from '../exercise/principal.js';
import type { QueryEngine } from '../query/query-engine.js';
import { breaksLegitimateActivity } from '../redcell/index.js';
import type { ContainmentRecord, StoreData } from '../store/records.js';
import type { AccountCopy } from './account-copy.js';
import { applyCommand, catchUpAll, exerciseScenarioTime, liveScope, type AccountCopies, type ExerciseCopies } from './exercise-copies.js';
import { RedBluePoints } from './points.js';
import { parseStoredMove } from './run-move.js';

/** Most commands a team's history returns. */
const HistoryMax = 200;

/**
 * The blue teams' containment panel: AWS CLI commands parsed like the CLI does, run as the team's
 * IncidentResponder session in the team's own copy of the account, recorded in its CloudTrail and
 * scored: points for containing a red move, a penalty for breaking the account's legitimate work.
 */
export class ContainmentService {
  constructor(
    private readonly ctx: ExerciseContext,
    private readonly exercises: ExerciseService,
    private readonly copies: AccountCopies,
    private readonly engine: QueryEngine,
    private readonly onRedChanged: (exerciseId: string) => void,
  ) {}

  async run(principal: ParticipantPrincipal, payload: ContainmentRunPayload): Promise<ContainmentResult> {
    const exercise = findExercise(this.ctx.store.read(), principal.exerciseId);
    const scenario = await this.ctx.scenarios.get(exercise.scenarioId);
    const parsed = parseAwsCommand(payload.command, { defaultRegion: scenario.manifest.primaryRegion });
    if (!parsed.ok) return this.unsaved(principal, payload.command, parsed.usage && !parsed.help ? `${parsed.error}\n\n${parsed.usage}` : parsed.error);
    if (exercise.status !== 'running') throw new AppError(ErrorCode.InvalidState, `Commands can be run only while the exercise is running (status: ${exercise.status}).`);

    const copies = await this.copies.get(principal.exerciseId);
    const copy = copies.teams.get(principal.teamId);
    if (!copy) throw new AppError(ErrorCode.NotFound, 'Your team has no account copy. Reload the page; if it persists, ask the facilitator.');
    const before = copy.records.length;
    let touched = false;
    let stored: { record: ContainmentRecord; outcome: CallOutcome };
    try {
      stored = await this.ctx.store.write((draft) => {
        const record = findExercise(draft, principal.exerciseId);
        if (record.status !== 'running') throw new AppError(ErrorCode.InvalidState, `Commands can be run only while the exercise is running (status: ${record.status}).`);
        const now = this.ctx.now();
        touched = true;
        catchUpAll(copies, record.phaseIndex);
        const stateBefore = structuredClone(copy.state);
        const seq = (record.liveSeq ?? 0) + 1;
        record.liveSeq = seq;
        const command: ContainmentRecord = {
          id: newId(),
          exerciseId: record.id,
          teamId: principal.teamId,
          playerId: principal.playerId,
          displayName: principal.displayName,
          command: payload.command,
          call: { service: parsed.call.service, action: parsed.call.action, params: parsed.call.params, region: parsed.call.region },
          seq,
          at: now,
          phaseIndex: record.phaseIndex,
          scenarioTime: exerciseScenarioTime(record, scenario, elapsedMs(record, now)) ?? scenario.manifest.window.start,
          ok: false,
          errorCode: null,
          output: '',
          eventId: null,
          points: 0,
          reason: null,
        };
        const outcome = applyCommand(copies, command)!;
        const scored = scoreCommand(draft, copies, copy, stateBefore, principal.teamId, now);
        Object.assign(command, { ok: outcome.ok, errorCode: outcome.errorCode, output: formatOutput(outcome, parsed), eventId: outcome.record?.eventID ?? null, points: scored.points, reason: scored.reasons.join(' ') || null });
        draft.containment.push(command);
        if (scored.points !== 0) {
          draft.scoreAdjustments.push({ id: newId(), exerciseId: record.id, teamId: principal.teamId, points: scored.points, reason: `Containment: ${scored.reasons.join(' ')}`, by: 'Red against blue', at: now });
        }
        appendAudit(draft, record, now, principal, 'containment:run', { commandId: command.id, action: `${command.call.service}:${command.call.action}`, ok: outcome.ok, points: scored.points });
        return { record: command, outcome };
      });
    } catch (error) {
      if (touched) this.copies.drop(principal.exerciseId);
      throw error;
    }

    const added = copy.records.slice(before);
    if (added.length > 0) await this.engine.appendLive(copies.scenarioId, liveScope(copies.exerciseId, principal.teamId), added);
    const result = resultView(stored.record);
    this.ctx.notifications.containmentRecorded(principal.teamId, result);
    if (stored.record.points !== 0) {
      this.exercises.scoreChanged(principal.exerciseId);
      this.onRedChanged(principal.exerciseId);
    }
    return result;
  }

  history(principal: ParticipantPrincipal): ContainmentResult[] {
    return this.ctx.store
      .read()
      .containment.filter((command) => command.teamId === principal.teamId)
      .slice(-HistoryMax)
      .reverse()
      .map(resultView);
  }

  /** List the supported commands for the panel's help. */
  help() {
    return containmentCommandsHelp();
  }

  /** Build the result of a command the parser rejected: shown to the member who typed it, neither run nor stored. */
  private unsaved(principal: ParticipantPrincipal, command: string, output: string): ContainmentResult {
    return { id: randomUUID(), command, ok: false, output, errorCode: null, eventId: null, points: 0, reason: null, at: new Date(this.ctx.now()).toISOString(), scenarioTime: null, by: principal.displayName };
  }
}

function resultView(record: ContainmentRecord): ContainmentResult {
  return {
    id: record.id,
    command: record.command,
    ok: record.ok,
    output: record.output,
    errorCode: record.errorCode,
    eventId: record.eventId,
    points: record.points,
    reason: record.reason,
    at: new Date(record.at).toISOString(),
    scenarioTime: record.scenarioTime,
    by: record.displayName,
  };
}

/**
 * Score one command: each applied red move that gained something in the team's copy and is now
 * undone counts as contained, and a change that breaks the account's legitimate work costs points.
 */
function scoreCommand(draft: StoreData, copies: ExerciseCopies, copy: AccountCopy, stateBefore: AccountCopy['state'], teamId: string, now: number): { points: number; reasons: string[] } {
  let points = 0;
  const reasons: string[] = [];
  for (const move of draft.redMoves) {
    if (move.exerciseId !== copies.exerciseId || move.status !== 'applied') continue;
    const result = move.results.find((candidate) => candidate.teamId === teamId);
    const outcomes = copy.moves.get(move.id);
    if (!result || result.containedAt !== null || !outcomes?.some((outcome) => outcome.ok)) continue;
    const parsed = parseStoredMove(move);
    // What a discovery move read stays read, so there is nothing to contain.
    if (!parsed || parsed.technique.tactic === 'discovery' || !parsed.technique.isContained(parsed.params, outcomes, copy.state)) continue;
    result.containedAt = now;
    points += RedBluePoints.contain;
    reasons.push(`Contained "${parsed.technique.name}" (+${RedBluePoints.contain}).`);
  }
  const broken = breaksLegitimateActivity(stateBefore, copy.state, { accessKeys: [...copies.basis.legitimateKeys, ...copy.responderKeys] });
  if (broken) {
    points += RedBluePoints.breakLegitimate;
    reasons.push(`${broken} (${RedBluePoints.breakLegitimate}).`);
  }
  return { points, reasons };
}
