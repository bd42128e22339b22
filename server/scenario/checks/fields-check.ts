import type { ObjectiveCheck } from '../manifest.js';
import { normalize, splitList, type CheckOutcome } from './outcome.js';

type FieldsCheck = Extract<ObjectiveCheck, { kind: 'fields' }>;
type Field = FieldsCheck['fields'][number];

/** Byte multipliers per unit. Decimal units also accept the binary reading, since people mix them. */
const UnitBytes: Record<string, number[]> = {
  b: [1],
  byte: [1],
  bytes: [1],
  kb: [1e3, 2 ** 10],
  mb: [1e6, 2 ** 20],
  gb: [1e9, 2 ** 30],
  tb: [1e12, 2 ** 40],
  kib: [2 ** 10],
  mib: [2 ** 20],
  gib: [2 ** 30],
  tib: [2 ** 40],
};

interface Numbers {
  counts: number[];
  /** Each size with every reading of its unit. */
  sizes: number[][];
}

/** Finds plain numbers ("1,240") and sizes ("5.1 GB") in a free-text answer. */
function readNumbers(answer: string): Numbers {
  const numbers: Numbers = { counts: [], sizes: [] };
  for (const match of answer.matchAll(/(\d[\d,_]*(?:\.\d+)?)\s*([a-z]+)?/gi)) {
    const value = Number(match[1]!.replace(/[,_]/g, ''));
    if (!Number.isFinite(value)) continue;
    const unit = match[2] ? UnitBytes[match[2].toLowerCase()] : undefined;
    if (unit) numbers.sizes.push(unit.map((multiplier) => value * multiplier));
    else if (Number.isInteger(value)) numbers.counts.push(value);
  }
  return numbers;
}

function within(candidate: number, expected: number, tolerance: number): boolean {
  return Math.abs(candidate - expected) <= Math.max(tolerance * expected, 0.5);
}

function fieldFound(field: Field, tokens: Set<string>, numbers: Numbers): boolean {
  switch (field.type) {
    case 'text':
      return field.accept.some((value) => tokens.has(normalize(value)));
    case 'count':
      return numbers.counts.some((count) => within(count, field.value, field.tolerance));
    case 'bytes':
      return numbers.sizes.some((readings) => readings.some((bytes) => within(bytes, field.value, field.tolerance)));
  }
}

/**
 * Checks a free-text answer that should contain several facts, such as a bucket name, an object
 * count and a volume with its unit. Each fact found earns its share of the points.
 */
export function checkFields(check: FieldsCheck, answer: string): CheckOutcome {
  const tokens = new Set(splitList(answer).map((token) => token.replace(/^s3:\/\//, '').replace(/\/+$/, '')));
  const numbers = readNumbers(answer);
  const found = check.fields.filter((field) => fieldFound(field, tokens, numbers));
  const total = check.fields.length;
  const credit = found.length / total;
  if (found.length === total) return { correct: true, credit: 1, message: `Correct: ${check.fields.map((field) => field.label).join(', ')} are all right.` };

  const accepted = found.length > 0 ? `Accepted: ${found.map((field) => field.label).join(', ')}. ` : '';
  const missing = check.fields.filter((field) => !found.includes(field)).map((field) => field.label);
  return {
    correct: false,
    credit,
    message: `${accepted}Not yet right: ${missing.join(', ')}. Give each in one answer, sizes with a unit such as GB.`,
  };
}
