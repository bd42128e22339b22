import type { Finding } from '../../shared/model.js';
import { appendAudit } from '../exercise/audit.js';
import { elapsedMs } from '../exercise/clock.js';
import type { ExerciseContext } from '../exercise/context.js';
import type { ExerciseService, LiveActivity } from '../exercise/exercise-service.js';
import { newId } from '../exercise/ids.js';
import type { QueryEngine } from '../query/query-engine.js';
import type { ExerciseRecord, StoreData } from '../store/records.js';
import { dueFindings } from './account-copy.js';
import { exerciseScenarioTime, liveScope, type AccountCopies } from './exercise-copies.js';
import { RedBluePoints, UndetectedAfterMs } from './points.js';

/** How often running exercises with red moves are checked, in milliseconds. */
const CheckIntervalMs = 2_000;

/** Reads the CloudTrail event ids and finding ids a team has put on its timeline. */
export type TimelineRefs = (teamId: string) => Promise<Set<string>>;

/**
 * Watches the exercises where the red cell has moved. A team detects a move when its timeline
 * names one of the move's events or findings. A move a team has not detected for a while scores
 * for the red cell. A finding whose GuardDuty delay has passed reaches the team's findings list.
 */
export class RedBlueMonitor implements LiveActivity {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** Count of due findings each team was notified of, so a new one triggers one state update. */
  private readonly announced = new Map<string, number>();
  private readonly scenarioTimes = new Map<string, string | null>();

  constructor(
    private readonly ctx: ExerciseContext,
    private readonly exercises: ExerciseService,
    private readonly copies: AccountCopies,
    private readonly engine: QueryEngine,
    private readonly timelineRefs: TimelineRefs,
    private readonly onRedChanged: (exerciseId: string) => void,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => {
      this.running ??= this.check()
        .catch((error: unknown) => this.ctx.logger.error({ err: error }, 'red against blue check failed'))
        .finally(() => (this.running = undefined));
    }, CheckIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  findings(exerciseId: string, teamId: string): Finding[] {
    const copy = this.copies.peek(exerciseId)?.teams.get(teamId);
    return copy ? dueFindings(copy, this.scenarioTimes.get(exerciseId) ?? null) : [];
  }

  scope(exerciseId: string, teamId: string): string | undefined {
    const copy = this.copies.peek(exerciseId)?.teams.get(teamId);
    return copy && (copy.records.length > 0 || copy.findings.length > 0) ? liveScope(exerciseId, teamId) : undefined;
  }

  version(exerciseId: string, teamId: string): number {
    return this.copies.peek(exerciseId)?.teams.get(teamId)?.records.length ?? 0;
  }

  /** Check every exercise with applied moves or commands once. */
  async check(): Promise<void> {
    const data = this.ctx.store.read();
    // NOTE: ended exercises are left out once their last moves have scored, to bound memory, so
    // after a restart their teams' findings lists no longer show the findings raised during play.
    // The reports keep them.
    const active = data.exercises.filter(
      (exercise) => (exercise.liveSeq ?? 0) > 0 && (exercise.status === 'running' || exercise.status === 'paused' || (exercise.status === 'ended' && hasUnscoredMoves(data, exercise.id))),
    );
    for (const exercise of active) await this.checkExercise(exercise.id);
  }

  private async checkExercise(exerciseId: string): Promise<void> {
    const copies = await this.copies.get(exerciseId);
    const first = this.ctx.store.read().exercises.find((exercise) => exercise.id === exerciseId);
    if (!first) return;
    const scenario = await this.ctx.scenarios.get(first.scenarioId);
    const now = this.ctx.now();
    this.scenarioTimes.set(exerciseId, exerciseScenarioTime(first, scenario, elapsedMs(first, now)));

    let newFindings = false;
    for (const [teamId, copy] of copies.teams) {
      const due = dueFindings(copy, this.scenarioTimes.get(exerciseId) ?? null);
      const key = `${exerciseId}:${teamId}`;
      if (due.length <= (this.announced.get(key) ?? 0)) continue;
      // Athena's guardduty_findings shows them from now on too. The worker skips ones it already has.
      await this.engine.appendLiveFindings(copies.scenarioId, liveScope(exerciseId, teamId), due);
      newFindings = true;
      this.announced.set(key, due.length);
    }
    if (newFindings) this.ctx.notifications.exerciseChanged(exerciseId);
    if (first.status === 'paused') return;

    // Only the timelines of teams with a move still to detect are read, each once per check.
    const moves = this.ctx.store.read().redMoves.filter((move) => move.exerciseId === exerciseId && move.status === 'applied');
    const waiting = new Set(moves.flatMap((move) => move.results.filter((result) => result.detectedAt === null).map((result) => result.teamId)));
    const refs = new Map<string, Set<string>>();
    for (const teamId of waiting) if (copies.teams.has(teamId)) refs.set(teamId, await this.timelineRefs(teamId));
    // Most checks change nothing, so only a check that finds something writes to the store.
    if (!scoreMoves(structuredClone(moves), first, refs, now).length) return;
    const changed = await this.ctx.store.write((draft) => {
      const record = draft.exercises.find((candidate) => candidate.id === exerciseId);
      if (!record) return { red: false, blue: false };
      const marks = scoreMoves(draft.redMoves, record, refs, now);
      if (marks.length > 0) appendAudit(draft, record, now, null, 'red:score', { marks });
      for (const mark of marks) {
        if (mark.kind === 'detected') {
          draft.scoreAdjustments.push({ id: newId(), exerciseId, teamId: mark.teamId, points: RedBluePoints.detect, reason: `Detection: a red move (${mark.techniqueId}) is on the timeline.`, by: 'Red against blue', at: now });
        }
      }
      return { red: marks.some((mark) => mark.kind === 'undetected'), blue: marks.some((mark) => mark.kind === 'detected') };
    });
    if (changed.red || changed.blue) this.onRedChanged(exerciseId);
    if (changed.blue) this.exercises.scoreChanged(exerciseId);
  }
}

/** True while an ended exercise has moves that no team detected and that have not scored yet. */
function hasUnscoredMoves(data: Readonly<StoreData>, exerciseId: string): boolean {
  return data.redMoves.some((move) => move.exerciseId === exerciseId && move.status === 'applied' && move.results.some((result) => result.detectedAt === null && !result.undetectedScored));
}

interface Mark {
  kind: 'detected' | 'undetected';
  teamId: string;
  techniqueId: string;
}

/**
 * Mark, in `moves`, the results a team has detected since the last check and those that stayed
 * undetected long enough to score for the red cell. Returns what was marked.
 */
function scoreMoves(moves: StoreData['redMoves'], exercise: ExerciseRecord, refs: Map<string, Set<string>>, now: number): Mark[] {
  const marks: Mark[] = [];
  if (exercise.status === 'ready' || exercise.status === 'paused') return marks;
  // When the exercise ends, every move still undetected scores: the teams had until the end.
  const ended = exercise.status === 'ended';
  const elapsed = elapsedMs(exercise, now);
  for (const move of moves) {
    if (move.exerciseId !== exercise.id || move.status !== 'applied') continue;
    for (const result of move.results) {
      const seen = refs.get(result.teamId);
      if (result.detectedAt === null && seen && !ended) {
        const ids = [...result.calls.map((call) => call.eventId), ...result.findings.map((finding) => finding.id)];
        if (ids.some((id) => id !== null && seen.has(id))) {
          result.detectedAt = now;
          marks.push({ kind: 'detected', teamId: result.teamId, techniqueId: move.techniqueId });
        }
      }
      const longEnough = ended || (move.appliedElapsedMs !== null && elapsed - move.appliedElapsedMs >= UndetectedAfterMs);
      if (result.detectedAt === null && !result.undetectedScored && longEnough) {
        result.undetectedScored = true;
        result.redPoints += RedBluePoints.undetected;
        marks.push({ kind: 'undetected', teamId: result.teamId, techniqueId: move.techniqueId });
      }
    }
  }
  return marks;
}
