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
  /** A message or the document it would grow passed its size limit. */
  TooLarge: 4413,
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
  /** MITRE ATT&CK technique id such as T1078.004, or empty. */
  technique: string;
  author: string;
}

/** Sections of the IR report, in reading order. Each is a Y.XmlFragment named `report:<section>`. */
export const ReportSections = ['summary', 'root-cause', 'impact', 'scope', 'containment', 'eradication', 'recovery', 'lessons'] as const;
export type ReportSection = (typeof ReportSections)[number];

/** Heading of each IR report section, shown in the editor and in the after-action report. */
export const ReportSectionTitles: Record<ReportSection, string> = {
  summary: 'Executive summary',
  'root-cause': 'Root cause',
  impact: 'Impact',
  scope: 'Scope',
  containment: 'Containment',
  eradication: 'Eradication',
  recovery: 'Recovery',
  lessons: 'Lessons learned',
};

export function reportFragmentName(section: ReportSection): string {
  return `report:${section}`;
}

/** Name of the Y.Array of containment checklist items (each a Y.Map with the fields of ChecklistItem). */
export const ChecklistArrayName = 'containment';

export interface ChecklistItem {
  id: string;
  /** The action, for example "Deactivate access key AKIA... of dev-deploy". */
  action: string;
  done: boolean;
  author: string;
}

/** Name of the team's notepad, a Y.Text. */
export const NotepadTextName = 'notepad';

/**
 * Presence, as each client publishes it in Yjs awareness. The server overwrites `user` with the
 * signed-in identity, so nobody can appear under another name.
 */
export interface PresenceState {
  user: { playerId: string; name: string };
  /** The tab or view the person has open, for example "cloudtrail". */
  view?: string;
  /** What the person is editing, for example "report:impact" or a timeline entry id. */
  editing?: string;
}
