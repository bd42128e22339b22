import { LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** A parsed YAML document that can tell the line of any field. */
export interface LocatedYaml {
  value: unknown;
  errors: { line: number; message: string }[];
  /** Line of the deepest existing node on `path`, 1 when none exists. */
  lineOf(path: readonly PropertyKey[]): number;
}

/** Parses YAML keeping node positions, so problems can name a line. */
export function parseLocatedYaml(text: string): LocatedYaml {
  const counter = new LineCounter();
  const document: Document = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const errors = document.errors.map((error) => ({ line: error.linePos?.[0]?.line ?? counter.linePos(error.pos[0]).line, message: error.message }));

  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let depth = path.length; depth >= 0; depth--) {
      const keys = path.slice(0, depth).map((key) => (typeof key === 'symbol' ? String(key) : key));
      const node = (depth === 0 ? document.contents : document.getIn(keys, true)) as Node | null | undefined;
      const range = node && typeof node === 'object' && 'range' in node ? node.range : undefined;
      if (range) return counter.linePos(range[0]).line;
    }
    return 1;
  };
  return { value: errors.length > 0 ? undefined : document.toJS(), errors, lineOf };
}
