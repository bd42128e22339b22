import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseCall, parseError } from './support.js';

const SCENARIO_DIR = path.resolve(import.meta.dirname, '../../../scenarios/apexcorp-prod');

interface SnapshotKey {
  UserName: string;
  AccessKeyId: string;
}

interface Snapshot {
  UserDetailList: { UserName: string }[];
  Policies: { Arn: string }[];
  AccessKeyMetadata: SnapshotKey[];
}

const snapshot = JSON.parse(readFileSync(path.join(SCENARIO_DIR, 'iam/snapshot.json'), 'utf8')) as Snapshot;

/** Collect every line starting with "aws " inside the shell code blocks of the scenario's texts. */
function guideCommands(value: unknown): string[] {
  if (typeof value === 'string') {
    const blocks = value.match(/```sh\n[\s\S]*?```/g) ?? [];
    return blocks.flatMap((block) => block.split('\n').map((line) => line.trim()).filter((line) => line.startsWith('aws ')));
  }
  if (Array.isArray(value)) return value.flatMap(guideCommands);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(guideCommands);
  return [];
}

describe('apexcorp-prod containment', () => {
  it('deactivates every snapshot key', () => {
    expect(snapshot.AccessKeyMetadata.length).toBeGreaterThan(0);
    for (const key of snapshot.AccessKeyMetadata) {
      const call = parseCall(`aws iam update-access-key --user-name ${key.UserName} --access-key-id ${key.AccessKeyId} --status Inactive`);
      expect(call.params).toEqual({ userName: key.UserName, accessKeyId: key.AccessKeyId, status: 'Inactive' });
    }
  });

  it('detaches every managed policy', () => {
    for (const policy of snapshot.Policies) {
      for (const user of snapshot.UserDetailList) {
        const call = parseCall(`aws iam detach-user-policy --user-name ${user.UserName} --policy-arn ${policy.Arn}`);
        expect(call.params).toEqual({ userName: user.UserName, policyArn: policy.Arn });
      }
    }
  });

  it('runs the guide commands', () => {
    const scenario: unknown = parseYaml(readFileSync(path.join(SCENARIO_DIR, 'scenario.yaml'), 'utf8'));
    const key = snapshot.AccessKeyMetadata.find((candidate) => candidate.UserName === 'dev-deploy') ?? snapshot.AccessKeyMetadata[0];
    const commands = guideCommands(scenario);
    expect(commands.length).toBeGreaterThan(5);

    for (const command of commands) {
      const line = command
        .replaceAll('USER', key?.UserName ?? 'dev-deploy')
        .replaceAll('AKIA...', key?.AccessKeyId ?? 'AKIAIOSFODNN7EXAMPLE')
        .replaceAll('POLICY_ARN', snapshot.Policies[0]?.Arn ?? 'arn:aws:iam::aws:policy/AdministratorAccess')
        .replaceAll('REGION', 'us-west-2')
        .replaceAll('TRAIL_ARN', 'arn:aws:cloudtrail:us-east-1:123456789012:trail/management-events')
        .replaceAll('i-...', 'i-0abc1234def567890');

      // The console does not offer --filters, and its error message names what to do instead.
      if (line.includes('--filters')) expect(parseError(line)).toContain('--filters is not supported');
      else expect(parseCall(line).action).toMatch(/^[A-Z][A-Za-z]+$/);
    }
  });
});
