import type { JoinInfo, JoinResult, PublicUrlView } from '../../../shared/model.js';
import type { JoinPayload } from '../../../shared/schemas.js';
import { appUrl } from './base-path.js';
import { failure, toRequestResult, type RequestResult } from './request.js';

const joinTimeoutMs = 15_000;

/** Looks up an exercise by join code: its name and the teams a player can pick. */
export function fetchJoinInfo(code: string): Promise<RequestResult<JoinInfo>> {
  return sendJson<JoinInfo>(`/api/join/${encodeURIComponent(code)}`, { method: 'GET' });
}

/** Joins an exercise as a player; the result carries the player token for the socket connections. */
export function joinExercise(payload: JoinPayload): Promise<RequestResult<JoinResult>> {
  return sendJson<JoinResult>('/api/join', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
}

/** Fetches the server's configured address for join links (null when the server has none). */
export function fetchPublicUrl(): Promise<RequestResult<PublicUrlView>> {
  return sendJson<PublicUrlView>('/api/public-url', { method: 'GET' });
}

async function sendJson<T>(path: string, init: RequestInit): Promise<RequestResult<T>> {
  let response: Response;
  try {
    response = await fetch(appUrl(path), { ...init, signal: AbortSignal.timeout(joinTimeoutMs) });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      return failure('TIMEOUT', 'The server did not answer within 15 seconds. Try again.');
    }
    return failure('OFFLINE', 'Could not reach the server. Check your connection and try again.');
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    if (response.status >= 500) {
      return failure('BAD_RESPONSE', `The server is unavailable (HTTP ${response.status}). Try again in a moment.`);
    }
    return failure('BAD_RESPONSE', `The server sent an unreadable response (HTTP ${response.status}). Try again later.`);
  }
  return toRequestResult<T>(body);
}
