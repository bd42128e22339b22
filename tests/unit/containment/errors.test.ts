import { describe, expect, it } from 'vitest';
import { parse, parseError, parseFailure } from './support.js';

const KEY = 'AKIAIOSFODNN7EXAMPLE';

describe('parseAwsCommand errors', () => {
  it('rejects an empty line', () => {
    expect(parseError('   ')).toContain('Type an aws command');
  });

  it('requires the aws program', () => {
    expect(parseError('iam list-users')).toBe('Commands start with aws, such as aws iam list-users; "iam" is not available in the exercise console.');
  });

  it('rejects an unknown service', () => {
    const error = parseError('aws lambda list-functions');
    expect(error).toContain('aws: error: argument command: Invalid choice, valid choices are: iam | sts | ec2 | s3api | cloudtrail | guardduty');
  });

  it('suggests a close service', () => {
    expect(parseError('aws guarduty list-detectors')).toContain('Did you mean guardduty?');
  });

  it('suggests a service in lower case', () => {
    expect(parseError('aws IAM list-users')).toContain('Did you mean iam?');
  });

  it('points aws s3 to s3api', () => {
    expect(parseError('aws s3 ls')).toContain('use aws s3api, such as aws s3api list-buckets');
  });

  it('requires a service', () => {
    expect(parseError('aws')).toContain('the following arguments are required: command');
  });

  it('rejects an unknown command', () => {
    const error = parseError('aws iam create-user --user-name x');
    expect(error).toContain('aws: error: argument operation: Invalid choice, valid choices are: list-users | get-user');
    expect(error).toContain('delete-user');
  });

  it('suggests a close command', () => {
    expect(parseError(`aws iam update-acess-key --access-key-id ${KEY} --status Inactive`)).toContain('Did you mean update-access-key?');
  });

  it('requires a command', () => {
    const failure = parseFailure('aws iam');
    expect(failure.error).toContain('the following arguments are required: operation');
    expect(failure.usage).toContain('update-access-key');
  });

  it('lists missing required options', () => {
    const result = parseFailure('aws iam update-access-key --user-name dev-deploy');
    expect(result.error).toContain('aws: error: the following arguments are required: --access-key-id, --status');
    expect(result.error).toContain('Run aws iam update-access-key help for its options.');
    expect(result.usage).toBe('usage: aws iam update-access-key --access-key-id <value> --status Active|Inactive [--user-name <value>]');
  });

  it('names a missing switch pair', () => {
    expect(parseError('aws guardduty update-detector --detector-id d1')).toContain('the following arguments are required: --enable | --no-enable');
  });

  it('rejects an invalid enum value', () => {
    expect(parseError(`aws iam update-access-key --access-key-id ${KEY} --status Disabled`)).toContain(
      "aws: error: argument --status: invalid choice 'Disabled', valid choices are: Active | Inactive.",
    );
    expect(parseError('aws ec2 modify-snapshot-attribute --snapshot-id s --attribute createVolumePermission --operation-type delete --group-names all')).toContain(
      "argument --operation-type: invalid choice 'delete'",
    );
  });

  it('rejects unknown options', () => {
    const error = parseError('aws iam list-users --foo bar --path-prefix /');
    expect(error).toContain('Unknown options: --foo, --path-prefix');
    expect(error).not.toContain('bar');
  });

  it('rejects stray words', () => {
    expect(parseError('aws iam list-access-keys dev-deploy')).toContain('Unknown options: dev-deploy');
  });

  it('reports unknown and missing options together', () => {
    const error = parseError('aws iam delete-user --user-nam dev-deploy');
    expect(error).toContain('the following arguments are required: --user-name');
    expect(error).toContain('Unknown options: --user-nam');
  });

  it('rejects a missing value', () => {
    expect(parseError('aws iam get-user --user-name')).toContain('aws: error: argument --user-name: expected one argument');
    expect(parseError(`aws iam update-access-key --access-key-id --status Inactive`)).toContain('argument --access-key-id: expected one argument');
    expect(parseError('aws ec2 stop-instances --instance-ids --force')).toContain('argument --instance-ids: expected at least one argument');
  });

  it('rejects a repeated option', () => {
    expect(parseError('aws iam get-user --user-name a --user-name b')).toContain('argument --user-name: given more than once');
  });

  it('rejects a value on a switch', () => {
    expect(parseError('aws ec2 stop-instances --instance-ids i-1 --force=true')).toContain('argument --force: takes no value');
  });

  it('rejects values the schema rejects', () => {
    expect(parseError('aws iam update-access-key --access-key-id abc --status Active')).toContain(
      "aws: error: argument --access-key-id: invalid value 'abc': must be an access key id such as AKIAIOSFODNN7EXAMPLE",
    );
    expect(parseError('aws iam set-default-policy-version --policy-arn arn:aws:iam::1:policy/p --version-id 2')).toContain('must be a version id such as v2');
    expect(parseError("aws iam get-user --user-name ''")).toContain('argument --user-name: invalid value');
  });

  it('rejects local files', () => {
    for (const prefix of ['file://', 'fileb://']) {
      const error = parseError(`aws iam put-user-policy --user-name a --policy-name p --policy-document ${prefix}policy.json`);
      expect(error).toContain('Local files are not available in the exercise console; paste the JSON inline.');
    }
  });

  it('rejects --cli-input-json', () => {
    expect(parseError(`aws iam update-access-key --cli-input-json '{"UserName": "a"}'`)).toContain('--cli-input-json is not supported in the exercise console');
  });

  it.each(['--debug', '--endpoint-url http://127.0.0.1:1', '--no-verify-ssl', '--color on'])('rejects the global %s', (option) => {
    expect(parseError(`aws ${option} iam list-users`)).toMatch(/not (available|supported)/);
  });

  it('rejects a bad --region', () => {
    expect(parseError('aws ec2 describe-instances --region mars-1')).toContain("argument --region: invalid region 'mars-1'");
    expect(parseError('aws ec2 describe-instances --region')).toContain('argument --region: expected one argument');
  });

  it('rejects a bad --query', () => {
    const error = parseError("aws iam list-access-keys --query 'AccessKeyMetadata[.AccessKeyId'");
    expect(error).toContain('Bad value for --query AccessKeyMetadata[.AccessKeyId');
    expect(error).toContain('Check the JMESPath expression');
  });

  it('rejects a bad --output', () => {
    expect(parseError('aws iam list-users --output yaml')).toContain("argument --output: invalid choice 'yaml', valid choices are: json | text | table");
  });

  it('locates bad JSON', () => {
    const error = parseError(`aws iam put-user-policy --user-name a --policy-name p --policy-document '{"Version": "2012-10-17" "Statement": []}'`);
    expect(error).toContain("Error parsing parameter '--policy-document': Invalid JSON:");
    expect(error).toContain('at line 1 column 26');
    expect(error).toContain(`"Statement"`);
  });

  it('locates bad JSON on a later line', () => {
    const error = parseError(`aws s3api put-bucket-policy --bucket b --policy '{\n  "Version": "2012-10-17",\n  "Statement": [,]\n}'`);
    expect(error).toContain('at line 3 column 17');
  });

  it('reports truncated JSON', () => {
    expect(parseError(`aws s3api put-bucket-policy --bucket b --policy '{"Version": '`)).toContain('at the end of the JSON');
  });

  it('explains JSON that lost its quotes', () => {
    const error = parseError('aws s3api put-bucket-policy --bucket b --policy {"Version":"2012-10-17"}');
    expect(error).toContain('wrap the whole JSON in single quotes so the shell keeps them');
  });

  it('rejects a JSON array as a policy', () => {
    expect(parseError(`aws s3api put-bucket-policy --bucket b --policy '[]'`)).toContain('expected a JSON object');
  });

  it('never throws on odd input', () => {
    const lines = ['aws', 'aws --', 'aws -- iam', "aws iam get-user --user-name=''", 'aws iam list-users --=x', '\u0000', 'aws \u00a0iam', "aws ''", 'aws iam help me', 'aws ec2 describe-instances --instance-ids "" ""', 'aws iam list-users \\', "aws iam get-user --user-name '\\'"];
    for (const line of lines) expect(() => parse(line)).not.toThrow();
  });

  it('rejects a trailing backslash', () => {
    expect(parseError('aws iam list-users \\')).toContain('ends with a backslash');
  });

  it('never throws on random input', () => {
    const pieces = ['aws', ' ', 'iam', 'ec2', 's3api', 'update-access-key', 'revoke-security-group-ingress', '--user-name', '--ip-permissions', '--status', 'Active', "'", '"', '\\', '$', '`', '|', ';', '#', '{', '}', '[', ']', '=', ',', ':', 'é', '🔒', '\n', '\t', 'file://', '--region', '--output', 'help', '-1', '0.0.0.0/0'];
    // A fixed linear congruential generator keeps the cases the same on every run.
    let seed = 12_345;
    const next = (limit: number): number => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return (seed >>> 8) % limit;
    };
    for (let round = 0; round < 2_000; round += 1) {
      const line = `aws ${Array.from({ length: 1 + next(30) }, () => pieces[next(pieces.length)]).join('')}`;
      const result = parse(line);
      if (!result.ok) expect(result.error.length, line).toBeGreaterThan(0);
    }
  });
});
