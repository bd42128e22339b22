import { createHash } from 'node:crypto';
import { ErrorCode } from '../../shared/errors.js';
import type { Objective } from '../scenario/manifest.js';
import type { Scenario } from '../scenario/load.js';
import type { ExerciseRecord, StoreData, SubmissionRecord } from '../store/records.js';
import { elapsedMs } from './clock.js';
import { AppError } from './errors.js';

/** Wrong answers a team may send per rolling minute, across all objectives. */
export const WrongAnswersPerMinute = 10;
const RateWindowMs = 60_000;

/**
 * Window in which the same answer from the same team to the same objective is one attempt, so a
 * double click or two teammates pressing submit together are counted once.
 */
export const DuplicateWindowMs = 10_000;

/** Hash an answer after trimming, lowercasing and collapsing spaces, so identical answers can be compared. */
export function answerDigest(answer: string): string {
  return createHash('sha256').update(answer.trim().toLowerCase().replace(/\s+/g, ' ')).digest('hex').slice(0, 32);
}

/** Throw RATE_LIMITED when the team has sent the maximum of wrong answers in the last minute. */
export function enforceWrongAnswerRate(teamSubmissions: readonly SubmissionRecord[], now: number): void {
  const recent = teamSubmissions.filter((submission) => !submission.correct && now - submission.at < RateWindowMs).sort((a, b) => a.at - b.at);
  if (recent.length < WrongAnswersPerMinute) return;
  const retrySeconds = Math.max(1, Math.ceil((recent[recent.length - WrongAnswersPerMinute]!.at + RateWindowMs - now) / 1000));
  throw new AppError(
    ErrorCode.RateLimited,
    `Your team sent ${WrongAnswersPerMinute} wrong answers in the last minute. Retry in ${retrySeconds} s, and check the evidence before answering again.`,
    'answer',
  );
}

/** Find the earlier identical attempt within the duplicate window, if there is one. */
export function duplicateAttempt(teamSubmissions: readonly SubmissionRecord[], objectiveId: string, digest: string, now: number): SubmissionRecord | undefined {
  return teamSubmissions.find((submission) => submission.objectiveId === objectiveId && submission.answerDigest === digest && now - submission.at < DuplicateWindowMs);
}

/** Compute the bonus of a solve: the first-solve bonus when no other team has solved it, plus the time bonus. */
export function solveBonus(data: Readonly<StoreData>, exercise: ExerciseRecord, scenario: Scenario, objective: Objective, teamId: string, now: number): { points: number; labels: string[] } {
  let points = 0;
  const labels: string[] = [];
  const solvedElsewhere = data.submissions.some((submission) => submission.exerciseId === exercise.id && submission.objectiveId === objective.id && submission.correct && submission.teamId !== teamId);
  if (objective.firstSolveBonus && !solvedElsewhere) {
    points += objective.firstSolveBonus;
    labels.push(`first-solve bonus ${objective.firstSolveBonus}`);
  }

  const phaseIndex = scenario.manifest.phases.findIndex((phase) => phase.objectives.includes(objective.id));
  const releasedAt = exercise.phaseReleasedAtMs[phaseIndex];
  if (objective.timeBonus && releasedAt !== undefined && elapsedMs(exercise, now) - releasedAt <= objective.timeBonus.withinMinutes * 60_000) {
    points += objective.timeBonus.points;
    labels.push(`time bonus ${objective.timeBonus.points}`);
  }
  return { points, labels };
}
