import type { ObjectiveCheck } from '../manifest.js';
import { clampCredit, normalize, plural, type CheckOutcome } from './outcome.js';

type VerdictsCheck = Extract<ObjectiveCheck, { kind: 'verdicts' }>;
type Verdict = VerdictsCheck['items'][number]['verdict'];

/** Words teams use for each verdict. */
const VerdictWords: Record<string, Verdict> = {
  malicious: 'malicious',
  'true-positive': 'malicious',
  tp: 'malicious',
  attack: 'malicious',
  breach: 'malicious',
  benign: 'benign',
  'false-positive': 'benign',
  fp: 'benign',
  noise: 'benign',
  unrelated: 'benign',
};

/**
 * Checks `key: verdict` pairs, one per line or separated by commas. A right verdict earns 1/n
 * of the points and a wrong one takes 1/n away; an item left out earns nothing.
 */
export function checkVerdicts(check: VerdictsCheck, answer: string): CheckOutcome {
  const itemByKey = new Map<string, number>();
  check.items.forEach((item, index) => item.keys.forEach((key) => itemByKey.set(normalize(key), index)));

  const given = new Map<number, Verdict>();
  const unreadable: string[] = [];
  for (const entry of answer.split(/[\n,;]+/)) {
    if (entry.trim() === '') continue;
    // Greedy, so the last colon separates the verdict: finding types contain colons themselves.
    const match = /^(.+)[:=]\s*(\S+)$/.exec(entry.trim());
    const index = match ? itemByKey.get(normalize(match[1]!)) : undefined;
    const verdict = match ? VerdictWords[normalize(match[2]!).replace(/\s+/g, '-')] : undefined;
    if (index === undefined || verdict === undefined) {
      unreadable.push(entry.trim());
      continue;
    }
    if (!given.has(index)) given.set(index, verdict);
  }

  let right = 0;
  for (const [index, verdict] of given) if (check.items[index]!.verdict === verdict) right++;
  const wrong = given.size - right;
  const total = check.items.length;
  const credit = clampCredit((right - wrong) / total);
  const correct = right === total;
  if (correct) return { correct, credit: 1, message: `Correct: all ${total} verdicts are right.` };

  const parts = [`${right} of ${total} verdicts are right`];
  if (wrong > 0) parts.push(`${plural(wrong, 'verdict')} ${wrong === 1 ? 'is' : 'are'} wrong`);
  if (given.size < total) parts.push(`${plural(total - given.size, 'item')} ${total - given.size === 1 ? 'has' : 'have'} no verdict`);
  if (unreadable.length > 0) {
    parts.push(`${plural(unreadable.length, 'entry', 'entries')} could not be read; write each as "finding id or type: malicious" or ": benign"`);
  }
  return { correct, credit, message: `${parts.join('; ')}.` };
}
