import type { ScoreboardEntry, ScorePoint } from '../../shared/model.js';
import type { StoreData } from '../store/records.js';

/**
 * Team scores from the stored records. An objective's points are the sum of its answers (credit,
 * bonuses, penalties) and opened hints, floored at zero: wrong answers and hints can cost at most
 * what the objective has earned. Inject awards and facilitator adjustments are added on top.
 * With `until` (epoch ms), only records made at or before that time count.
 */
export function teamScore(data: Readonly<StoreData>, teamId: string, until = Infinity): number {
  const byObjective = new Map<string, number>();
  const add = (objectiveId: string, points: number) => byObjective.set(objectiveId, (byObjective.get(objectiveId) ?? 0) + points);
  for (const submission of data.submissions) if (submission.teamId === teamId && submission.at <= until) add(submission.objectiveId, submission.points);
  for (const open of data.hintOpens) if (open.teamId === teamId && open.at <= until) add(open.objectiveId, open.points);

  let score = 0;
  for (const points of byObjective.values()) score += Math.max(0, points);
  for (const answer of data.injectAnswers) if (answer.teamId === teamId && answer.answeredAt <= until) score += answer.awardedPoints ?? 0;
  for (const adjustment of data.scoreAdjustments) if (adjustment.teamId === teamId && adjustment.at <= until) score += adjustment.points;
  return score;
}

/** Compute an objective's net points for a team, floored at zero as in `teamScore`. */
export function objectiveScore(data: Readonly<StoreData>, teamId: string, objectiveId: string): number {
  const answers = data.submissions.filter((submission) => submission.teamId === teamId && submission.objectiveId === objectiveId);
  const hints = data.hintOpens.filter((open) => open.teamId === teamId && open.objectiveId === objectiveId);
  return Math.max(0, [...answers, ...hints].reduce((sum, record) => sum + record.points, 0));
}

/** Rank the teams by score as they stood at `until`; equal scores share a rank. */
export function scoreboard(data: Readonly<StoreData>, exerciseId: string, until = Infinity): ScoreboardEntry[] {
  const entries = data.teams
    .filter((team) => team.exerciseId === exerciseId)
    .map((team) => ({
      teamId: team.id,
      teamName: team.name,
      score: teamScore(data, team.id, until),
      rank: 0,
      solved: data.submissions.filter((submission) => submission.teamId === team.id && submission.correct && submission.at <= until).length,
    }))
    .sort((a, b) => b.score - a.score || a.teamName.localeCompare(b.teamName));
  for (const [index, entry] of entries.entries()) {
    const previous = entries[index - 1];
    entry.rank = previous && previous.score === entry.score ? previous.rank : index + 1;
  }
  return entries;
}

/** Maximum points of the score chart; older changes are merged into the first point. */
const SeriesPointsMax = 500;

/** One change of a team's score: points on an objective (floored there) or outside the floor. */
type ScoreEvent = { at: number; teamId: string; objectiveId: string | null; points: number };

/**
 * List every team's score after each change, oldest first, up to `until`. Gives the same scores
 * as `teamScore` at each point, but walks the team's records once in time order instead of
 * summing them again for every point, because observers receive the series on every score change.
 */
export function scoreSeries(data: Readonly<StoreData>, exerciseId: string, until = Infinity): ScorePoint[] {
  const teamIds = data.teams.filter((team) => team.exerciseId === exerciseId).map((team) => team.id);
  const teams = new Set(teamIds);
  const events: ScoreEvent[] = [];
  const times = new Set<number>();
  for (const record of [...data.submissions, ...data.hintOpens]) {
    if (teams.has(record.teamId) && record.at <= until) events.push({ at: record.at, teamId: record.teamId, objectiveId: record.objectiveId, points: record.points });
  }
  for (const record of data.scoreAdjustments) if (teams.has(record.teamId) && record.at <= until) events.push({ at: record.at, teamId: record.teamId, objectiveId: null, points: record.points });
  for (const event of events) times.add(event.at);
  for (const answer of data.injectAnswers) {
    if (!teams.has(answer.teamId) || answer.answeredAt > until) continue;
    events.push({ at: answer.answeredAt, teamId: answer.teamId, objectiveId: null, points: answer.awardedPoints ?? 0 });
    if (answer.awardedPoints !== null) times.add(answer.answeredAt);
  }
  events.sort((a, b) => a.at - b.at);

  const sorted = [...times].sort((a, b) => a - b).slice(-SeriesPointsMax);
  const scores = new Map(teamIds.map((teamId) => [teamId, 0]));
  const objectiveSums = new Map<string, number>();
  const series: ScorePoint[] = [];
  let next = 0;
  for (const at of sorted) {
    for (; next < events.length && events[next]!.at <= at; next++) {
      const event = events[next]!;
      let change = event.points;
      if (event.objectiveId !== null) {
        // Only the part of an objective's sum above zero counts, as in teamScore.
        const key = `${event.teamId}/${event.objectiveId}`;
        const before = objectiveSums.get(key) ?? 0;
        objectiveSums.set(key, before + event.points);
        change = Math.max(0, before + event.points) - Math.max(0, before);
      }
      scores.set(event.teamId, scores.get(event.teamId)! + change);
    }
    series.push({ at, scores: Object.fromEntries(scores) });
  }
  return series;
}

/** Return the end of the public view: the freeze time while the scoreboard is frozen, otherwise no limit. */
export function publicUntil(exercise: { scoreboardFrozenAt?: number | null }): number {
  return exercise.scoreboardFrozenAt ?? Infinity;
}
