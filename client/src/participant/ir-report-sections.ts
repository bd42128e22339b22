import { ReportSectionTitles as Titles, type ReportSection } from '../../../shared/collab.js';

/** Heading and prompt of each IR report section, in the order of ReportSections. */
export const ReportSectionText: Record<ReportSection, { title: string; prompt: string }> = {
  summary: { title: Titles.summary, prompt: 'What happened, in three or four sentences for the CISO.' },
  'root-cause': { title: Titles['root-cause'], prompt: 'How the attacker got in and which control failed.' },
  impact: { title: Titles.impact, prompt: 'Data, systems and customers affected, with evidence.' },
  scope: { title: Titles.scope, prompt: 'Principals, keys, regions and resources involved, and the time window.' },
  containment: { title: Titles.containment, prompt: 'What was done to stop the attacker, and when.' },
  eradication: { title: Titles.eradication, prompt: 'How persistence such as new keys, users or roles was removed.' },
  recovery: { title: Titles.recovery, prompt: 'How services and data were restored and checked.' },
  lessons: { title: Titles.lessons, prompt: 'What to change in people, process and technology.' },
};
