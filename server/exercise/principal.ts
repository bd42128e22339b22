import type { StoreData } from '../store/records.js';
import { hashToken, secretsEqual } from './ids.js';

/**
 * The caller of a request, resolved from the sign-in token on every request. A facilitator with
 * `exerciseId` null signed in with the server's token and manages every exercise; one invited
 * to an exercise manages that exercise only.
 */
export type Principal =
  | { role: 'facilitator'; exerciseId: string | null; id: string; name: string }
  | { role: 'participant'; exerciseId: string; teamId: string; playerId: string; displayName: string }
  | { role: 'observer'; exerciseId: string; id: string; name: string }
  /** The red cell: plays the attacker against every team's copy of the account, with no access to a team's work. */
  | { role: 'red'; exerciseId: string; id: string; name: string };

export type ParticipantPrincipal = Extract<Principal, { role: 'participant' }>;
export type FacilitatorPrincipal = Extract<Principal, { role: 'facilitator' }>;
export type RedPrincipal = Extract<Principal, { role: 'red' }>;

/** Principal id of the facilitator who signs in with the server's token. */
export const ServerFacilitatorId = 'server';

/**
 * Resolve a sign-in token against the current store, so a removed player or a moved one is
 * seen on the next request, not only on the next connection. Returns null for an unknown token.
 */
export function resolvePrincipal(token: unknown, data: Readonly<StoreData>, facilitatorToken: string): Principal | null {
  if (typeof token !== 'string' || token.length === 0 || token.length > 200) return null;
  if (secretsEqual(token, facilitatorToken)) return { role: 'facilitator', exerciseId: null, id: ServerFacilitatorId, name: 'Facilitator' };

  const tokenHash = hashToken(token);
  const player = data.players.find((candidate) => candidate.tokenHash === tokenHash);
  if (player) return { role: 'participant', exerciseId: player.exerciseId, teamId: player.teamId, playerId: player.id, displayName: player.displayName };

  const invite = data.invites.find((candidate) => candidate.tokenHash === tokenHash);
  if (!invite || !data.exercises.some((exercise) => exercise.id === invite.exerciseId)) return null;
  return { role: invite.role, exerciseId: invite.exerciseId, id: invite.id, name: invite.label };
}

/** Return whether the principal may manage (or, as an observer, watch) the exercise. */
export function mayAccessExercise(principal: Principal, exerciseId: string): boolean {
  if (principal.role === 'facilitator' && principal.exerciseId === null) return true;
  return principal.exerciseId === exerciseId;
}

/** Describe the principal as the actor of an audit entry; null stands for the server's own schedule. */
export function actorOf(principal: Principal | null): { role: Principal['role'] | 'system'; id: string | null; name: string | null } {
  if (!principal) return { role: 'system', id: null, name: null };
  if (principal.role === 'participant') return { role: 'participant', id: principal.playerId, name: principal.displayName };
  return { role: principal.role, id: principal.id, name: principal.name };
}
