import { describe, expect, it } from 'vitest';
import { parseShorthand } from '../../../server/containment/shorthand.js';
import { parseCall, parseError } from './support.js';

function shorthandError(text: string): string {
  const result = parseShorthand('x', text);
  if (result.ok) expect.fail(`${text} parsed as ${JSON.stringify(result.value)}`);
  return result.error;
}

const PAB = 'aws s3api put-public-access-block --bucket data-lake --public-access-block-configuration';
const REVOKE = 'aws ec2 revoke-security-group-ingress --group-id sg-0abc';
const ALL_TRUE = { bucketName: 'data-lake', blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
const SSH_RULE = { groupId: 'sg-0abc', protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '0.0.0.0/0' };

describe('put-public-access-block', () => {
  it('reads shorthand', () => {
    expect(parseCall(`${PAB} BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`).params).toEqual(ALL_TRUE);
  });

  it('reads JSON', () => {
    const json = '{"BlockPublicAcls": true, "IgnorePublicAcls": true, "BlockPublicPolicy": true, "RestrictPublicBuckets": true}';
    expect(parseCall(`${PAB} '${json}'`).params).toEqual(ALL_TRUE);
  });

  it('treats left-out settings as false', () => {
    expect(parseCall(`${PAB} BlockPublicPolicy=True`).params).toEqual({ bucketName: 'data-lake', blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: true, restrictPublicBuckets: false });
  });

  it('rejects an unknown setting', () => {
    expect(parseError(`${PAB} BlockPublicAcl=true`)).toContain('unknown setting BlockPublicAcl; valid settings are BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets');
  });

  it('rejects a value that is not a boolean', () => {
    expect(parseError(`${PAB} BlockPublicAcls=yes`)).toContain('BlockPublicAcls must be true or false, not "yes"');
    expect(parseError(`${PAB} '{"BlockPublicAcls": 1}'`)).toContain('BlockPublicAcls must be true or false, not 1');
  });

  it('rejects broken shorthand', () => {
    expect(parseError(`${PAB} BlockPublicAcls`)).toContain('Invalid shorthand syntax: expected a key followed by =');
  });

  it('rejects a JSON list', () => {
    expect(parseError(`${PAB} '[]'`)).toContain('expected settings such as BlockPublicAcls=true');
  });
});

describe('revoke-security-group-ingress', () => {
  it('reads the simple form', () => {
    expect(parseCall(`${REVOKE} --protocol tcp --port 22 --cidr 0.0.0.0/0`).params).toEqual(SSH_RULE);
  });

  it('reads a port range', () => {
    expect(parseCall(`${REVOKE} --protocol udp --port 8000-8080 --cidr 10.0.0.0/8`).params).toEqual({ groupId: 'sg-0abc', protocol: 'udp', fromPort: 8000, toPort: 8080, cidr: '10.0.0.0/8' });
  });

  it('reads protocol all without a port', () => {
    expect(parseCall(`${REVOKE} --protocol all --cidr 0.0.0.0/0`).params).toEqual({ groupId: 'sg-0abc', protocol: '-1', fromPort: -1, toPort: -1, cidr: '0.0.0.0/0' });
    expect(parseCall(`${REVOKE} --protocol -1 --cidr 0.0.0.0/0`).params.protocol).toBe('-1');
  });

  it('reads shorthand permissions', () => {
    expect(parseCall(`${REVOKE} --ip-permissions IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}]`).params).toEqual(SSH_RULE);
  });

  it('reads shorthand with a description', () => {
    const line = `${REVOKE} --ip-permissions 'IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0,Description="open ssh"}]'`;
    expect(parseCall(line).params).toEqual(SSH_RULE);
  });

  it('reads JSON permissions', () => {
    const json = '[{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]';
    expect(parseCall(`${REVOKE} --ip-permissions '${json}'`).params).toEqual(SSH_RULE);
  });

  it('reads a numbered protocol', () => {
    expect(parseCall(`${REVOKE} --ip-permissions '{"IpProtocol": "6", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}'`).params.protocol).toBe('tcp');
  });

  it('rejects both forms together', () => {
    expect(parseError(`${REVOKE} --protocol tcp --ip-permissions IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}]`)).toContain(
      '--ip-permissions cannot be combined with --protocol',
    );
  });

  it('rejects several rules', () => {
    const json = '[{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}, {"IpProtocol": "tcp", "FromPort": 3389, "ToPort": 3389, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]';
    expect(parseError(`${REVOKE} --ip-permissions '${json}'`)).toContain('revokes one rule per command, but 2 were given');
  });

  it('requires the rule', () => {
    expect(parseError(REVOKE)).toContain('the following arguments are required: --protocol, --cidr');
    expect(parseError(`${REVOKE} --protocol tcp --cidr 0.0.0.0/0`)).toContain('argument --port is required for --protocol tcp');
  });

  it('rejects a bad port', () => {
    expect(parseError(`${REVOKE} --protocol tcp --port ssh --cidr 0.0.0.0/0`)).toContain("argument --port: invalid value 'ssh'");
  });

  it('rejects a bad CIDR', () => {
    expect(parseError(`${REVOKE} --protocol tcp --port 22 --cidr 300.0.0.0/0`)).toContain("invalid --cidr '300.0.0.0/0'");
    expect(parseError(`${REVOKE} --ip-permissions IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=anywhere}]`)).toContain("invalid CidrIp 'anywhere'");
  });

  it('rejects IPv6 and group rules', () => {
    expect(parseError(`${REVOKE} --ip-permissions '[{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "Ipv6Ranges": [{"CidrIpv6": "::/0"}]}]'`)).toContain('Ipv6Ranges are not simulated');
  });

  it('rejects missing ports in permissions', () => {
    expect(parseError(`${REVOKE} --ip-permissions IpProtocol=tcp,IpRanges=[{CidrIp=0.0.0.0/0}]`)).toContain('FromPort and ToPort must be whole numbers');
  });
});

describe('put-event-selectors', () => {
  const PUT = 'aws cloudtrail put-event-selectors --trail-name org-trail --event-selectors';

  it('turns S3 data events on', () => {
    const json = '[{"ReadWriteType": "WriteOnly", "IncludeManagementEvents": false, "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}]}]';
    expect(parseCall(`${PUT} '${json}'`).params).toEqual({ trailName: 'org-trail', readWriteType: 'WriteOnly', includeManagementEvents: false, s3DataEvents: true });
  });

  it('reads shorthand', () => {
    expect(parseCall(`${PUT} ReadWriteType=ReadOnly,IncludeManagementEvents=true`).params).toEqual({ trailName: 'org-trail', readWriteType: 'ReadOnly', includeManagementEvents: true, s3DataEvents: false });
  });

  it('uses AWS defaults', () => {
    expect(parseCall(`${PUT} '[{}]'`).params).toEqual({ trailName: 'org-trail', readWriteType: 'All', includeManagementEvents: true, s3DataEvents: false });
  });

  it('rejects other data resources', () => {
    expect(parseError(`${PUT} '[{"DataResources": [{"Type": "AWS::Lambda::Function", "Values": ["arn:aws:lambda"]}]}]'`)).toContain('only data resources of Type AWS::S3::Object are simulated');
  });

  it('rejects a bad ReadWriteType', () => {
    expect(parseError(`${PUT} '[{"ReadWriteType": "Write"}]'`)).toContain('invalid ReadWriteType "Write"; valid values are All, ReadOnly, WriteOnly');
  });

  it('rejects several selectors', () => {
    expect(parseError(`${PUT} '[{}, {}]'`)).toContain('give exactly one selector');
  });

  it('rejects advanced selectors', () => {
    expect(parseError(`aws cloudtrail put-event-selectors --trail-name t --advanced-event-selectors '[]'`)).toContain('Advanced event selectors are not simulated');
  });
});

describe('modify-snapshot-attribute', () => {
  const MODIFY = 'aws ec2 modify-snapshot-attribute --snapshot-id snap-0abc --attribute createVolumePermission --operation-type remove';

  it('requires a user or group', () => {
    expect(parseError(MODIFY)).toContain('give --user-ids with the account ids, or --group-names all');
  });

  it('rejects a bad account id', () => {
    expect(parseError(`${MODIFY} --user-ids 1234`)).toContain("argument --user-ids: invalid account id '1234'");
  });

  it('rejects another attribute', () => {
    expect(parseError('aws ec2 modify-snapshot-attribute --snapshot-id s --attribute productCodes --operation-type remove --group-names all')).toContain(
      "argument --attribute: invalid choice 'productCodes'",
    );
  });

  it('reads --create-volume-permission shorthand', () => {
    const call = parseCall('aws ec2 modify-snapshot-attribute --snapshot-id snap-0abc --create-volume-permission Remove=[{Group=all}]');
    expect(call.params).toEqual({ snapshotId: 'snap-0abc', operationType: 'remove', groupNames: ['all'] });
  });

  it('reads --create-volume-permission JSON', () => {
    const call = parseCall(`aws ec2 modify-snapshot-attribute --snapshot-id snap-0abc --create-volume-permission '{"Add": [{"UserId": "111122223333"}]}'`);
    expect(call.params).toEqual({ snapshotId: 'snap-0abc', operationType: 'add', userIds: ['111122223333'] });
  });

  it('rejects Add and Remove together', () => {
    expect(parseError(`aws ec2 modify-snapshot-attribute --snapshot-id s --create-volume-permission 'Add=[{Group=all}],Remove=[{Group=all}]'`)).toContain('give either Add or Remove');
  });

  it('rejects mixing both forms', () => {
    expect(parseError(`${MODIFY} --create-volume-permission Remove=[{Group=all}]`)).toContain('--create-volume-permission cannot be combined with --operation-type');
  });

  it('requires attribute and operation', () => {
    expect(parseError('aws ec2 modify-snapshot-attribute --snapshot-id s --group-names all')).toContain('the following arguments are required: --attribute, --operation-type');
  });

  it('rejects a bad permission entry', () => {
    expect(parseError('aws ec2 modify-snapshot-attribute --snapshot-id s --create-volume-permission Remove=[{Group=everyone}]')).toContain('must be {Group=all} or {UserId=');
    expect(parseError('aws ec2 modify-snapshot-attribute --snapshot-id s --create-volume-permission Add=[{UserId=42}]')).toContain("invalid account id '42'");
  });

  it('rejects another group', () => {
    expect(parseError(`${MODIFY} --group-names everyone`)).toContain("argument --group-names: invalid choice 'everyone'");
  });
});

describe('parseShorthand', () => {
  it('reads nested values', () => {
    const result = parseShorthand('x', 'A=1,B=[a,b],C={D=e,F=[{G=h}]},E="x,y"');
    expect(result).toEqual({ ok: true, value: { A: '1', B: ['a', 'b'], C: { D: 'e', F: [{ G: 'h' }] }, E: 'x,y' } });
  });

  it('keeps __proto__ as a plain key', () => {
    const result = parseShorthand('x', '__proto__={A=1}');
    if (!result.ok) expect.fail(result.error);
    expect(Object.keys(result.value as object)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(result.value)).toBeNull();
  });

  it('rejects a repeated key', () => {
    expect(shorthandError('A=1,A=2')).toContain('the key A is given twice');
  });

  it('rejects an unclosed list', () => {
    expect(shorthandError('A=[1,2')).toContain('expected "]" at the end of the value');
  });
});
