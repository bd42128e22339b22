/**
 * Counts the bench's failed requests and missed deliveries, and prints the first few of each
 * context so a failing run shows its cause without flooding the console.
 */
export class ErrorLog {
  private readonly byContext = new Map<string, number>();
  private static readonly PrintedPerContext = 3;

  record(context: string, error: unknown): void {
    const seen = (this.byContext.get(context) ?? 0) + 1;
    this.byContext.set(context, seen);
    if (seen <= ErrorLog.PrintedPerContext) {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`bench: ${context}: ${message}\n`);
    }
  }

  get count(): number {
    let total = 0;
    for (const value of this.byContext.values()) total += value;
    return total;
  }

  /** Counts per context, for the summary at the end of a run. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.byContext);
  }

  clear(): void {
    this.byContext.clear();
  }
}
