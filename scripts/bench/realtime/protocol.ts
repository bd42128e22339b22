/**
 * Every use of the cloud-ir-lab protocol by the bench, in one place so that a contract change
 * needs edits here only: event names, payloads, the join API and the team document layout.
 */
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Ack } from '../../../shared/ack.js';
import { CollabPath, reportFragmentName, TimelineArrayName, teamDocName, type ReportSection, type TimelineEntry } from '../../../shared/collab.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/events.js';
import type { CloudTrailPage, ExerciseState, ExerciseSummary, JoinResult, PhaseReleased, QueryResult, ScoreboardUpdate, SubmissionResult } from '../../../shared/model.js';

export type ProductSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type { PhaseReleased, ScoreboardUpdate };

/** Milliseconds the bench waits for any acknowledgement before counting the request as failed. */
const RequestTimeoutMs = 15_000;

/** Objective that opens with the first phase; the bench submits wrong answers to it to move scores. */
export const ScoredObjectiveId = 'compromised-user';
export const ScenarioId = 'apexcorp-prod';
export const PhaseCount = 4;

export const BenchQueries = [
  "SELECT eventname, count(*) FROM cloudtrail_logs WHERE useridentity.username = 'dev-deploy' GROUP BY 1",
  'SELECT sourceipaddress, count(*) AS calls FROM cloudtrail_logs GROUP BY 1 ORDER BY calls DESC LIMIT 10',
  "SELECT eventtime, eventname FROM cloudtrail_logs WHERE eventsource = 'iam.amazonaws.com' ORDER BY eventtime LIMIT 20",
] as const;

/** Connects a Socket.IO client with a sign-in token. It reconnects by itself unless `reconnection` is false. */
export function connectSocket(baseUrl: string, token: string, reconnection = true): ProductSocket {
  return io(baseUrl, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection, timeout: RequestTimeoutMs });
}

/** Resolves once the socket is connected, or rejects with the connection error or after the timeout. */
export function waitConnected(socket: ProductSocket, timeoutMs = RequestTimeoutMs): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('connect', onConnect);
      reject(new Error(`socket did not connect within ${timeoutMs} ms`));
    }, timeoutMs);
    const onConnect = () => {
      clearTimeout(timer);
      resolve();
    };
    socket.once('connect', onConnect);
  });
}

async function request<T>(socket: ProductSocket, event: string, ...args: unknown[]): Promise<T> {
  const emitter = socket.timeout(RequestTimeoutMs) as unknown as { emitWithAck(event: string, ...args: unknown[]): Promise<Ack<T>> };
  const response = await emitter.emitWithAck(event, ...args);
  if (!response.ok) throw new Error(`${event} failed: ${response.error.code}: ${response.error.message}`);
  return response.data;
}

export function createExercise(facilitator: ProductSocket, name: string, teams: string[]): Promise<ExerciseSummary> {
  return request(facilitator, 'exercise:create', { scenarioId: ScenarioId, name, teams });
}

/** Releases the next phase; the first release starts the exercise. */
export function releasePhase(facilitator: ProductSocket, exerciseId: string, phaseIndex: number): Promise<ExerciseState> {
  return request(facilitator, phaseIndex === 0 ? 'exercise:start' : 'phase:advance', { exerciseId });
}

export function getExercise(socket: ProductSocket): Promise<ExerciseState> {
  return request(socket, 'exercise:get');
}

export function submitAnswer(socket: ProductSocket, answer: string, idempotencyKey: string): Promise<SubmissionResult> {
  return request(socket, 'objective:submit', { objectiveId: ScoredObjectiveId, answer, idempotencyKey });
}

export function browseCloudTrail(socket: ProductSocket, offset: number): Promise<CloudTrailPage> {
  return request(socket, 'cloudtrail:list', { filter: 'all', offset, limit: 50 });
}

export function runQuery(socket: ProductSocket, sql: string): Promise<QueryResult> {
  return request(socket, 'query:run', { sql });
}

/** Wrong attempts the team has made at the scored objective, as the participant's view shows them. */
export function wrongAttemptsOf(state: ExerciseState): number {
  return state.objectives.find((objective) => objective.id === ScoredObjectiveId)?.wrongAttempts ?? 0;
}

export function onPhaseReleased(socket: ProductSocket, listener: (release: PhaseReleased) => void): void {
  socket.on('phase:released', listener);
}

export function onScoreUpdated(socket: ProductSocket, listener: (update: ScoreboardUpdate) => void): void {
  socket.on('score:updated', listener);
}

/** Joins a team with the exercise's join code over the HTTP API. */
export async function joinTeam(baseUrl: string, code: string, displayName: string, teamId: string): Promise<JoinResult> {
  const response = await fetch(`${baseUrl}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, displayName, teamId }),
    signal: AbortSignal.timeout(RequestTimeoutMs),
  });
  const body = (await response.json()) as Ack<JoinResult>;
  if (!body.ok) throw new Error(`join failed: ${body.error.code}: ${body.error.message}`);
  return body.data;
}

/** Opens a team's Yjs document the way the browser does; the provider reconnects by itself. */
export function openTeamDoc(baseUrl: string, token: string, teamId: string, doc = new Y.Doc()): { doc: Y.Doc; provider: WebsocketProvider } {
  const provider = new WebsocketProvider(baseUrl.replace(/^http/, 'ws') + CollabPath, teamDocName(teamId), doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return { doc, provider };
}

/** Resolves once the provider has synced with the server, or rejects after the timeout. */
export function waitSynced(provider: WebsocketProvider, timeoutMs = RequestTimeoutMs): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onSync = (synced: boolean) => {
      if (!synced) return;
      clearTimeout(timer);
      provider.off('sync', onSync);
      resolve();
    };
    const timer = setTimeout(() => {
      provider.off('sync', onSync);
      reject(new Error(`team document did not sync within ${timeoutMs} ms`));
    }, timeoutMs);
    provider.on('sync', onSync);
  });
}

export function closeTeamDoc(handle: { doc: Y.Doc; provider: WebsocketProvider }): void {
  handle.provider.destroy();
  // provider.destroy() leaves the awareness timer running; destroying the doc stops it.
  handle.doc.destroy();
}

/** Appends a timeline entry whose `id` the bench uses to match the edit with its arrival elsewhere. */
export function addTimelineEntry(doc: Y.Doc, id: string, author: string): void {
  const entry: TimelineEntry = {
    id,
    refId: `bench-${id}`,
    refKind: 'cloudtrail',
    eventTime: '2026-05-08T02:17:00Z',
    actor: 'dev-deploy',
    action: 'GetCallerIdentity',
    sourceIp: '185.220.101.45',
    note: 'bench entry',
    technique: 'T1078.004',
    author,
  };
  doc.getArray<Y.Map<string>>(TimelineArrayName).push([new Y.Map(Object.entries(entry))]);
}

/** Calls `listener` with the id of every timeline entry that arrives from another client. */
export function onRemoteTimelineEntry(doc: Y.Doc, listener: (id: string) => void): void {
  doc.getArray<Y.Map<string>>(TimelineArrayName).observe((event) => {
    if (event.transaction.local) return;
    for (const item of event.changes.added) {
      for (const content of item.content.getContent()) {
        if (content instanceof Y.Map) listener(String(content.get('id')));
      }
    }
  });
}

/** Ids of all timeline entries in a document. */
export function timelineIds(doc: Y.Doc): Set<string> {
  return new Set(doc.getArray<Y.Map<string>>(TimelineArrayName).map((entry) => String(entry.get('id'))));
}

/** Appends a paragraph to a report section, as a person typing in the report editor would. */
export function appendReportParagraph(doc: Y.Doc, section: ReportSection, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(reportFragmentName(section)).push([paragraph]);
}

/** Path, relative to the server's data dir, of the file that stores a team document's full Yjs state. */
export function teamDocumentFile(teamId: string): string {
  return `collab/${teamDocName(teamId)}.yjs`;
}

/** Deletes the oldest timeline entries until at most `max` remain. */
export function trimTimeline(doc: Y.Doc, max: number): void {
  const timeline = doc.getArray<Y.Map<string>>(TimelineArrayName);
  if (timeline.length > max) timeline.delete(0, timeline.length - max);
}

/** Deletes the oldest paragraphs of a report section until at most `max` remain. */
export function trimReportSection(doc: Y.Doc, section: ReportSection, max: number): void {
  const fragment = doc.getXmlFragment(reportFragmentName(section));
  if (fragment.length > max) fragment.delete(0, fragment.length - max);
}
