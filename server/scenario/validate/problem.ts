/** One problem found in a pack. */
export interface Problem {
  /** Path of the file inside the pack, such as `scenario.yaml` or `cloudtrail/attack.json`. */
  file: string;
  /** 1-based line; 1 when the problem concerns the whole file. */
  line: number;
  /** Dotted path of the field, or `(file)` when it concerns the whole file. */
  field: string;
  message: string;
}

/** Formats a problem as `file:line: field: what is wrong`. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.field}: ${problem.message}`;
}

/** Sorts problems by file, then line, then field, so output is stable. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.field.localeCompare(b.field));
}
