/** The shared team document served over Yjs: its address, and the names and shapes inside it. */

/** Path of the Yjs WebSocket endpoint on the app's HTTP server. */
export const CollabPath = '/collab';

/** Yjs room (document) name of a team. The server only lets that team's members connect to it. */
export function teamDocName(teamId: string): string {
  return `team-${teamId}`;
}

/** Close codes of the collaboration socket. y-websocket treats 4400–4499 as final and does not retry. */
export const CollabCloseCode = {
  Unauthenticated: 4401,
  Forbidden: 4403,
  MessageTooLarge: 4413,
  MalformedMessage: 4400,
} as const;

/** Name of the Y.Array of timeline entries (each a Y.Map with the fields of TimelineEntry). */
export const TimelineArrayName = 'timeline';

export interface TimelineEntry {
  /** Random id of the entry, so concurrent edits to different entries never collide. */
  id: string;
  /** CloudTrail eventID or GuardDuty finding Id the entry refers to. */
  refId: string;
  refKind: 'cloudtrail' | 'guardduty';
  /** Event time (ISO 8601, UTC); the timeline is shown in this order. */
  eventTime: string;
  actor: string;
  action: string;
  sourceIp: string;
  note: string;
  author: string;
}
