import { z } from 'zod';
import * as Y from 'yjs';
import {
  ChecklistArrayName,
  NotepadTextName,
  ReportSections,
  ReportSectionTitles,
  reportFragmentName,
  TimelineArrayName,
  type ChecklistItem,
  type ReportSection,
  type TimelineEntry,
} from '../../shared/collab.js';

/**
 * Readers of a team document for the server (scoring, after-action reports). The document is
 * written by clients, so every entry is validated and malformed ones are skipped, not trusted.
 */

const text = (max: number) => z.string().max(max).catch('');

const TimelineEntrySchema = z.object({
  id: z.string().min(1).max(100),
  refId: z.string().max(200).catch(''),
  refKind: z.enum(['cloudtrail', 'guardduty']).catch('cloudtrail'),
  eventTime: z.string().max(40).catch(''),
  actor: text(300),
  action: text(300),
  sourceIp: text(100),
  note: text(10_000),
  technique: text(40),
  author: text(100),
});

const ChecklistItemSchema = z.object({
  id: z.string().min(1).max(100),
  action: text(1000),
  done: z.boolean().catch(false),
  author: text(100),
});

function mapsOf(array: Y.Array<unknown>): Record<string, unknown>[] {
  return array.toArray().flatMap((item) => (item instanceof Y.Map ? [item.toJSON() as Record<string, unknown>] : []));
}

/** The team's timeline entries in event-time order. */
export function readTimeline(doc: Y.Doc): TimelineEntry[] {
  return mapsOf(doc.getArray(TimelineArrayName))
    .flatMap((raw) => {
      const parsed = TimelineEntrySchema.safeParse(raw);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => a.eventTime.localeCompare(b.eventTime) || a.id.localeCompare(b.id));
}

export function readChecklist(doc: Y.Doc): ChecklistItem[] {
  return mapsOf(doc.getArray(ChecklistArrayName)).flatMap((raw) => {
    const parsed = ChecklistItemSchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Each report section as plain text, paragraphs separated by blank lines. */
export function readReport(doc: Y.Doc): Record<ReportSection, string> {
  const report = {} as Record<ReportSection, string>;
  for (const section of ReportSections) {
    const fragment = doc.getXmlFragment(reportFragmentName(section));
    report[section] = fragment
      .toArray()
      .map((node) => plainText(node))
      .filter((paragraph) => paragraph.length > 0)
      .join('\n\n');
  }
  return report;
}

export function readNotepad(doc: Y.Doc): string {
  return doc.getText(NotepadTextName).toString();
}

function plainText(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as { insert?: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
  }
  if (node instanceof Y.XmlElement) {
    const children = node.toArray() as (Y.XmlElement | Y.XmlText)[];
    // Block children (list items, paragraphs inside them) each start a line. Inline text is one run.
    const text = children.map((child) => plainText(child)).filter((part) => part.length > 0);
    const prefix = node.nodeName === 'list_item' ? '- ' : '';
    return prefix + text.join(children.some((child) => child instanceof Y.XmlElement) ? '\n' : '');
  }
  return '';
}

/** The team's own IR report: each section's title and plain text, and the containment checklist. */
export interface TeamIrReport {
  sections: { title: string; text: string }[];
  checklist: Pick<ChecklistItem, 'action' | 'done' | 'author'>[];
}

/** Read the team's IR report for the after-action report: the titled sections and the checklist. */
export function readIrReport(doc: Y.Doc): TeamIrReport {
  const text = readReport(doc);
  return {
    sections: ReportSections.map((section) => ({ title: ReportSectionTitles[section], text: text[section] })),
    checklist: readChecklist(doc).map(({ action, done, author }) => ({ action, done, author })),
  };
}
