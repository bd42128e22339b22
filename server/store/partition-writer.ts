import { TextFile } from 'lowdb/node';

type Waiter = { version: number; resolve: () => void; reject: (error: unknown) => void };

/**
 * Writes one partition file with group commit. `update` records the partition's new JSON text
 * and returns a promise that resolves once a write holding that text (or a later one) is on disk.
 * One write runs at a time; texts that arrive meanwhile are merged into the next write, which
 * takes only the newest. lowdb's TextFile writes a temporary file and renames it over the old one.
 */
export class PartitionWriter {
  private readonly file: TextFile;
  /** JSON text of the live partition, the state a rejected change is rolled back to. */
  appliedText: string;
  /** JSON text last written to disk, the state a failed write is rolled back to. */
  savedText: string;
  private appliedVersion = 0;
  private writing: Promise<void> | null = null;
  private waiters: Waiter[] = [];

  constructor(
    filename: string,
    savedText: string,
    private readonly onFailure: (writer: PartitionWriter, error: unknown) => void,
  ) {
    this.file = new TextFile(filename);
    this.savedText = savedText;
    this.appliedText = savedText;
  }

  update(text: string): Promise<void> {
    if (text === this.appliedText && this.waiters.length === 0 && !this.writing) return Promise.resolve();
    if (text !== this.appliedText) {
      this.appliedText = text;
      this.appliedVersion += 1;
    }
    const version = this.appliedVersion;
    const saved = new Promise<void>((resolve, reject) => this.waiters.push({ version, resolve, reject }));
    if (!this.writing) this.writing = this.drain();
    return saved;
  }

  /** Wait until every text given so far is written or has failed. */
  async idle(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    while (this.waiters.length > 0) {
      const text = this.appliedText;
      const version = this.appliedVersion;
      try {
        await this.file.write(text);
      } catch (error) {
        // Every waiting change was applied on top of the failed text, so all of them are undone.
        const failed = this.waiters;
        this.waiters = [];
        this.appliedText = this.savedText;
        this.onFailure(this, error);
        for (const waiter of failed) waiter.reject(error);
        break;
      }
      this.savedText = text;
      const done = this.waiters.filter((waiter) => waiter.version <= version);
      this.waiters = this.waiters.filter((waiter) => waiter.version > version);
      for (const waiter of done) waiter.resolve();
    }
    this.writing = null;
  }
}
