/**
 * The simulated activity of an exercise: facilitators releasing phases, members submitting
 * answers, editing the timeline and report, and browsing CloudTrail and SQL. Every loop stops at
 * its deadline (performance.now() milliseconds).
 */
import { releaseKey, editKey, type BenchContext } from './context.js';
import type { ExerciseHandle } from './population.js';
import {
  addTimelineEntry,
  appendReportParagraph,
  BenchQueries,
  browseCloudTrail,
  getExercise,
  PhaseCount,
  releasePhase,
  runQuery,
  submitAnswer,
  trimReportSection,
  trimTimeline,
} from './protocol.js';
import { ReportSections } from '../../../shared/collab.js';
import { jitter, pick, sleep, waitFor } from './timing.js';

/** Mean milliseconds between wrong answers submitted in one exercise. */
const ScoreIntervalMs = 1_500;
/** Mean milliseconds between timeline entries added in one team. */
const TimelineIntervalMs = 2_000;
/** Mean milliseconds between two browsing actions of one member. */
const BrowseIntervalMs = 7_000;
/** Milliseconds a driver waits for every delivery of one message before moving on. */
const DeliveryWaitMs = 3_000;

/**
 * Sequence numbers of submissions and timeline entries, shared by every run of the drivers in
 * this process: idempotency keys and entry ids must never repeat, or the server would take a
 * new submission for a resend.
 */
const sequences = { submission: 0, timelineEntry: 0 };

/**
 * Sizes the team documents stay at in a run with bounded documents (the soak), where the oldest
 * entries and paragraphs are deleted as new ones arrive. Without a bound the documents grow for
 * as long as the load runs, and memory with them.
 */
const BoundedTimelineEntries = 30;
const BoundedReportParagraphs = 3;

/** Sleeps `ms` and returns true, or returns false at once if that would pass the deadline. */
async function sleepBefore(ms: number, deadline: number): Promise<boolean> {
  if (performance.now() + ms > deadline) return false;
  await sleep(ms);
  return true;
}

/**
 * Releases every phase of every exercise within `windowMs`: the first phases in the first tenth of
 * the window, the later ones spread evenly over the middle 70%.
 */
export async function driveReleases(context: BenchContext, windowMs: number): Promise<void> {
  const began = performance.now();
  const exercises = context.population.exercises;
  const laterSlots = (PhaseCount - 1) * exercises.length;
  const slotMs = (0.7 * windowMs) / Math.max(1, laterSlots);

  await Promise.all(
    exercises.map(async (exercise, e) => {
      for (let phase = 0; phase < PhaseCount; phase += 1) {
        const at = phase === 0 ? (0.1 * windowMs * e) / exercises.length : 0.15 * windowMs + ((phase - 1) * exercises.length + e) * slotMs;
        await sleep(began + at - performance.now());
        const key = releaseKey(exercise.id, phase);
        context.trackers.release.sent(key, exercise.participants.length);
        try {
          await releasePhase(exercise.facilitator, exercise.id, phase);
          if (phase === 0) context.started.add(exercise.id);
        } catch (error) {
          context.trackers.release.cancel(key);
          context.errors.record(`release phase ${phase}`, error);
          if (phase === 0) return;
        }
      }
    }),
  );
}

/**
 * Submits wrong answers one at a time per exercise, so each `score:updated` matches its submission.
 * The teams take turns, so with the default 5 teams each sends about 8 a minute, under the limit of 10
 * wrong answers per team and minute.
 */
export async function driveScores(context: BenchContext, deadline: number): Promise<void> {
  await Promise.all(
    context.population.exercises.map(async (exercise) => {
      await waitFor(() => context.started.has(exercise.id), deadline - performance.now());
      const teamIds = [...new Set(exercise.participants.map((participant) => participant.teamId))];
      for (let turn = 0; ; turn++) {
        if (!(await sleepBefore(jitter(ScoreIntervalMs), deadline))) break;
        const teamId = teamIds[turn % teamIds.length];
        const member = pick(exercise.participants.filter((participant) => participant.teamId === teamId));
        const sequence = ++sequences.submission;
        context.trackers.score.sent(exercise.id, exercise.participants.length);
        try {
          await submitAnswer(member.socket, `wrong-answer-${sequence}`, `bench-${process.pid}-${sequence}`);
          context.ledger.submissionAcked(member.teamId, performance.now());
        } catch (error) {
          context.trackers.score.cancel(exercise.id);
          context.errors.record('objective:submit', error);
          continue;
        }
        await waitFor(() => context.trackers.score.complete(exercise.id), DeliveryWaitMs);
      }
    }),
  );
}

/** Adds timeline entries, one at a time per team, each from a random member of the team. */
export async function driveTimeline(context: BenchContext, deadline: number, bounded: boolean): Promise<void> {
  const teams = context.population.exercises.flatMap((exercise: ExerciseHandle) => exercise.teams);
  await Promise.all(
    teams.map(async (team) => {
      for (;;) {
        if (!(await sleepBefore(jitter(TimelineIntervalMs), deadline))) break;
        const author = pick(team);
        const key = editKey(author.teamId, ++sequences.timelineEntry);
        context.trackers.yjs.sent(key, team.length - 1);
        addTimelineEntry(author.team.doc, key, author.name);
        if (bounded) trimTimeline(author.team.doc, BoundedTimelineEntries);
        await waitFor(() => context.trackers.yjs.complete(key), DeliveryWaitMs);
      }
    }),
  );
}

/** Lets every member browse CloudTrail, run SQL, reread the exercise and write in the report. */
export async function driveBrowsing(context: BenchContext, deadline: number, bounded: boolean): Promise<void> {
  await Promise.all(
    context.population.participants.map(async (member) => {
      await waitFor(() => context.started.has(member.exerciseId), deadline - performance.now());
      for (;;) {
        if (!(await sleepBefore(jitter(BrowseIntervalMs), deadline))) break;
        const roll = Math.random();
        try {
          if (roll < 0.45) await browseCloudTrail(member.socket, 50 * Math.floor(Math.random() * 4));
          else if (roll < 0.6) await runQuery(member.socket, pick(BenchQueries));
          else if (roll < 0.75) await getExercise(member.socket);
          else {
            const section = pick(ReportSections);
            appendReportParagraph(member.team.doc, section, `Note from ${member.name}: the key was used from a Tor exit node.`);
            if (bounded) trimReportSection(member.team.doc, section, BoundedReportParagraphs);
          }
        } catch (error) {
          context.errors.record('browsing', error);
        }
      }
    }),
  );
}

/**
 * Runs every driver for `durationMs`. With `releases` false the phases stay where they are, and
 * with `boundedDocuments` the team documents stop growing once they reach a working size.
 */
export async function runWorkload(context: BenchContext, durationMs: number, options: { releases: boolean; boundedDocuments: boolean }): Promise<void> {
  const deadline = performance.now() + durationMs;
  await Promise.all([
    options.releases ? driveReleases(context, durationMs) : Promise.resolve(),
    driveScores(context, deadline),
    driveTimeline(context, deadline, options.boundedDocuments),
    driveBrowsing(context, deadline, options.boundedDocuments),
  ]);
}
