import { reportFragmentName, ReportSections, type ReportSection } from '../../../shared/collab.js';
import type { TeamCollab } from '../net/team-collab.js';
import { ReportSectionText } from './ir-report-sections.js';

/**
 * Values of the `editing` presence field. Every editor publishes one of these while it has focus,
 * so the presence strip and the editors themselves can show who works on what.
 */
export const EditingKey = {
  notepad: 'notepad',
  checklist: 'containment',
  report: (section: ReportSection) => reportFragmentName(section),
  timelineEntry: (entryId: string) => `timeline:${entryId}`,
} as const;

/** Returns what a teammate edits in words, for example "IR report: Impact", or the raw value when it is unknown. */
export function describeEditing(editing: string, collab: TeamCollab | null): string {
  if (editing === EditingKey.notepad) {
    return 'Notepad';
  }
  if (editing === EditingKey.checklist) {
    return 'Containment checklist';
  }
  if (editing.startsWith('report:')) {
    const section = editing.slice('report:'.length);
    const known = ReportSections.find((candidate) => candidate === section);
    return known ? `IR report: ${ReportSectionText[known].title}` : 'IR report';
  }
  if (editing.startsWith('timeline:')) {
    const entryId = editing.slice('timeline:'.length);
    const entry = collab?.entries().find((candidate) => candidate.id === entryId);
    return entry ? `Timeline note: ${entry.action}` : 'Timeline note';
  }
  return editing;
}
