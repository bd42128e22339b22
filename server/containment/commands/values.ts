import type { OptionValues } from '../command-spec.js';
import { looksLikeJson, parseJsonParameter, type ValueParseResult } from '../json-param.js';
import { parseShorthand } from '../shorthand.js';

/** Return the string value of option `name`, or undefined when it was not given. */
export function stringValue(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Return the values of list option `name`, or an empty list when it was not given. */
export function listValue(values: OptionValues, name: string): string[] {
  const value = values[name];
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? [value] : [];
}

/**
 * Parse option `name` as a JSON object, such as a policy document. Arrays and scalars are
 * rejected here, because every document parameter of the simulated account is a JSON object.
 */
export function jsonObjectValue(values: OptionValues, name: string): ValueParseResult {
  const text = stringValue(values, name) ?? '';
  const parsed = parseJsonParameter(name, text);
  if (!parsed.ok) return parsed;
  if (!isPlainObject(parsed.value)) {
    return { ok: false, error: `Error parsing parameter '--${name}': expected a JSON object in braces, such as '{"Version": "2012-10-17", "Statement": [...]}'.` };
  }
  return parsed;
}

/** Parse a value the CLI reads as JSON when it starts with { or [, and as shorthand otherwise. */
export function jsonOrShorthandValue(name: string, text: string): ValueParseResult {
  return looksLikeJson(text) ? parseJsonParameter(name, text) : parseShorthand(name, text);
}

/** Read a boolean written as JSON true/false or as shorthand text; undefined when it is neither. */
export function booleanOf(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return undefined;
}

/** Read an integer written as a JSON number or as shorthand text; undefined when it is neither. */
export function integerOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value !== 'string' || !/^-?\d{1,6}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
