import { io } from 'socket.io-client';
import type { Ack } from '../../shared/ack.js';
import type { ExerciseSummary, JoinResult } from '../../shared/model.js';
import { ok, request, type ClientSocket } from '../../tests/support/harness.js';

/** Value at percentile `p` (0–100) of `values`, by the nearest-rank method. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Connect a Socket.IO client without reconnection and wait until the server accepts it. */
export async function connect(url: string, token: string): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Create an apexcorp-prod exercise with `teams` teams and join `participants` players round-robin. */
export async function populateExercise(
  url: string,
  facilitator: ClientSocket,
  name: string,
  teams: number,
  participants: number,
): Promise<{ exercise: ExerciseSummary; players: ClientSocket[] }> {
  const names = Array.from({ length: teams }, (_, index) => `Team ${index + 1}`);
  const exercise = await ok(request<ExerciseSummary>(facilitator, 'exercise:create', { scenarioId: 'apexcorp-prod', name, teams: names }));
  const players: ClientSocket[] = [];
  for (let index = 0; index < participants; index++) {
    const response = await fetch(`${url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: exercise.joinCode, displayName: `Player ${index}`, teamId: exercise.teams[index % teams]!.id }),
    });
    const body = (await response.json()) as Ack<JoinResult>;
    if (!body.ok) throw new Error(body.error.message);
    players.push(await connect(url, body.data.playerToken));
  }
  return { exercise, players };
}
