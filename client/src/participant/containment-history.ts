/** Maximum number of commands kept for the Up and Down arrows. Older ones are dropped first. */
export const commandHistoryMaxEntries = 100;

/**
 * The command line's history, browsed like a shell's: Up walks to older commands, Down back to
 * newer ones and finally to the line being typed before browsing began, which is kept as a draft.
 */
export class CommandHistory {
  private readonly entries: string[] = [];
  /** Index into `entries` while browsing, and `entries.length` on the draft line. */
  private position = 0;
  private draft = '';

  constructor(private readonly maxEntries = commandHistoryMaxEntries) {}

  /** Adds a run command, skipping an immediate repeat, and ends browsing. */
  add(command: string): void {
    const trimmed = command.trim();
    if (trimmed !== '' && this.entries.at(-1) !== trimmed) {
      this.entries.push(trimmed);
      if (this.entries.length > this.maxEntries) {
        this.entries.shift();
      }
    }
    this.position = this.entries.length;
    this.draft = '';
  }

  /** Returns the next older command, or null at the oldest. `current` is kept as the draft when browsing starts. */
  older(current: string): string | null {
    if (this.position === 0) {
      return null;
    }
    if (this.position === this.entries.length) {
      this.draft = current;
    }
    this.position -= 1;
    return this.entries[this.position] ?? null;
  }

  /** Returns the next newer command, the draft after the newest, or null when not browsing. */
  newer(): string | null {
    if (this.position >= this.entries.length) {
      return null;
    }
    this.position += 1;
    return this.position === this.entries.length ? this.draft : (this.entries[this.position] ?? null);
  }

  get size(): number {
    return this.entries.length;
  }
}
