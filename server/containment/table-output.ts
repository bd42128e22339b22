import { scalarText } from './text-output.js';

/** One titled block of the table: an optional header row and rows of cells. */
interface Section {
  title: string;
  depth: number;
  header: string[] | null;
  rows: string[][];
}

/**
 * Draw a response in a layout close to the AWS CLI's `--output table`. Each object or list of
 * objects becomes a titled section with its scalar keys as column headers. Nested values follow
 * in indented sections, and each section is drawn in its own box.
 * NOTE: the CLI also shrinks columns to the terminal width, but this layout never wraps cells.
 */
export function formatTable(value: unknown, title: string): string {
  const sections: Section[] = [];
  addSections(value, title, 0, sections);
  return sections.map(renderSection).join('\n');
}

function addSections(value: unknown, title: string, depth: number, sections: Section[]): void {
  if (Array.isArray(value)) {
    if (value.length === 0) return;
    const objects = value.filter(isObject);
    if (objects.length > 0) {
      addObjectList(objects, title, depth, sections);
      return;
    }
    sections.push({ title, depth, header: null, rows: value.map((item) => [scalarText(item)]) });
    return;
  }
  if (isObject(value)) {
    addObject(value, title, depth, sections);
    return;
  }
  sections.push({ title, depth, header: null, rows: [[scalarText(value)]] });
}

function addObject(object: Record<string, unknown>, title: string, depth: number, sections: Section[]): void {
  const keys = Object.keys(object).sort();
  const scalars = keys.filter((key) => !isNested(object[key]));
  if (scalars.length === 1 && scalars[0] !== undefined) {
    sections.push({ title, depth, header: null, rows: [[scalars[0], scalarText(object[scalars[0]])]] });
  } else if (scalars.length > 1) {
    sections.push({ title, depth, header: scalars, rows: [scalars.map((key) => scalarText(object[key]))] });
  } else {
    sections.push({ title, depth, header: null, rows: [] });
  }
  for (const key of keys.filter((candidate) => isNested(object[candidate]))) addSections(object[key], key, depth + 1, sections);
}

function addObjectList(objects: Record<string, unknown>[], title: string, depth: number, sections: Section[]): void {
  const scalarKeys = [...new Set(objects.flatMap((object) => Object.keys(object).filter((key) => !isNested(object[key]))))].sort();
  const nestedKeys = [...new Set(objects.flatMap((object) => Object.keys(object).filter((key) => isNested(object[key]))))].sort();

  if (nestedKeys.length === 0) {
    sections.push({ title, depth, header: scalarKeys, rows: objects.map((object) => scalarKeys.map((key) => (key in object ? scalarText(object[key]) : ''))) });
    return;
  }
  // Objects with nested values get a section each, so their nested sections follow them.
  for (const object of objects) {
    sections.push({ title, depth, header: scalarKeys, rows: [scalarKeys.map((key) => (key in object ? scalarText(object[key]) : ''))] });
    for (const key of nestedKeys) if (key in object) addSections(object[key], key, depth + 1, sections);
  }
}

function renderSection(section: Section): string {
  const indent = '  '.repeat(section.depth);
  const rows = section.header === null ? section.rows : [section.header, ...section.rows];
  const columns = Math.max(1, ...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, column) => Math.max(1, ...rows.map((row) => (row[column] ?? '').length)));
  // Cells are joined by " | ", so the content is the widths plus three characters per gap.
  const contentWidth = widths.reduce((sum, width) => sum + width + 3, -3);
  const inner = Math.max(section.title.length + 2, contentWidth);
  // Widen the last column when the title is wider than the columns.
  const lastIndex = columns - 1;
  widths[lastIndex] = (widths[lastIndex] ?? 1) + inner - contentWidth;

  const border = `${indent}+${'-'.repeat(inner + 2)}+`;
  const titlePadding = inner - section.title.length;
  const lines = [border, `${indent}| ${' '.repeat(Math.floor(titlePadding / 2))}${section.title}${' '.repeat(Math.ceil(titlePadding / 2))} |`, border];
  rows.forEach((row, index) => {
    const cells = widths.map((width, column) => (row[column] ?? '').padEnd(width));
    lines.push(`${indent}| ${cells.join(' | ')} |`);
    if (section.header !== null && index === 0) lines.push(border);
  });
  if (rows.length > 0) lines.push(border);
  return lines.join('\n');
}

function isNested(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
