import pLimit from 'p-limit';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import {
  closeTeamDoc,
  connectSocket,
  createExercise,
  joinTeam,
  openTeamDoc,
  waitConnected,
  waitSynced,
  type ProductSocket,
} from './protocol.js';

export interface Layout {
  exercises: number;
  teams: number;
  members: number;
}

export interface Participant {
  name: string;
  exerciseId: string;
  teamId: string;
  token: string;
  socket: ProductSocket;
  team: { doc: Y.Doc; provider: WebsocketProvider };
}

export interface ExerciseHandle {
  id: string;
  facilitator: ProductSocket;
  participants: Participant[];
  /** Participants grouped by team, in team order. */
  teams: Participant[][];
}

export interface Population {
  exercises: ExerciseHandle[];
  participants: Participant[];
}

/** Parallel HTTP joins; each is a store write on the server, so a few at a time are enough. */
const JoinConcurrency = 8;
/** Parallel connection attempts, so the setup does not look like a reconnect storm. */
const ConnectConcurrency = 50;

/**
 * Creates the exercises, joins every member to a team, and connects each member's Socket.IO client
 * and team document. Resolves once every socket is connected and every document has synced.
 */
export async function populate(baseUrl: string, facilitatorToken: string, layout: Layout): Promise<Population> {
  const exercises: ExerciseHandle[] = [];
  const joins: (() => Promise<Participant>)[] = [];

  for (let e = 0; e < layout.exercises; e += 1) {
    const facilitator = connectSocket(baseUrl, facilitatorToken);
    await waitConnected(facilitator);
    const teamNames = Array.from({ length: layout.teams }, (_, t) => `Team ${t + 1}`);
    const summary = await createExercise(facilitator, `Bench exercise ${e + 1}`, teamNames);
    const handle: ExerciseHandle = { id: summary.id, facilitator, participants: [], teams: summary.teams.map(() => []) };
    exercises.push(handle);

    summary.teams.forEach((team, t) => {
      for (let m = 0; m < layout.members; m += 1) {
        const name = `e${e + 1}-t${t + 1}-m${m + 1}`;
        joins.push(async () => {
          const joined = await joinTeam(baseUrl, summary.joinCode, name, team.id);
          const participant: Participant = {
            name,
            exerciseId: summary.id,
            teamId: team.id,
            token: joined.playerToken,
            socket: connectSocket(baseUrl, joined.playerToken),
            team: openTeamDoc(baseUrl, joined.playerToken, team.id),
          };
          handle.participants.push(participant);
          handle.teams[t]!.push(participant);
          return participant;
        });
      }
    });
  }

  const joinLimit = pLimit(JoinConcurrency);
  const participants = await Promise.all(joins.map((join) => joinLimit(join)));

  const connectLimit = pLimit(ConnectConcurrency);
  await Promise.all(participants.map((participant) => connectLimit(() => waitConnected(participant.socket, 60_000))));
  await Promise.all(participants.map((participant) => connectLimit(() => waitSynced(participant.team.provider, 60_000))));
  return { exercises, participants };
}

/** Disconnects every client of the population, so the bench process can exit. */
export function closePopulation(population: Population): void {
  for (const participant of population.participants) {
    participant.socket.disconnect();
    closeTeamDoc(participant.team);
  }
  for (const exercise of population.exercises) exercise.facilitator.disconnect();
}
