import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Stores each Yjs document's full state as one file under the data dir. */
export class DocPersistence {
  constructor(private readonly dir: string) {}

  async load(name: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.file(name)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Replace the stored state; a temporary file and a rename keep the old state if the write fails. */
  async save(name: string, state: Uint8Array): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const target = this.file(name);
    const temporary = `${target}.tmp`;
    await writeFile(temporary, state);
    await rename(temporary, target);
  }

  private file(name: string): string {
    if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`Invalid document name "${name}".`);
    return path.join(this.dir, `${name}.yjs`);
  }
}
