import type { ExerciseSummary, JoinResult } from '../../shared/model.js';
import { FacilitatorToken, ok, request, type ClientSocket, type TestServer } from './harness.js';

export interface SetUpExercise {
  facilitator: ClientSocket;
  summary: ExerciseSummary;
  /** Joined players by display name. */
  players: Map<string, JoinResult>;
}

/** Create an apexcorp-prod exercise with the given teams and members, and join every member. */
export async function setUpExercise(server: TestServer, teams: Record<string, string[]>, options: { start?: boolean } = {}): Promise<SetUpExercise> {
  const facilitator = await server.connect(FacilitatorToken);
  const summary = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name: 'Collaboration drill', teams: Object.keys(teams) }));
  const players = new Map<string, JoinResult>();
  for (const [teamName, members] of Object.entries(teams)) {
    const team = summary.teams.find((candidate) => candidate.name === teamName)!;
    for (const member of members) players.set(member, await server.join(summary.joinCode, member, team.id));
  }
  if (options.start) await ok(request(facilitator, 'exercise:start', { exerciseId: summary.id }));
  return { facilitator, summary, players };
}
