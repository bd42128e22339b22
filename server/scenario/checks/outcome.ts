/** Result of checking one answer. */
export interface CheckOutcome {
  /** True when the answer earns the full points. */
  correct: boolean;
  /** Share of the points the answer earns, from 0 to 1. */
  credit: number;
  /** Feedback for the team. It never contains a value the team has not submitted itself. */
  message: string;
}

/** Lower-cases and trims a value the way every check compares values. */
export function normalize(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * Splits a list answer on commas, semicolons, arrows, new lines and spaces, and drops empty
 * items and repeats, keeping the first occurrence of each.
 */
export function splitList(answer: string): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const raw of answer.split(/(?:->|=>|→|[,;\s>])+/)) {
    const item = normalize(raw);
    if (item === '' || seen.has(item)) continue;
    seen.add(item);
    items.push(item);
  }
  return items;
}

/** Clamps a credit to [0, 1]. */
export function clampCredit(value: number): number {
  return Math.min(1, Math.max(0, value));
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
