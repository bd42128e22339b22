import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { newToken } from './exercise/ids.js';

/**
 * The facilitator's sign-in token: FACILITATOR_TOKEN when set, otherwise the one stored in the
 * data dir, generated (readable by the owner only) on the first start.
 */
export async function resolveFacilitatorToken(configured: string | undefined, dataDir: string): Promise<string> {
  if (configured) return configured;
  const file = path.join(dataDir, 'facilitator-token');
  try {
    const stored = (await readFile(file, 'utf8')).trim();
    if (stored.length >= 16) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = newToken();
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  return token;
}
