import type { ReportSection } from '../../../shared/collab.js';

/** Heading and prompt of each IR report section, in the order of ReportSections. */
export const ReportSectionText: Record<ReportSection, { title: string; prompt: string }> = {
  summary: { title: 'Executive summary', prompt: 'What happened, in three or four sentences for the CISO.' },
  'root-cause': { title: 'Root cause', prompt: 'How the attacker got in and which control failed.' },
  impact: { title: 'Impact', prompt: 'Data, systems and customers affected, with evidence.' },
  scope: { title: 'Scope', prompt: 'Principals, keys, regions and resources involved, and the time window.' },
  containment: { title: 'Containment', prompt: 'What was done to stop the attacker, and when.' },
  eradication: { title: 'Eradication', prompt: 'How persistence such as new keys, users or roles was removed.' },
  recovery: { title: 'Recovery', prompt: 'How services and data were restored and checked.' },
  lessons: { title: 'Lessons learned', prompt: 'What to change in people, process and technology.' },
};
