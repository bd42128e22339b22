import { describe, expect, it } from 'vitest';
import { MAX_COMMAND_LENGTH } from '../../../server/containment/index.js';
import { parseCall, parseError } from './support.js';

describe('parseAwsCommand quoting', () => {
  it('reads JSON in single quotes', () => {
    const call = parseCall(`aws iam put-user-policy --user-name a --policy-name p --policy-document '{"Version": "2012-10-17", "Statement": []}'`);
    expect(call.params.policyDocument).toEqual({ Version: '2012-10-17', Statement: [] });
  });

  it('reads JSON in double quotes with escapes', () => {
    const call = parseCall(`aws s3api put-bucket-policy --bucket b --policy "{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": []}"`);
    expect(call.params.policy).toEqual({ Version: '2012-10-17', Statement: [] });
  });

  it('keeps spaces inside quotes', () => {
    expect(parseCall(`aws ec2 create-snapshot --volume-id vol-1 --description 'before   containment'`).params.description).toBe('before   containment');
    expect(parseCall('aws ec2 create-snapshot --volume-id vol-1 --description "two words"').params.description).toBe('two words');
  });

  it('reads backslash-escaped spaces', () => {
    expect(parseCall('aws ec2 create-snapshot --volume-id vol-1 --description two\\ words').params.description).toBe('two words');
  });

  it('keeps $ and # inside single quotes', () => {
    expect(parseCall(`aws ec2 create-snapshot --volume-id vol-1 --description '$HOME #1'`).params.description).toBe('$HOME #1');
  });

  it('keeps policy variables in single quotes', () => {
    const document = '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::home/${aws:username}/*"}]}';
    const call = parseCall(`aws iam put-user-policy --user-name a --policy-name p --policy-document '${document}'`);
    expect(call.params.policyDocument).toEqual(JSON.parse(document));
  });

  it('joins quoted parts of a word', () => {
    expect(parseCall(`aws ec2 create-snapshot --volume-id vol-1 --description a'b c'"d e"`).params.description).toBe('ab cd e');
  });

  it('keeps other quotes inside quotes', () => {
    expect(parseCall(`aws ec2 create-snapshot --volume-id vol-1 --description "it's"`).params.description).toBe("it's");
    expect(parseCall(`aws ec2 create-snapshot --volume-id vol-1 --description 'say "hi"'`).params.description).toBe('say "hi"');
  });

  it('keeps # inside a word', () => {
    expect(parseCall('aws ec2 create-snapshot --volume-id vol-1 --description case#42').params.description).toBe('case#42');
  });

  it('drops a trailing comment', () => {
    expect(parseCall('aws iam list-users # who is there').params).toEqual({});
  });

  it('joins lines ending in a backslash', () => {
    const call = parseCall('aws iam list-access-keys \\\n  --user-name dev-deploy');
    expect(call.params).toEqual({ userName: 'dev-deploy' });
  });

  it('keeps a line break inside quotes', () => {
    const call = parseCall(`aws iam put-user-policy --user-name a --policy-name p --policy-document '{\n  "Version": "2012-10-17",\n  "Statement": []\n}'`);
    expect(call.params.policyDocument).toEqual({ Version: '2012-10-17', Statement: [] });
  });

  it('keeps unicode values', () => {
    const call = parseCall(`aws ec2 create-snapshot --volume-id vol-1 --description 'Forensik – Kopie für 🔒 事件'`);
    expect(call.params.description).toBe('Forensik – Kopie für 🔒 事件');
  });

  it('accepts surrounding whitespace', () => {
    expect(parseCall('   aws   iam   list-users   ').action).toBe('ListUsers');
  });

  it.each([
    ['aws iam list-users | jq .', '|'],
    ['aws iam list-users; aws iam list-roles', ';'],
    ['aws iam list-users && echo done', '&&'],
    ['aws iam list-users || true', '||'],
    ['aws iam list-users > users.json', '>'],
    ['aws iam list-users < input', '<'],
    ['aws iam list-users &', '&'],
  ])('rejects the operator in %s', (line, operator) => {
    const error = parseError(line);
    expect(error).toContain(`The shell operator ${operator} is not supported`);
    expect(error).toContain('not a shell');
  });

  it('rejects command substitution', () => {
    expect(parseError('aws iam get-user --user-name $(whoami)')).toContain('Command substitution with $(...) is not supported');
    expect(parseError('aws iam get-user --user-name `whoami`')).toContain('Command substitution with backticks is not supported');
    expect(parseError('aws iam get-user --user-name "`whoami`"')).toContain('backticks');
  });

  it('rejects variables', () => {
    expect(parseError('aws iam get-user --user-name $USER')).toContain('Shell variables such as $USER are not expanded');
    expect(parseError('aws iam get-user --user-name "${USER}"')).toContain('$USER');
  });

  it('keeps a lone dollar sign', () => {
    expect(parseCall('aws ec2 create-snapshot --volume-id vol-1 --description "cost $ 5"').params.description).toBe('cost $ 5');
  });

  it('rejects unterminated quotes', () => {
    expect(parseError(`aws iam get-user --user-name 'dev`)).toBe("The command has an unterminated single quote: add the closing '.");
    expect(parseError('aws iam get-user --user-name "dev')).toBe('The command has an unterminated double quote: add the closing ".');
  });

  it('rejects typographic quotes', () => {
    expect(parseError('aws iam get-user --user-name \u201Cdev\u201D')).toContain('Type straight quotes');
  });

  it('rejects several lines', () => {
    expect(parseError('aws iam list-users\naws iam list-roles')).toContain('run one command at a time');
  });

  it('rejects too long input', () => {
    const line = `aws ec2 create-snapshot --volume-id vol-1 --description '${'x'.repeat(MAX_COMMAND_LENGTH)}'`;
    const error = parseError(line);
    expect(error).toContain(`${line.length} characters long`);
    expect(error).toContain(`maximum of ${MAX_COMMAND_LENGTH}`);
  });

  it('rejects a long value the schema caps', () => {
    const error = parseError(`aws iam get-user --user-name ${'a'.repeat(200)}`);
    expect(error).toContain('argument --user-name: invalid value');
  });

  it('accepts input at the maximum length', () => {
    const prefix = 'aws iam list-users # ';
    expect(parseCall(prefix + 'x'.repeat(MAX_COMMAND_LENGTH - prefix.length)).action).toBe('ListUsers');
  });
});
