import { Schema } from 'prosemirror-model';
import { schema as basicSchema } from 'prosemirror-schema-basic';
import { addListNodes } from 'prosemirror-schema-list';

/**
 * Document schema of a report section: paragraphs, headings, bullet and ordered lists, bold,
 * italic, code and links from prosemirror-schema-basic. Images are left out because the report
 * has nowhere to keep them. y-prosemirror stores each node as a Y.XmlElement named after its
 * node type (`paragraph`, `bullet_list`, ...) and the text as Y.XmlText, which is the shape the
 * server's report reader walks.
 */
export const reportSchema = new Schema({
  nodes: addListNodes(basicSchema.spec.nodes.remove('image'), 'paragraph block*', 'block'),
  marks: basicSchema.spec.marks,
});
