import type { Adapter } from 'lowdb';
import { TextFile } from 'lowdb/node';

/**
 * A lowdb adapter that serialises the data once per write and keeps that text. From it the store
 * tells whether a rejected change touched the data and restores the last saved state, so it need
 * not clone the whole data before every write. The file is written through lowdb's TextFile, as a
 * temporary file renamed over the old one.
 */
export class JsonTextAdapter<T> implements Adapter<T> {
  private readonly file: TextFile;
  /** The JSON text of the last state read or written; the state a rollback returns to. */
  savedText: string | null = null;

  constructor(filename: string) {
    this.file = new TextFile(filename);
  }

  async read(): Promise<T | null> {
    const text = await this.file.read();
    this.savedText = text;
    return text === null ? null : (JSON.parse(text) as T);
  }

  async write(data: T): Promise<void> {
    const text = JSON.stringify(data);
    await this.file.write(text);
    this.savedText = text;
  }
}
