import type { ClockView, PhaseReleased, ScoreboardEntry } from '../../shared/model.js';
import type { InjectView } from '../../shared/orchestration.js';
import type { ContainmentResult, RedState } from '../../shared/red-blue.js';
import type { ExerciseService } from '../exercise/exercise-service.js';
import type { ExerciseNotifier } from '../exercise/notifier.js';
import type { AppLogger } from '../logger.js';
import { Rooms, type AppServer } from './types.js';

/** Turn exercise changes into Socket.IO broadcasts. Every broadcast goes to rooms, never to all sockets. */
export function createSocketNotifier(io: AppServer, exercises: ExerciseService, logger: AppLogger): ExerciseNotifier {
  const everyone = (exerciseId: string) => [Rooms.exercise(exerciseId), Rooms.facilitators(exerciseId), Rooms.observers(exerciseId)];
  return {
    phaseReleased(exerciseId: string, release: PhaseReleased) {
      // One emit to all rooms, so every team and facilitator receives the release in the same tick.
      io.to([Rooms.exercise(exerciseId), Rooms.facilitators(exerciseId)]).emit('phase:released', release);
    },
    scoreChanged(exerciseId: string, live: ScoreboardEntry[], shown: ScoreboardEntry[], frozen: boolean) {
      io.to(Rooms.facilitators(exerciseId)).emit('score:updated', { exerciseId, scoreboard: live, frozen });
      io.to([Rooms.exercise(exerciseId), Rooms.observers(exerciseId)]).emit('score:updated', { exerciseId, scoreboard: shown, frozen });
      // The board carries the score chart, so observers get it again with the new point.
      if (!frozen) void exercises.board(exerciseId).then((board) => io.to(Rooms.observers(exerciseId)).emit('board:updated', board), (error: unknown) => logger.error({ err: error, exerciseId }, 'board broadcast failed'));
    },
    clockChanged(exerciseId: string, clock: ClockView) {
      io.to(everyone(exerciseId)).emit('clock:updated', { exerciseId, clock });
    },
    injectSent(exerciseId: string, inject: InjectView) {
      const teams = inject.teamId === null ? Rooms.exercise(exerciseId) : Rooms.team(inject.teamId);
      io.to([teams, Rooms.facilitators(exerciseId)]).emit('inject:sent', inject);
    },
    exerciseChanged(exerciseId: string) {
      void broadcastStates(io, exercises, exerciseId).catch((error: unknown) => logger.error({ err: error, exerciseId }, 'state broadcast failed'));
    },
    playerChanged(playerId: string) {
      // The client reconnects with its token: a moved player then joins the new team's rooms, a removed one is refused.
      io.in(Rooms.player(playerId)).disconnectSockets(true);
    },
    inviteRevoked(inviteId: string) {
      io.in(Rooms.invite(inviteId)).disconnectSockets(true);
    },
    storeFailed(message: string) {
      io.to(Rooms.allFacilitators).emit('store:failed', { at: Date.now(), message });
    },
    redChanged(exerciseId: string, state: RedState) {
      io.to([Rooms.red(exerciseId), Rooms.facilitators(exerciseId)]).emit('red:updated', state);
    },
    containmentRecorded(teamId: string, result: ContainmentResult) {
      io.to(Rooms.team(teamId)).emit('containment:recorded', result);
    },
  };
}

/** Send each team its own view of the exercise, the facilitators theirs and the observers the board. */
async function broadcastStates(io: AppServer, exercises: ExerciseService, exerciseId: string): Promise<void> {
  const summary = await exercises.state(exerciseId, null);
  io.to(Rooms.facilitators(exerciseId)).emit('exercise:updated', summary);
  io.to(Rooms.observers(exerciseId)).emit('board:updated', await exercises.board(exerciseId));
  for (const team of summary.exercise.teams) {
    // Yield between teams, so a release or score change of another exercise does not wait for all of them.
    await new Promise((resolve) => setImmediate(resolve));
    io.to(Rooms.team(team.id)).emit('exercise:updated', await exercises.state(exerciseId, team.id));
  }
}
