import { describe, expect, it } from 'vitest';
import { evaluateIdentityPolicies, evaluateResourcePolicy, wildcardMatch } from '../../../server/account/policy-eval.js';

const policy = (...Statement: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement });
const getObject = { action: 's3:GetObject', resource: 'arn:aws:s3:::reports/2026/q1.csv' };

describe('policy evaluation', () => {
  it('matches action wildcards case-insensitively', () => {
    expect(evaluateIdentityPolicies([policy({ Effect: 'Allow', Action: 'S3:get*', Resource: '*' })], getObject)).toBe('allow');
    expect(evaluateIdentityPolicies([policy({ Effect: 'Allow', Action: 's3:Put*', Resource: '*' })], getObject)).toBe('implicitDeny');
  });

  it('matches resources case-sensitively', () => {
    expect(evaluateIdentityPolicies([policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' })], getObject)).toBe('allow');
    expect(evaluateIdentityPolicies([policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::Reports/*' })], getObject)).toBe('implicitDeny');
    expect(evaluateIdentityPolicies([policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/2026/q?.csv' })], getObject)).toBe('allow');
  });

  it('lets a deny win', () => {
    const documents = [policy({ Effect: 'Allow', Action: '*', Resource: '*' }), policy({ Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::reports/*' })];
    expect(evaluateIdentityPolicies(documents, getObject)).toBe('explicitDeny');
    expect(evaluateIdentityPolicies(documents, { action: 'iam:ListUsers', resource: 'arn:aws:iam::123456789012:user/' })).toBe('allow');
  });

  it('handles NotAction and NotResource', () => {
    const poweruser = policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' });
    expect(evaluateIdentityPolicies([poweruser], getObject)).toBe('allow');
    expect(evaluateIdentityPolicies([poweruser], { action: 'iam:CreateUser', resource: 'arn:aws:iam::123456789012:user/x' })).toBe('implicitDeny');
    const exceptReports = policy({ Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::reports/*' });
    expect(evaluateIdentityPolicies([exceptReports], getObject)).toBe('implicitDeny');
    expect(evaluateIdentityPolicies([exceptReports], { action: 's3:GetObject', resource: 'arn:aws:s3:::payroll/a' })).toBe('explicitDeny');
  });

  it('needs Resource "*" for calls without one', () => {
    const scoped = policy({ Effect: 'Allow', Action: 'ec2:*', Resource: 'arn:aws:ec2:us-east-1:123456789012:instance/*' });
    expect(evaluateIdentityPolicies([scoped], { action: 'ec2:DescribeInstances', resource: '*' })).toBe('implicitDeny');
  });

  it('substitutes policy variables', () => {
    const own = policy({ Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: 'arn:aws:iam::123456789012:user/${aws:username}' });
    const variables = { 'aws:username': 'alice' };
    expect(evaluateIdentityPolicies([own], { action: 'iam:CreateAccessKey', resource: 'arn:aws:iam::123456789012:user/alice' }, variables)).toBe('allow');
    expect(evaluateIdentityPolicies([own], { action: 'iam:CreateAccessKey', resource: 'arn:aws:iam::123456789012:user/bob' }, variables)).toBe('implicitDeny');
  });

  it('matches resource policy principals', () => {
    const caller = { arn: 'arn:aws:iam::123456789012:user/alice', accountId: '123456789012' };
    const byArn = policy({ Effect: 'Allow', Principal: { AWS: caller.arn }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' });
    const byRoot = policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' });
    const other = policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999999999999:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' });
    expect(evaluateResourcePolicy(byArn, getObject, caller)).toBe('allow');
    expect(evaluateResourcePolicy(byRoot, getObject, caller)).toBe('allow');
    expect(evaluateResourcePolicy(other, getObject, caller)).toBe('implicitDeny');
    expect(evaluateResourcePolicy(policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::reports/*' }), getObject, caller)).toBe('explicitDeny');
  });

  it('escapes regex characters', () => {
    expect(wildcardMatch('arn:aws:s3:::a.b/*', 'arn:aws:s3:::aXb/key', false)).toBe(false);
    expect(wildcardMatch('arn:aws:s3:::a+b/(x)', 'arn:aws:s3:::a+b/(x)', false)).toBe(true);
  });

  it('ignores malformed statements', () => {
    const broken = { Statement: ['Allow', null, { Effect: 'Allow' }, { Effect: 'Allow', Action: 7, Resource: '*' }] };
    expect(evaluateIdentityPolicies([broken], getObject)).toBe('implicitDeny');
    expect(evaluateIdentityPolicies([{}], getObject)).toBe('implicitDeny');
  });
});
