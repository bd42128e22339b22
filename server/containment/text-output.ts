/**
 * Write a response in the AWS CLI's `--output text` layout. Each object is one line of its scalar
 * values in key order, separated by tabs and prefixed with the upper-cased key it was found under.
 * A list of scalars prints one line per item. Values print as the CLI (Python) writes them: True,
 * False and None.
 */
export function formatText(value: unknown): string {
  const lines: string[] = [];
  writeValue(value, undefined, undefined, lines);
  return lines.join('\n');
}

function writeValue(value: unknown, identifier: string | undefined, scalarKeys: string[] | undefined, lines: string[]): void {
  if (Array.isArray(value)) {
    writeList(value, identifier, lines);
  } else if (isObject(value)) {
    writeObject(value, identifier, scalarKeys, lines);
  } else {
    lines.push(scalarText(value));
  }
}

function writeList(items: unknown[], identifier: string | undefined, lines: string[]): void {
  if (items.length === 0) return;

  if (items.some(isObject)) {
    const keys = sortedScalarKeys(items.filter(isObject));
    for (const item of items) writeValue(item, identifier, keys, lines);
    return;
  }

  const scalars = items.filter((item) => !Array.isArray(item));
  if (scalars.length > 0) {
    if (identifier === undefined) lines.push(scalars.map(scalarText).join('\t'));
    else for (const item of scalars) lines.push(`${identifier.toUpperCase()}\t${scalarText(item)}`);
  }
  for (const nested of items.filter(Array.isArray)) writeValue(nested, identifier, undefined, lines);
}

function writeObject(object: Record<string, unknown>, identifier: string | undefined, scalarKeys: string[] | undefined, lines: string[]): void {
  const keys = Object.keys(object).sort();
  const nested = keys.filter((key) => isNested(object[key]));
  const scalars = scalarKeys === undefined ? keys.filter((key) => !isNested(object[key])).map((key) => scalarText(object[key])) : scalarKeys.map((key) => scalarText(object[key]));

  if (scalars.length > 0) {
    lines.push((identifier === undefined ? scalars : [identifier.toUpperCase(), ...scalars]).join('\t'));
  }
  for (const key of nested) writeValue(object[key], key, undefined, lines);
}

function sortedScalarKeys(objects: Record<string, unknown>[]): string[] {
  const keys = new Set<string>();
  for (const object of objects) {
    for (const [key, value] of Object.entries(object)) if (!isNested(value)) keys.add(key);
  }
  return [...keys].sort();
}

/** Write a scalar as the CLI does; a key missing from one object of a list prints None. */
export function scalarText(value: unknown): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null || value === undefined) return 'None';
  return String(value);
}

function isNested(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
