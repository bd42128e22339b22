import type { CloudTrailHistogram, CloudTrailPage, QueryResult } from '../../shared/model.js';
import type { CloudTrailCriteria } from '../../shared/schemas.js';

/** Messages between the server and a query worker process (one worker per loaded scenario). */

/** What a request may see: CloudTrail up to the horizon and the findings released so far. */
export interface Visibility {
  /** ISO 8601 time; events after it are hidden. */
  horizon: string;
  releasedFindingIds: string[];
  /** The team copy of the account whose live events (moves and commands made during the exercise) show too. */
  liveScope?: string;
}

export interface WorkerInit {
  eventsPath: string;
  findingsPath: string;
  memoryLimit: string;
  threads: number;
}

export type WorkerRequest =
  | { id: number; kind: 'query'; visibility: Visibility; sql: string; maxRows: number }
  | { id: number; kind: 'list'; visibility: Visibility; criteria: CloudTrailCriteria; offset: number; limit: number }
  | { id: number; kind: 'histogram'; visibility: Visibility; criteria: CloudTrailCriteria }
  | { id: number; kind: 'get'; visibility: Visibility; eventId: string }
  /** Add CloudTrail records (JSON text each) recorded during the exercise to one team copy. */
  | { id: number; kind: 'append'; scope: string; records: string[] }
  /** Add GuardDuty findings (JSON text each) raised during the exercise to one team copy. */
  | { id: number; kind: 'append-findings'; scope: string; findings: string[] };

export type WorkerMessage =
  | { kind: 'init'; init: WorkerInit }
  | WorkerRequest
  | { kind: 'interrupt'; id: number };

export type WorkerResultData = QueryResult | CloudTrailPage | CloudTrailHistogram | Record<string, unknown> | { appended: number } | null;

export type WorkerReply =
  | { kind: 'ready'; eventCount: number; loadMs: number }
  | { kind: 'init-failed'; message: string }
  | { kind: 'result'; id: number; ok: true; data: WorkerResultData }
  | { kind: 'result'; id: number; ok: false; code: 'rejected' | 'failed' | 'interrupted'; message: string };
