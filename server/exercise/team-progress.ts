import { ReportSections } from '../../shared/collab.js';
import type { MemberProgress, TeamProgress } from '../../shared/model.js';
import type { Scenario } from '../scenario/load.js';
import type { ExerciseRecord, StoreData } from '../store/records.js';
import { objectiveScore, scoreboard } from './scoring.js';
import type { ActivityTracker } from './team-progress-activity.js';
import type { TeamDocStats } from './team-progress-docs.js';
import { unlockedObjectiveIds } from './views.js';

/**
 * Build every team's progress from the stored records, the counts of its document and the
 * tracked activity. Facilitators only: it names players and shows live scores during a freeze,
 * but it carries no answer text and no answer key.
 */
export function buildTeamProgress(
  data: Readonly<StoreData>,
  exercise: ExerciseRecord,
  scenario: Scenario,
  docStats: ReadonlyMap<string, TeamDocStats>,
  activity: ActivityTracker,
): TeamProgress[] {
  const live = new Map(scoreboard(data, exercise.id).map((entry) => [entry.teamId, entry]));
  const released = unlockedObjectiveIds(exercise, scenario);

  return data.teams
    .filter((team) => team.exerciseId === exercise.id)
    .map((team) => {
      const submissions = data.submissions.filter((submission) => submission.teamId === team.id);
      const hints = data.hintOpens.filter((open) => open.teamId === team.id);
      const answers = data.injectAnswers.filter((answer) => answer.teamId === team.id);
      const stats = docStats.get(team.id);
      const attempted = new Set(submissions.map((submission) => submission.objectiveId));
      const solved = new Set(submissions.filter((submission) => submission.correct).map((submission) => submission.objectiveId));

      // Stored records give a last activity that survives a restart; tracked requests and edits refine it.
      const storedActivity = new Map<string, number>();
      const note = (playerId: string, at: number) => storedActivity.set(playerId, Math.max(at, storedActivity.get(playerId) ?? 0));
      for (const record of [...submissions, ...hints]) note(record.playerId, record.at);
      for (const answer of answers) note(answer.playerId, answer.answeredAt);

      const members: MemberProgress[] = data.players
        .filter((player) => player.teamId === team.id)
        .map((player) => {
          const latest = Math.max(player.joinedAt, storedActivity.get(player.id) ?? 0, activity.lastActiveAt(player.id) ?? 0);
          return { playerId: player.id, displayName: player.displayName, online: activity.isOnline(player.id), lastActiveAt: latest > 0 ? new Date(latest).toISOString() : null };
        });
      const teamLatest = Math.max(0, ...members.map((member) => (member.lastActiveAt ? Date.parse(member.lastActiveAt) : 0)), ...storedActivity.values());
      const entry = live.get(team.id);

      return {
        teamId: team.id,
        teamName: team.name,
        score: entry?.score ?? 0,
        rank: entry?.rank ?? 0,
        members,
        objectives: {
          solved: solved.size,
          attempted: attempted.size,
          released: released.size,
          points: [...attempted].reduce((sum, objectiveId) => sum + objectiveScore(data, team.id, objectiveId), 0),
        },
        hintsOpened: hints.length,
        timelineEntries: stats?.timelineEntries ?? 0,
        reportWords: stats?.reportWords ?? 0,
        reportSectionsFilled: stats?.reportSectionsFilled ?? 0,
        reportSectionCount: ReportSections.length,
        checklist: { done: stats?.checklistDone ?? 0, total: stats?.checklistTotal ?? 0 },
        notepadLength: stats?.notepadLength ?? 0,
        queriesRun: activity.queriesRun(team.id),
        lastActivityAt: teamLatest > 0 ? new Date(teamLatest).toISOString() : null,
      };
    });
}
