import { ErrorCode } from '../../shared/errors.js';
import type { ExerciseSummary } from '../../shared/model.js';
import { Limits } from '../../shared/limits.js';
import type { ExerciseUpdatePayload, PlayerMovePayload, PlayerRemovePayload, TeamCreatePayload, TeamRemovePayload, TeamRenamePayload } from '../../shared/orchestration-schemas.js';
import type { ExerciseRecord, StoreData } from '../store/records.js';
import { appendAudit } from './audit.js';
import { findExercise, type ExerciseContext } from './context.js';
import { AppError } from './errors.js';
import { newId } from './ids.js';
import { remember, replayed } from './idempotency.js';
import type { Principal } from './principal.js';
import { exerciseSummary } from './views.js';

/** Teams and players, managed by facilitators at any time until the exercise ends. */
export class TeamAdmin {
  constructor(private readonly ctx: ExerciseContext) {}

  update(payload: ExerciseUpdatePayload, principal: Principal): Promise<ExerciseSummary> {
    return this.change(payload.exerciseId, principal, (data, exercise, now) => {
      if (payload.name !== undefined) exercise.name = payload.name;
      if (payload.teamSizeMax !== undefined) exercise.teamSizeMax = payload.teamSizeMax;
      appendAudit(data, exercise, now, principal, 'exercise:update', { name: payload.name, teamSizeMax: payload.teamSizeMax });
    });
  }

  createTeam(payload: TeamCreatePayload, principal: Principal): Promise<ExerciseSummary> {
    const scope = `${principalId(principal)}/team:create/${payload.exerciseId}`;
    return this.change(payload.exerciseId, principal, (data, exercise, now) => {
      if (replayed(data, scope, payload.idempotencyKey)) return;
      const teams = data.teams.filter((team) => team.exerciseId === exercise.id);
      if (teams.length >= Limits.teamsPerExerciseMax) throw new AppError(ErrorCode.InvalidState, `The exercise already has ${Limits.teamsPerExerciseMax} teams, the maximum. Remove a team first.`);
      assertUniqueName(teams, payload.name, null);
      const team = { id: newId(), exerciseId: exercise.id, name: payload.name };
      data.teams.push(team);
      remember(data, scope, payload.idempotencyKey, team.id, now, exercise.id);
      appendAudit(data, exercise, now, principal, 'team:create', { teamId: team.id, name: team.name });
    });
  }

  renameTeam(payload: TeamRenamePayload, principal: Principal): Promise<ExerciseSummary> {
    return this.change(payload.exerciseId, principal, (data, exercise, now) => {
      const team = findTeam(data, exercise, payload.teamId, 'teamId');
      assertUniqueName(
        data.teams.filter((candidate) => candidate.exerciseId === exercise.id),
        payload.name,
        team.id,
      );
      appendAudit(data, exercise, now, principal, 'team:rename', { teamId: team.id, from: team.name, to: payload.name });
      team.name = payload.name;
    });
  }

  /** Remove an empty team. A team with members must be emptied first, so no player is dropped by accident. */
  removeTeam(payload: TeamRemovePayload, principal: Principal): Promise<ExerciseSummary> {
    return this.change(payload.exerciseId, principal, (data, exercise, now) => {
      const team = findTeam(data, exercise, payload.teamId, 'teamId');
      const members = data.players.filter((player) => player.teamId === team.id).length;
      if (members > 0) throw new AppError(ErrorCode.InvalidState, `Team "${team.name}" still has ${members} member(s). Move or remove them first.`, 'teamId');
      if (data.teams.filter((candidate) => candidate.exerciseId === exercise.id).length === 1) {
        throw new AppError(ErrorCode.InvalidState, 'An exercise needs at least one team. Create another team before removing this one.', 'teamId');
      }
      data.teams = data.teams.filter((candidate) => candidate.id !== team.id);
      appendAudit(data, exercise, now, principal, 'team:remove', { teamId: team.id, name: team.name });
    });
  }

  /** Move a player to another team of the exercise. The team size limit applies; the player's earlier work stays with the old team. */
  async movePlayer(payload: PlayerMovePayload, principal: Principal): Promise<ExerciseSummary> {
    let moved = false;
    const summary = await this.change(payload.exerciseId, principal, (data, exercise, now) => {
      const player = findPlayer(data, exercise, payload.playerId);
      const team = findTeam(data, exercise, payload.teamId, 'teamId');
      if (player.teamId === team.id) return;
      const members = data.players.filter((candidate) => candidate.teamId === team.id).length;
      if (exercise.teamSizeMax !== null && members >= exercise.teamSizeMax) {
        throw new AppError(ErrorCode.Conflict, `Team "${team.name}" is full (${exercise.teamSizeMax} members). Raise the limit or pick another team.`, 'teamId');
      }
      appendAudit(data, exercise, now, principal, 'player:move', { playerId: player.id, from: player.teamId, to: team.id });
      player.teamId = team.id;
      moved = true;
    });
    if (moved) this.ctx.notifications.playerChanged(payload.playerId);
    return summary;
  }

  /** Remove a player: the sign-in token stops working at once. Submissions stay, so scores do not change. */
  async removePlayer(payload: PlayerRemovePayload, principal: Principal): Promise<ExerciseSummary> {
    const summary = await this.change(payload.exerciseId, principal, (data, exercise, now) => {
      const player = findPlayer(data, exercise, payload.playerId);
      data.players = data.players.filter((candidate) => candidate.id !== player.id);
      appendAudit(data, exercise, now, principal, 'player:remove', { playerId: player.id, teamId: player.teamId, displayName: player.displayName });
    });
    this.ctx.notifications.playerChanged(payload.playerId);
    return summary;
  }

  private async change(exerciseId: string, principal: Principal, apply: (data: StoreData, exercise: ExerciseRecord, now: number) => void): Promise<ExerciseSummary> {
    const now = this.ctx.now();
    const summary = await this.ctx.store.write((data) => {
      const exercise = findExercise(data, exerciseId);
      if (exercise.status === 'ended') throw new AppError(ErrorCode.InvalidState, 'The exercise has ended; its teams can no longer change.');
      apply(data, exercise, now);
      return exerciseSummary(data, exercise);
    });
    this.ctx.logger.info({ exerciseId, actor: principal.role }, 'teams changed');
    this.ctx.notifications.exerciseChanged(exerciseId);
    return summary;
  }
}

function principalId(principal: Principal): string {
  return principal.role === 'participant' ? principal.playerId : principal.id;
}

function findTeam(data: StoreData, exercise: ExerciseRecord, teamId: string, field: string) {
  const team = data.teams.find((candidate) => candidate.id === teamId && candidate.exerciseId === exercise.id);
  if (!team) throw new AppError(ErrorCode.NotFound, `Team "${teamId}" was not found in this exercise.`, field);
  return team;
}

function findPlayer(data: StoreData, exercise: ExerciseRecord, playerId: string) {
  const player = data.players.find((candidate) => candidate.id === playerId && candidate.exerciseId === exercise.id);
  if (!player) throw new AppError(ErrorCode.NotFound, `Player "${playerId}" was not found in this exercise.`, 'playerId');
  return player;
}

function assertUniqueName(teams: { id: string; name: string }[], name: string, exceptId: string | null): void {
  if (teams.some((team) => team.id !== exceptId && team.name.toLowerCase() === name.toLowerCase())) {
    throw new AppError(ErrorCode.Conflict, `A team named "${name}" already exists. Choose another name.`, 'name');
  }
}
