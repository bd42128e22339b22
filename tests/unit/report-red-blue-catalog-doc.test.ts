import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { techniqueViews } from '../../server/redcell/index.js';

const DocPath = new URL('../../docs/red-blue.md', import.meta.url);

/** Rows of the catalog tables in docs/red-blue.md: the lines whose second cell is a technique id. */
async function catalogRows(): Promise<Map<string, string[]>> {
  const text = await readFile(DocPath, 'utf8');
  const rows = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    const id = /^`([a-z0-9-]+)`$/.exec(cells[1] ?? '')?.[1];
    if (id !== undefined && cells.length === 5) rows.set(id, cells);
  }
  return rows;
}

describe('red-blue.md catalog', () => {
  it('lists every technique once', async () => {
    const rows = await catalogRows();
    expect([...rows.keys()].sort()).toEqual(techniqueViews().map((technique) => technique.id).sort());
  });

  it('matches names and ATT&CK ids', async () => {
    const rows = await catalogRows();
    for (const technique of techniqueViews()) {
      const cells = rows.get(technique.id)!;
      expect(cells[0], technique.id).toBe(technique.name);
      expect(cells[2], technique.id).toBe(`${technique.mitre.id} ${technique.mitre.name}`);
    }
  });

  it('matches calls and finding types', async () => {
    const rows = await catalogRows();
    for (const technique of techniqueViews()) {
      const cells = rows.get(technique.id)!;
      expect(cells[3], technique.id).toBe(technique.calls.join(', '));
      expect(cells[4], technique.id).toBe(technique.findingTypes.length === 0 ? 'none' : technique.findingTypes.join(', '));
    }
  });
});
