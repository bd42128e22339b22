import type { ValueParseResult } from './json-param.js';

/** A value written in the CLI's shorthand syntax: strings, lists of values and structures. */
export type ShorthandValue = string | ShorthandValue[] | { [key: string]: ShorthandValue };

class ShorthandError extends Error {}

/**
 * Parse the AWS CLI shorthand syntax of a structure, such as
 * `IpProtocol=tcp,FromPort=22,IpRanges=[{CidrIp=0.0.0.0/0}]`: `Key=Value` pairs separated by
 * commas, `[...]` lists, `{...}` nested structures and quoted strings. All scalars stay strings;
 * the caller converts them to the parameter's type.
 */
export function parseShorthand(option: string, text: string): ValueParseResult {
  const reader = new ShorthandReader(text);
  try {
    const value = reader.readStructure(null);
    reader.expectEnd();
    return { ok: true, value };
  } catch (error) {
    if (!(error instanceof ShorthandError)) throw error;
    return {
      ok: false,
      error: `Error parsing parameter '--${option}': ${error.message}. Write it as Key=Value pairs separated by commas, such as Key1=value,Key2=value, or as JSON in single quotes.`,
    };
  }
}

class ShorthandReader {
  private position = 0;

  constructor(private readonly text: string) {}

  readStructure(closing: '}' | null): Record<string, ShorthandValue> {
    // A prototype-free object, so that a key such as __proto__ stays an ordinary key.
    const structure: Record<string, ShorthandValue> = Object.create(null) as Record<string, ShorthandValue>;
    if (closing !== null && this.peek() === closing) return structure;

    for (;;) {
      const key = this.readKey();
      if (Object.hasOwn(structure, key)) this.fail(`the key ${key} is given twice`);
      structure[key] = this.readValue();
      if (this.peek() !== ',') return structure;
      this.position += 1;
    }
  }

  expectEnd(): void {
    if (this.position < this.text.length) this.fail(`unexpected ${JSON.stringify(this.peek())}`);
  }

  private readKey(): string {
    const match = /^\s*([A-Za-z0-9_.:-]+)\s*=/.exec(this.text.slice(this.position));
    if (match?.[1] === undefined) this.fail('expected a key followed by =');
    this.position += match[0].length;
    return match[1];
  }

  private readValue(): ShorthandValue {
    const char = this.peek();
    if (char === '[') {
      this.position += 1;
      const list = this.readList();
      this.consume(']');
      return list;
    }
    if (char === '{') {
      this.position += 1;
      const structure = this.readStructure('}');
      this.consume('}');
      return structure;
    }
    if (char === '"' || char === "'") return this.readQuoted(char);
    return this.readBare();
  }

  private readList(): ShorthandValue[] {
    const list: ShorthandValue[] = [];
    if (this.peek() === ']') return list;
    for (;;) {
      list.push(this.readValue());
      if (this.peek() !== ',') return list;
      this.position += 1;
    }
  }

  private readQuoted(quote: string): string {
    const end = this.text.indexOf(quote, this.position + 1);
    if (end === -1) this.fail(`the quote ${quote} is not closed`);
    const value = this.text.slice(this.position + 1, end);
    this.position = end + 1;
    return value;
  }

  private readBare(): string {
    const match = /^[^,[\]{}]*/.exec(this.text.slice(this.position));
    const value = (match?.[0] ?? '').trim();
    this.position += match?.[0].length ?? 0;
    return value;
  }

  private consume(expected: string): void {
    if (this.peek() !== expected) this.fail(`expected ${JSON.stringify(expected)}`);
    this.position += 1;
  }

  private peek(): string {
    return this.text.charAt(this.position);
  }

  private fail(reason: string): never {
    const found = this.position >= this.text.length ? 'the end of the value' : `column ${this.position + 1}`;
    throw new ShorthandError(`Invalid shorthand syntax: ${reason} at ${found} of ${JSON.stringify(this.text)}`);
  }
}
