import type * as Y from 'yjs';
import { ReportSections } from '../../shared/collab.js';
import { readChecklist, readNotepad, readReport, readTimeline } from '../collab/team-document.js';

/** The counts of a team document that the progress view shows. */
export interface TeamDocStats {
  timelineEntries: number;
  reportWords: number;
  reportSectionsFilled: number;
  checklistDone: number;
  checklistTotal: number;
  notepadLength: number;
}

export const EmptyDocStats: TeamDocStats = { timelineEntries: 0, reportWords: 0, reportSectionsFilled: 0, checklistDone: 0, checklistTotal: 0, notepadLength: 0 };

/** Count a team document's work with the same validating readers the after-action report uses. */
export function countTeamDoc(doc: Y.Doc): TeamDocStats {
  const report = readReport(doc);
  const sections = ReportSections.map((section) => report[section].trim());
  const checklist = readChecklist(doc);
  return {
    timelineEntries: readTimeline(doc).length,
    reportWords: sections.reduce((sum, text) => sum + countWords(text), 0),
    reportSectionsFilled: sections.filter((text) => text.length > 0).length,
    checklistDone: checklist.filter((item) => item.done).length,
    checklistTotal: checklist.length,
    notepadLength: readNotepad(doc).length,
  };
}

function countWords(text: string): number {
  const words = text.split(/\s+/u).filter((word) => word.length > 0);
  return words.length;
}

/**
 * The counts of each team document, computed once and kept until the document changes, so a
 * progress push does not decode every team's document again.
 */
export class DocStatsCache {
  private readonly stats = new Map<string, Promise<TeamDocStats>>();

  constructor(private readonly read: (docName: string) => Promise<TeamDocStats>) {}

  get(docName: string): Promise<TeamDocStats> {
    let pending = this.stats.get(docName);
    if (!pending) {
      pending = this.read(docName);
      this.stats.set(docName, pending);
      // A failed read is not cached, so the next push tries again.
      pending.catch(() => {
        if (this.stats.get(docName) === pending) this.stats.delete(docName);
      });
    }
    return pending;
  }

  invalidate(docName: string): void {
    this.stats.delete(docName);
  }
}
