import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * Random access to the original records of a newline-delimited JSON file by line number, so the
 * query database need not keep every record's full text. Empty lines are skipped, as DuckDB's
 * read_json skips them, so line numbers match the order of the rows it reads.
 */
export class RecordFile {
  private constructor(
    private readonly path: string,
    /** Start offset of record i at index i. Index `count` contains the end of the last record. */
    private readonly offsets: Float64Array,
    readonly count: number,
  ) {}

  /** Scan `path` once for the offsets of its lines. */
  static async open(path: string): Promise<RecordFile> {
    let offsets = new Float64Array(1024);
    let count = 0;
    let lineStart = 0;
    let position = 0;
    // Each push writes the record's start and, provisionally, its end in the next slot, which
    // the next record's start then replaces.
    const push = (start: number, end: number) => {
      if (end <= start) return;
      if (count + 2 > offsets.length) {
        const grown = new Float64Array(offsets.length * 2);
        grown.set(offsets);
        offsets = grown;
      }
      offsets[count] = start;
      offsets[count + 1] = end;
      count++;
    };
    for await (const chunk of createReadStream(path, { highWaterMark: 4 * 1024 * 1024 }) as AsyncIterable<Buffer>) {
      let from = 0;
      for (let newline = chunk.indexOf(10, from); newline !== -1; newline = chunk.indexOf(10, from)) {
        push(lineStart, position + newline);
        lineStart = position + newline + 1;
        from = newline + 1;
      }
      position += chunk.length;
    }
    push(lineStart, position);
    return new RecordFile(path, offsets, count);
  }

  /** Read and parse the record on 0-based line `line`; returns null when there is none. */
  async read(line: number): Promise<Record<string, unknown> | null> {
    if (!Number.isInteger(line) || line < 0 || line >= this.count) return null;
    const start = this.offsets[line]!;
    // The next record's start bounds this one; skipped empty lines and the newline are cut below.
    const limit = this.offsets[line + 1]!;
    const handle = await open(this.path, 'r');
    try {
      const buffer = Buffer.alloc(limit - start);
      await handle.read(buffer, 0, buffer.length, start);
      const newline = buffer.indexOf(10);
      const text = (newline === -1 ? buffer : buffer.subarray(0, newline)).toString('utf8');
      return JSON.parse(text) as Record<string, unknown>;
    } finally {
      await handle.close();
    }
  }
}
