import type { ClockView, PhaseReleased, ScoreboardEntry } from '../../shared/model.js';
import type { InjectView } from '../../shared/orchestration.js';
import type { ContainmentResult, RedState } from '../../shared/red-blue.js';

/** Receives the changes that clients must hear about; the realtime layer turns them into broadcasts. */
export interface ExerciseNotifier {
  phaseReleased(exerciseId: string, release: PhaseReleased): void;
  /** `live` goes to facilitators; `shown` (the board as of the freeze, when `frozen`) to teams and observers. */
  scoreChanged(exerciseId: string, live: ScoreboardEntry[], shown: ScoreboardEntry[], frozen: boolean): void;
  /** Every team's, facilitator's and observer's view of the exercise has changed. */
  exerciseChanged(exerciseId: string): void;
  clockChanged(exerciseId: string, clock: ClockView): void;
  injectSent(exerciseId: string, inject: InjectView): void;
  /** A player was moved or removed: close the connections opened under the old membership. */
  playerChanged(playerId: string): void;
  /** An invitation was revoked: close the connections signed in with it. */
  inviteRevoked(inviteId: string): void;
  storeFailed(message: string): void;
  /** The red cell's moves or controls changed: tell the red cell and the facilitators. */
  redChanged(exerciseId: string, state: RedState): void;
  /** A team member ran a containment command: tell the team. */
  containmentRecorded(teamId: string, result: ContainmentResult): void;
}

/** Forwards to a notifier attached later, so services can be built before the realtime layer. */
export class Notifications implements ExerciseNotifier {
  private target: ExerciseNotifier | null = null;

  attach(target: ExerciseNotifier): void {
    this.target = target;
  }

  phaseReleased(exerciseId: string, release: PhaseReleased): void {
    this.target?.phaseReleased(exerciseId, release);
  }

  scoreChanged(exerciseId: string, live: ScoreboardEntry[], shown: ScoreboardEntry[], frozen: boolean): void {
    this.target?.scoreChanged(exerciseId, live, shown, frozen);
  }

  exerciseChanged(exerciseId: string): void {
    this.target?.exerciseChanged(exerciseId);
  }

  clockChanged(exerciseId: string, clock: ClockView): void {
    this.target?.clockChanged(exerciseId, clock);
  }

  injectSent(exerciseId: string, inject: InjectView): void {
    this.target?.injectSent(exerciseId, inject);
  }

  playerChanged(playerId: string): void {
    this.target?.playerChanged(playerId);
  }

  inviteRevoked(inviteId: string): void {
    this.target?.inviteRevoked(inviteId);
  }

  storeFailed(message: string): void {
    this.target?.storeFailed(message);
  }

  redChanged(exerciseId: string, state: RedState): void {
    this.target?.redChanged(exerciseId, state);
  }

  containmentRecorded(teamId: string, result: ContainmentResult): void {
    this.target?.containmentRecorded(teamId, result);
  }
}
