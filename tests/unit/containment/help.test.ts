import { describe, expect, it } from 'vitest';
import { SERVICES } from '../../../server/containment/catalog.js';
import { containmentCommandsHelp } from '../../../server/containment/index.js';
import { parse, parseCall, parseError } from './support.js';

function helpText(line: string): string {
  const result = parse(line);
  if (result.ok || result.help !== true) expect.fail(`${line} did not return help`);
  return result.error;
}

describe('containment help', () => {
  it('lists every command', () => {
    const entries = containmentCommandsHelp();
    const total = SERVICES.reduce((sum, service) => sum + service.commands.length, 0);
    expect(entries).toHaveLength(total);
    expect(entries.find((entry) => entry.command === 'aws iam update-access-key')).toMatchObject({
      description: 'Deactivate (Inactive) or reactivate (Active) an access key.',
      usage: '--access-key-id <value> --status Active|Inactive [--user-name <value>]',
    });
    for (const entry of entries) expect(entry.description).toMatch(/^[A-Z].*\.$/);
  });

  it('gives examples that parse', () => {
    const examples = containmentCommandsHelp().flatMap((entry) => (entry.example === undefined ? [] : [[entry.command, entry.example]]));
    expect(examples.length).toBeGreaterThan(3);
    for (const [command, example] of examples) {
      expect(example?.startsWith(`${command} `)).toBe(true);
      expect(parseCall(example ?? '').action).toMatch(/^[A-Z]/);
    }
  });

  it('shows the example in command help', () => {
    expect(helpText('aws ec2 revoke-security-group-ingress help')).toContain('Example: aws ec2 revoke-security-group-ingress --group-id sg-0abc1234');
  });

  it('suggests a close option', () => {
    expect(parseError('aws iam delete-user --user dev-deploy')).toContain('Unknown options: --user. Did you mean --user-name?');
  });

  it('shows aws help', () => {
    const text = helpText('aws help');
    for (const service of ['iam', 'sts', 'ec2', 's3api', 'cloudtrail', 'guardduty']) expect(text).toContain(`  ${service} `);
    expect(text).toContain("--profile is accepted and ignored");
    expect(text).toContain('IncidentResponder');
  });

  it('shows service help', () => {
    const text = helpText('aws iam help');
    expect(text).toContain('usage: aws iam <command> [options]');
    expect(text).toContain('update-access-key');
    expect(text).not.toContain('describe-instances');
  });

  it('shows command help', () => {
    const text = helpText('aws iam update-access-key help');
    expect(text).toContain('usage: aws iam update-access-key --access-key-id <value> --status Active|Inactive [--user-name <value>]');
    expect(text).toContain('--status Active|Inactive (required)');
    expect(text).toContain('One of: Active, Inactive.');
  });

  it('shows switch pairs in help', () => {
    expect(helpText('aws guardduty update-detector help')).toContain('--enable | --no-enable (required)');
  });

  it('shows the --version text', () => {
    expect(helpText('aws --version')).toContain('AWS CLI version 2');
  });

  it('keeps help with global options', () => {
    expect(helpText('aws --region eu-west-1 ec2 help')).toContain('stop-instances');
  });
});
