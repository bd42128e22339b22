import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, validatePack } from '../../server/scenario/validate/index.js';

const Pack = path.resolve(import.meta.dirname, '../../scenarios/apexcorp-prod');

let work: string;
let counter = 0;

/** Copies apexcorp-prod with a smaller background and lets a test change one of its files. */
async function packWith(file: string, edit: (text: string) => string): Promise<string> {
  const dir = path.join(work, `pack-${++counter}`);
  await cp(Pack, dir, { recursive: true });
  const manifest = path.join(dir, 'scenario.yaml');
  await writeFile(manifest, (await readFile(manifest, 'utf8')).replace('events: 25000', 'events: 500'));
  const target = path.join(dir, file);
  await writeFile(target, edit(await readFile(target, 'utf8')));
  return dir;
}

async function problemsOf(dir: string): Promise<string[]> {
  return (await validatePack(dir)).map(formatProblem);
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'cloud-ir-lab-validate-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('scenario validation', () => {
  it('accepts apexcorp-prod', async () => {
    expect(await problemsOf(Pack)).toEqual([]);
  });

  it('names the line of a schema error', async () => {
    const dir = await packWith('scenario.yaml', (text) => text.replace('    points: 100\n', '    points: lots\n'));
    const lines = (await readFile(path.join(dir, 'scenario.yaml'), 'utf8')).split('\n');
    const line = lines.findIndex((text) => text.includes('points: lots')) + 1;
    expect(await problemsOf(dir)).toEqual([`scenario.yaml:${line}: objectives.0.points: Invalid input: expected number, received string`]);
  });

  it('reports YAML syntax errors', async () => {
    const dir = await packWith('scenario.yaml', (text) => text.replace('title: Triage the alert', 'title: [Triage'));
    const problems = await problemsOf(dir);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^scenario\.yaml:\d+: \(yaml\): /);
  });

  it('finds a repeated eventID', async () => {
    const dir = await packWith('cloudtrail/attack.json', (text) => text.replace('"eventID":"578e005a-9340-49a5-86fc-b1b4bb2ec64f"', '"eventID":"777b2d0a-37b8-4c80-9231-f898fef1731a"'));
    const problems = await problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^cloudtrail\/attack\.json:\d+: eventID: 777b2d0a-37b8-4c80-9231-f898fef1731a is used again \(first at cloudtrail\/attack\.json:\d+\)/);
  });

  it('finds a time outside the window', async () => {
    const dir = await packWith('cloudtrail/attack.json', (text) => text.replace('"eventTime":"2026-05-08T01:52:44Z"', '"eventTime":"2026-05-09T01:52:44Z"'));
    const problems = await problemsOf(dir);
    expect(problems.some((problem) => /^cloudtrail\/attack\.json:\d+: eventTime: 2026-05-09T01:52:44Z of 578e005a/.test(problem))).toBe(true);
  });

  it('finds an answer not yet released', async () => {
    const dir = await packWith('scenario.yaml', (text) => text.replace('      accept: [AKIABZPUZDIKDNQIULWG]', '      accept: [AKIAEXAMPLENOTINDATA]'));
    const problems = await problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^scenario\.yaml:\d+: objectives\.2\.check: "AKIAEXAMPLENOTINDATA" is not in the data released by phase scoping/);
  });

  it('finds an answer released too late', async () => {
    const dir = await packWith('scenario.yaml', (text) => text.replace('    objectives:\n      - compromised-user\n', '    objectives:\n      - compromised-user\n      - attack-timeline\n').replace('      - attack-timeline\n      - ir-report\n', '      - ir-report\n'));
    const problems = await problemsOf(dir);
    expect(problems).toEqual([expect.stringMatching(/^scenario\.yaml:\d+: objectives\.6\.check: "StopLogging" or "349cc4a0-ac94-433b-913c-020b9d20b455" is not in the data released by phase triage/)]);
  });

  it('finds a finding key missing from CloudTrail', async () => {
    const dir = await packWith('guardduty/findings.json', (text) => text.replaceAll('AKIABZPUZDIKLNSTKRFZ', 'AKIAEXAMPLENOTINDATA'));
    const problems = await problemsOf(dir);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem).toMatch(/^guardduty\/findings\.json:\d+: Resource\.AccessKeyDetails\.AccessKeyId: AKIAEXAMPLENOTINDATA in finding \w+ .* does not occur in the CloudTrail data$/);
  });

  it('finds unknown references', async () => {
    const dir = await packWith('scenario.yaml', (text) => text.replace('      - compromised-user\n    injects:', '      - compromised-user\n      - no-such-objective\n    injects:'));
    expect(await problemsOf(dir)).toEqual([expect.stringMatching(/^scenario\.yaml:\d+: phases\.0\.objectives\.1: objective "no-such-objective" is not defined under objectives$/)]);
  });

  it('finds a reference note after the last phase', async () => {
    const dir = await packWith('scenario.yaml', (text) => text.replace('    fromPhase: 2\n', '    fromPhase: 7\n'));
    const problems = await problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^scenario\.yaml:\d+: reference\.\d+\.fromPhase: phase 7 does not exist: the pack has 4 phases, numbered from 0$/);
  });

  it('reports a missing data file', async () => {
    const dir = await packWith('scenario.yaml', (text) => text.replace('    - cloudtrail/attack.json', '    - cloudtrail/missing.json'));
    const problems = await problemsOf(dir);
    expect(problems).toContain('cloudtrail/missing.json:1: (file): cannot be read (ENOENT); check the path under data in scenario.yaml');
  });

  it('reports invalid JSON with its line', async () => {
    const dir = await packWith('guardduty/findings.json', (text) => text.replace('"Partition": "aws",', '"Partition": "aws",,'));
    const problems = await problemsOf(dir);
    expect(problems[0]).toMatch(/^guardduty\/findings\.json:(\d+): \(file\): invalid JSON/);
    expect(Number(/:(\d+):/.exec(problems[0]!)![1])).toBeGreaterThan(1);
  });
});
