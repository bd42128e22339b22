import type { InjectAnswerView, InjectView } from '../../shared/orchestration.js';
import type { InjectAnswerRecord, InjectRecord, StoreData } from '../store/records.js';

export function injectAnswerView(data: Readonly<StoreData>, answer: InjectAnswerRecord): InjectAnswerView {
  const player = data.players.find((candidate) => candidate.id === answer.playerId);
  return {
    id: answer.id,
    teamId: answer.teamId,
    playerId: answer.playerId,
    displayName: player?.displayName ?? '(removed player)',
    answer: answer.answer,
    answeredAt: answer.answeredAt,
    awardedPoints: answer.awardedPoints,
  };
}

/** An inject as `teamId` sees it (only its own answer), or with every answer when `teamId` is null. */
export function injectView(data: Readonly<StoreData>, inject: InjectRecord, teamId: string | null): InjectView {
  const answers = data.injectAnswers.filter((answer) => answer.injectId === inject.id && (teamId === null || answer.teamId === teamId));
  return {
    id: inject.id,
    teamId: inject.teamId,
    message: inject.message,
    question: inject.question,
    maxPoints: inject.maxPoints,
    phaseId: inject.phaseId,
    sentAt: inject.sentAt,
    sentAtElapsedMs: inject.sentAtElapsedMs,
    answers: answers.map((answer) => injectAnswerView(data, answer)),
  };
}

/** Injects addressed to the team (to it alone or to every team), or all of them for facilitators (`teamId` null). */
export function injectViews(data: Readonly<StoreData>, exerciseId: string, teamId: string | null): InjectView[] {
  return data.injects
    .filter((inject) => inject.exerciseId === exerciseId && (teamId === null || inject.teamId === null || inject.teamId === teamId))
    .map((inject) => injectView(data, inject, teamId));
}
