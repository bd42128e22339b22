/**
 * Text layout of the data files a pack ships. CloudTrail files keep the delivery format
 * `{"Records":[...]}` but put one record on each line, so `file:line` in a validation message
 * points at one record and a diff shows which records changed.
 */

/** Formats CloudTrail records as a delivery-format file with one record per line. */
export function formatCloudTrailFile(records: readonly unknown[]): string {
  if (records.length === 0) return '{"Records":[]}\n';
  return `{"Records":[\n${records.map((record) => JSON.stringify(record)).join(',\n')}\n]}\n`;
}

/** Formats GuardDuty findings as an indented JSON array. */
export function formatFindingsFile(findings: readonly unknown[]): string {
  return `${JSON.stringify(findings, null, 2)}\n`;
}
