import { describe, expect, it } from 'vitest';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { reportFragmentName } from '../../shared/collab.js';
import { readReport } from '../../server/collab/team-document.js';
import { reportSchema } from '../../client/src/participant/ir-report-schema.js';

const { nodes, marks } = reportSchema;

function paragraph(...parts: (string | [string, 'strong' | 'em'])[]) {
  return nodes.paragraph!.create(
    null,
    parts.map((part) => (typeof part === 'string' ? reportSchema.text(part) : reportSchema.text(part[0], [marks[part[1]]!.create()]))),
  );
}

describe('ir report fragment', () => {
  it('reads formatted paragraphs as plain text', () => {
    const doc = new Y.Doc();
    const content = nodes.doc!.create(null, [
      nodes.heading!.create({ level: 3 }, reportSchema.text('First hour')),
      paragraph('Key of ', ['dev-deploy', 'strong'], ' used from a ', ['Tor exit', 'em'], '.'),
    ]);
    prosemirrorToYXmlFragment(content, doc.getXmlFragment(reportFragmentName('containment')));

    expect(readReport(doc).containment).toBe('First hour\n\nKey of dev-deploy used from a Tor exit.');
    expect(readReport(doc).summary).toBe('');
  });

  it('reads each list item on its line', () => {
    const doc = new Y.Doc();
    const item = (text: string) => nodes.list_item!.create(null, paragraph(text));
    const content = nodes.doc!.create(null, [nodes.bullet_list!.create(null, [item('Deactivate key AKIAEXAMPLE1'), item('Delete user backdoor')])]);
    prosemirrorToYXmlFragment(content, doc.getXmlFragment(reportFragmentName('containment')));

    expect(readReport(doc).containment).toBe('- Deactivate key AKIAEXAMPLE1\n- Delete user backdoor');
  });
});
