import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CallOutcome } from '../../../server/account/api-call.js';
import type { AccountState } from '../../../server/account/state.js';
import { detectFindings, detectFindingsInAccount, FINDING_LATENCY_SECONDS, parseMoveParams, planMove, techniqueById, techniques, type DetectionContext, type Technique } from '../../../server/redcell/index.js';
import { ACCOUNT_ID, allSucceed, DEPLOY_KEY, DETECTOR_ID, outcome, smallAccount } from './account-fixture.js';
import { SAMPLE_PARAMS } from './sample-params.js';

const TOR_IP = '185.220.101.45';
const AT = '2026-05-08T02:10:00Z';
const CONTEXT: DetectionContext = {
  accountId: ACCOUNT_ID,
  region: 'us-east-1',
  detectorId: DETECTOR_ID,
  sourceIpAddress: TOR_IP,
  userAgent: 'aws-cli/1.32.84 Python/3.11.2 Linux/6.1.0-18-amd64 botocore/1.34.84',
  at: AT,
  idSeed: 'exercise-1/team-a/move-1',
};

const packFindings = JSON.parse(readFileSync('scenarios/apexcorp-prod/guardduty/findings.json', 'utf8')) as Record<string, any>[];
const packApiFinding = packFindings.find((finding) => finding.Service.Action.ActionType === 'AWS_API_CALL' && finding.Resource.ResourceType === 'AccessKey')!;
const packMiningFinding = packFindings.find((finding) => finding.Type === 'CryptoCurrency:EC2/BitcoinTool.B!DNS')!;

function play(id: string, options: { state?: AccountState; responses?: Record<string, Record<string, unknown>>; raw?: Record<string, string> } = {}): { technique: Technique; outcomes: CallOutcome[] } {
  const technique = techniqueById(id)!;
  const parsed = parseMoveParams(technique, options.raw ?? SAMPLE_PARAMS[id]!);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const calls = planMove(technique, parsed.params, { state: options.state ?? smallAccount(), region: 'us-east-1' });
  return { technique, outcomes: allSucceed(calls, options.responses) };
}

function types(findings: ReturnType<typeof detectFindings>): string[] {
  return findings.map((item) => item.finding.Type).sort();
}

function keysOf(value: unknown): string[] {
  return Object.keys(value as Record<string, unknown>).sort();
}

describe('detectFindings', () => {
  it('raises persistence for a backdoor key', () => {
    const { technique, outcomes } = play('backdoor-access-key');
    const findings = detectFindings({ technique, outcomes, state: smallAccount(), context: CONTEXT });

    expect(types(findings)).toEqual(['Persistence:IAMUser/AnomalousBehavior', 'UnauthorizedAccess:IAMUser/TorIPCaller']);
  });

  it('ignores failed calls', () => {
    const technique = techniqueById('backdoor-access-key')!;
    const calls = planMove(technique, { accessKey: DEPLOY_KEY }, { state: smallAccount(), region: 'us-east-1' });
    const outcomes = calls.map((call) => outcome(call, { errorCode: 'AccessDenied' }));

    expect(detectFindings({ technique, outcomes, state: smallAccount(), context: CONTEXT })).toEqual([]);
  });

  it('raises nothing with a suspended detector', () => {
    const state = smallAccount();
    state.detectors[DETECTOR_ID]!.status = 'DISABLED';
    const { technique, outcomes } = play('stop-cloudtrail-logging');

    expect(detectFindings({ technique, outcomes, state, context: CONTEXT })).toEqual([]);
  });

  it('raises nothing with a deleted detector', () => {
    const state = smallAccount();
    state.detectors[DETECTOR_ID]!.exists = false;
    const { technique, outcomes } = play('attach-admin-policy');

    expect(detectFindings({ technique, outcomes, state, context: CONTEXT })).toEqual([]);
  });

  it('raises nothing after the move deletes the detector', () => {
    const state = smallAccount();
    const { technique, outcomes } = play('delete-guardduty');
    delete state.detectors[DETECTOR_ID];

    expect(detectFindings({ technique, outcomes, state, context: CONTEXT })).toEqual([]);
  });

  it('counts only calls in the detector region', () => {
    const state = smallAccount();
    state.detectors.west = { detectorId: 'west', region: 'us-west-2', status: 'ENABLED', exists: true };
    const { technique, outcomes } = play('attach-admin-policy');

    expect(detectFindings({ technique, outcomes, state, context: { ...CONTEXT, region: 'us-west-2', detectorId: 'west' } })).toEqual([]);
  });

  it('files IAM calls under us-east-1', () => {
    const { technique, outcomes } = play('attach-admin-policy');
    const elsewhere = outcomes.map((item) => ({ ...item, call: { ...item.call, region: 'eu-west-1' } }));

    expect(types(detectFindings({ technique, outcomes: elsewhere, state: smallAccount(), context: CONTEXT }))).toContain('PrivilegeEscalation:IAMUser/AnomalousBehavior');
  });

  it('raises Tor only for listed exit nodes', () => {
    const { technique, outcomes } = play('attach-admin-policy');
    const fromOffice = detectFindings({ technique, outcomes, state: smallAccount(), context: { ...CONTEXT, sourceIpAddress: '203.0.113.10' } });
    const listed = detectFindings({ technique, outcomes, state: smallAccount(), context: { ...CONTEXT, sourceIpAddress: '198.51.100.7', knownTorIps: ['198.51.100.7'] } });

    expect(types(fromOffice)).toEqual(['PrivilegeEscalation:IAMUser/AnomalousBehavior']);
    expect(types(listed)).toContain('UnauthorizedAccess:IAMUser/TorIPCaller');
  });

  it('raises KaliLinux for its user agent', () => {
    const { technique, outcomes } = play('whoami');
    const findings = detectFindings({ technique, outcomes, state: smallAccount(), context: { ...CONTEXT, userAgent: 'aws-cli/2.15.0 Python/3.11.8 Linux/6.6.9-amd64 exe/x86_64.kali.2024' } });

    expect(types(findings)).toContain('PenTest:IAMUser/KaliLinux');
  });

  it('raises CloudTrailLoggingDisabled at low severity', () => {
    const { technique, outcomes } = play('stop-cloudtrail-logging');
    const findings = detectFindings({ technique, outcomes, state: smallAccount(), context: CONTEXT });
    const stealth = findings.find((item) => item.finding.Type === 'Stealth:IAMUser/CloudTrailLoggingDisabled');

    expect(stealth?.finding.Severity).toBe(2);
    expect(stealth?.dueAt).toBe(new Date(Date.parse(AT) + FINDING_LATENCY_SECONDS.apiCall * 1_000).toISOString());
  });

  it('raises S3 exfiltration over the threshold', () => {
    const { technique, outcomes } = play('bulk-download-objects');
    const findings = detectFindings({ technique, outcomes, state: smallAccount(), context: CONTEXT });
    const exfiltration = findings.find((item) => item.finding.Type === 'Exfiltration:S3/AnomalousBehavior')!;
    const service = exfiltration.finding.Service as Record<string, any>;
    const resource = exfiltration.finding.Resource as Record<string, any>;

    expect(types(findings)).toEqual(['Discovery:S3/AnomalousBehavior', 'Exfiltration:S3/AnomalousBehavior', 'UnauthorizedAccess:S3/TorIPCaller']);
    expect(service.Count).toBe(25);
    expect(service.Action.AwsApiCallAction.Api).toBe('GetObject');
    expect(resource.S3BucketDetails[0].Name).toBe('apexcorp-customer-data');
    expect(exfiltration.finding.Severity).toBe(8);
    expect(exfiltration.dueAt).toBe(new Date(Date.parse(AT) + FINDING_LATENCY_SECONDS.anomaly * 1_000).toISOString());
  });

  it('stays quiet for a few downloads', () => {
    const { technique, outcomes } = play('bulk-download-objects', { raw: { accessKey: DEPLOY_KEY, bucket: 'apexcorp-customer-data', maxObjects: '3' } });
    const findings = detectFindings({ technique, outcomes, state: smallAccount(), context: { ...CONTEXT, sourceIpAddress: '203.0.113.10' } });

    expect(types(findings)).toEqual(['Discovery:S3/AnomalousBehavior']);
  });

  it('raises discovery for a burst of denials', () => {
    const technique = techniqueById('enumerate-iam-users')!;
    const state = smallAccount();
    for (const name of ['a1', 'a2', 'a3', 'a4', 'a5']) state.users[name] = { ...state.users['dev-deploy']!, userName: name };
    const calls = planMove(technique, { accessKey: DEPLOY_KEY, maxUsers: 10 }, { state, region: 'us-east-1' });
    const denied = calls.map((call) => outcome(call, { errorCode: 'AccessDenied' }));
    const fewDenied = denied.slice(0, 3);

    expect(types(detectFindings({ technique, outcomes: denied, state, context: CONTEXT }))).toEqual(['Discovery:IAMUser/AnomalousBehavior']);
    expect(detectFindings({ technique, outcomes: fewDenied, state, context: CONTEXT })).toEqual([]);
  });

  it('raises one mining finding per instance', () => {
    const state = smallAccount();
    const launched = ['i-0aaaaaaaaaaaaaaa1', 'i-0aaaaaaaaaaaaaaa2', 'i-0aaaaaaaaaaaaaaa3'];
    for (const instanceId of launched) {
      state.instances[instanceId] = { instanceId, region: 'us-east-1', instanceType: 'g4dn.xlarge', imageId: 'ami-0c02fb55956c7d316', state: 'pending', launchTime: AT, securityGroupIds: [], roleName: null, tags: [] };
    }
    const { technique, outcomes } = play('launch-gpu-miners', { state, responses: { RunInstances: { Instances: launched.map((InstanceId) => ({ InstanceId })) } } });
    const mining = detectFindings({ technique, outcomes, state, context: CONTEXT }).filter((item) => item.finding.Type === 'CryptoCurrency:EC2/BitcoinTool.B!DNS');
    const resource = mining[0]?.finding.Resource as Record<string, any>;

    expect(mining.map((item) => resource && (item.finding.Resource as Record<string, any>).InstanceDetails.InstanceId)).toEqual(launched);
    expect(resource.ResourceType).toBe('Instance');
    expect(resource.InstanceDetails.InstanceType).toBe('g4dn.xlarge');
    expect(mining[0]?.dueAt).toBe(new Date(Date.parse(AT) + FINDING_LATENCY_SECONDS.ec2Dns * 1_000).toISOString());
    expect(FINDING_LATENCY_SECONDS.ec2Dns).toBeGreaterThan(FINDING_LATENCY_SECONDS.apiCall);
    expect(Date.parse((mining[0]?.finding.Service as Record<string, any>).EventFirstSeen)).toBeGreaterThan(Date.parse(AT));
    expect(Date.parse((mining[0]?.finding.Service as Record<string, any>).EventFirstSeen)).toBeLessThan(Date.parse(mining[0]!.dueAt));
  });

  it('raises no mining for a passed role', () => {
    const { technique, outcomes } = play('passrole-run-instance', { responses: { RunInstances: { Instances: [{ InstanceId: 'i-0bbbbbbbbbbbbbbb1' }] } } });
    const findings = detectFindings({ technique, outcomes, state: smallAccount(), context: CONTEXT });

    expect(types(findings)).toEqual(['PrivilegeEscalation:IAMUser/AnomalousBehavior', 'UnauthorizedAccess:IAMUser/TorIPCaller']);
  });

  it('raises only declared types', () => {
    const always = ['PenTest:IAMUser/KaliLinux'];
    for (const candidate of techniques) {
      const { technique, outcomes } = play(candidate.id, { responses: { RunInstances: { Instances: [{ InstanceId: 'i-0ccccccccccccccc1' }] } } });
      const state = smallAccount();
      // The detector moves leave their region without an enabled detector, as the engine would.
      if (technique.id === 'disable-guardduty') state.detectors[DETECTOR_ID]!.status = 'DISABLED';
      if (technique.id === 'delete-guardduty') state.detectors[DETECTOR_ID]!.exists = false;
      for (const type of types(detectFindings({ technique, outcomes, state, context: CONTEXT }))) {
        expect([...technique.findingTypes, ...always], `${technique.id} raised ${type}`).toContain(type);
      }
    }
  });

  it('rejects an invalid time', () => {
    const { technique, outcomes } = play('backdoor-access-key');

    expect(() => detectFindings({ technique, outcomes, state: smallAccount(), context: { ...CONTEXT, at: 'soon' } })).toThrow('Invalid detection time "soon"');
  });

  it('derives stable ids from the seed', () => {
    const { technique, outcomes } = play('create-backdoor-user');
    const first = detectFindings({ technique, outcomes, state: smallAccount(), context: CONTEXT });
    const again = detectFindings({ technique, outcomes, state: smallAccount(), context: CONTEXT });
    const otherTeam = detectFindings({ technique, outcomes, state: smallAccount(), context: { ...CONTEXT, idSeed: 'exercise-1/team-b/move-1' } });
    const ids = first.map((item) => item.finding.Id);

    expect(ids).toEqual(again.map((item) => item.finding.Id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(otherTeam.map((item) => item.finding.Id)).not.toEqual(ids);
  });

  it('matches the pack finding format', () => {
    const { technique, outcomes } = play('backdoor-access-key');
    const finding = detectFindings({ technique, outcomes, state: smallAccount(), context: CONTEXT }).find((item) => item.finding.Type === 'Persistence:IAMUser/AnomalousBehavior')!.finding as Record<string, any>;

    expect(keysOf(finding)).toEqual(keysOf(packApiFinding));
    expect(keysOf(finding.Service)).toEqual(keysOf(packApiFinding.Service));
    expect(keysOf(finding.Resource)).toEqual(keysOf(packApiFinding.Resource));
    expect(keysOf(finding.Resource.AccessKeyDetails)).toEqual(keysOf(packApiFinding.Resource.AccessKeyDetails));
    expect(keysOf(finding.Service.Action.AwsApiCallAction)).toEqual(keysOf(packApiFinding.Service.Action.AwsApiCallAction));
    expect(keysOf(finding.Service.Action.AwsApiCallAction.RemoteIpDetails)).toEqual(keysOf(packApiFinding.Service.Action.AwsApiCallAction.RemoteIpDetails));
    expect(JSON.parse(finding.Service.AdditionalInfo.Value).anomalies.anomalousAPIs).toBe('iam.amazonaws.com:[CreateAccessKey:success]');
  });

  it('fills the pack fields with this move', () => {
    const { technique, outcomes } = play('backdoor-access-key');
    const { finding, dueAt } = detectFindings({ technique, outcomes, state: smallAccount(), context: CONTEXT })[0]!;
    const record = finding as Record<string, any>;

    expect(record.SchemaVersion).toBe('2.0');
    expect(record.Partition).toBe('aws');
    expect(record.AccountId).toBe(ACCOUNT_ID);
    expect(record.Region).toBe('us-east-1');
    expect(record.Arn).toBe(`arn:aws:guardduty:us-east-1:${ACCOUNT_ID}:detector/${DETECTOR_ID}/finding/${record.Id}`);
    expect(record.Resource.AccessKeyDetails).toEqual({ AccessKeyId: DEPLOY_KEY, PrincipalId: 'AIDABZPUZDIKCMY3CALC2', UserName: 'dev-deploy', UserType: 'IAMUser' });
    expect(record.Service.DetectorId).toBe(DETECTOR_ID);
    expect(record.Service.EventFirstSeen).toBe('2026-05-08T02:10:00.000Z');
    expect(record.Service.Action.AwsApiCallAction.RemoteIpDetails.IpAddressV4).toBe(TOR_IP);
    expect(record.CreatedAt).toBe(dueAt);
    expect(record.UpdatedAt).toBe(dueAt);
  });

  it('matches the pack mining format', () => {
    const state = smallAccount();
    state.instances['i-0ddddddddddddddd1'] = { instanceId: 'i-0ddddddddddddddd1', region: 'us-east-1', instanceType: 'g4dn.xlarge', imageId: 'ami-0c02fb55956c7d316', state: 'running', launchTime: AT, securityGroupIds: [], roleName: null, tags: [] };
    const { technique, outcomes } = play('launch-gpu-miners', { state, responses: { RunInstances: { Instances: [{ InstanceId: 'i-0ddddddddddddddd1' }] } } });
    const mining = detectFindings({ technique, outcomes, state, context: CONTEXT }).find((item) => item.finding.Type === 'CryptoCurrency:EC2/BitcoinTool.B!DNS')!.finding as Record<string, any>;

    expect(keysOf(mining.Service)).toEqual(keysOf(packMiningFinding.Service).filter((key) => key !== 'AdditionalInfo'));
    expect(keysOf(mining.Service.Action)).toEqual(keysOf(packMiningFinding.Service.Action));
    expect(mining.Service.ResourceRole).toBe('ACTOR');
    expect(mining.Severity).toBe(packMiningFinding.Severity);
  });
});

describe('detection without trails', () => {
  it('still sees calls no trail recorded', () => {
    const { technique, outcomes } = play('backdoor-access-key');
    const unrecorded = outcomes.map((item) => ({ ...item, record: null }));
    const state = smallAccount();
    state.trails['apexcorp-mgmt-trail']!.logging = false;

    const findings = detectFindings({ technique, outcomes: unrecorded, state, context: { ...CONTEXT, accessKeyId: DEPLOY_KEY } });
    const persistence = findings.find((item) => item.finding.Type === 'Persistence:IAMUser/AnomalousBehavior')?.finding as Record<string, any>;

    expect(persistence.Resource.AccessKeyDetails.AccessKeyId).toBe(DEPLOY_KEY);
    expect(persistence.Resource.AccessKeyDetails.UserName).toBe('dev-deploy');
    expect(persistence.Service.EventFirstSeen).toBe('2026-05-08T02:10:00.000Z');
  });
});

describe('detectFindingsInAccount', () => {
  const { accountId, sourceIpAddress, userAgent, at, idSeed } = CONTEXT;
  const accountContext = { accountId, sourceIpAddress, userAgent, at, idSeed };

  it('reaches the launch region detector', () => {
    const state = smallAccount();
    state.detectors.west = { detectorId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', region: 'eu-west-1', status: 'ENABLED', exists: true };
    state.instances['i-0eeeeeeeeeeeeeee1'] = { instanceId: 'i-0eeeeeeeeeeeeeee1', region: 'eu-west-1', instanceType: 'g4dn.xlarge', imageId: 'ami-0c02fb55956c7d316', state: 'running', launchTime: AT, securityGroupIds: [], roleName: null, tags: [] };
    const { technique, outcomes } = play('launch-gpu-miners', { state, raw: { accessKey: DEPLOY_KEY }, responses: { RunInstances: { Instances: [{ InstanceId: 'i-0eeeeeeeeeeeeeee1' }] } } });

    const findings = detectFindingsInAccount({ technique, outcomes, state, context: accountContext });

    expect(findings.map((item) => [item.finding.Region, item.finding.Type]).sort()).toEqual([
      ['eu-west-1', 'CryptoCurrency:EC2/BitcoinTool.B!DNS'],
      ['eu-west-1', 'UnauthorizedAccess:IAMUser/TorIPCaller'],
    ]);
  });

  it('skips suspended regions', () => {
    const state = smallAccount();
    state.detectors[DETECTOR_ID]!.status = 'DISABLED';
    const { technique, outcomes } = play('attach-admin-policy');

    expect(detectFindingsInAccount({ technique, outcomes, state, context: accountContext })).toEqual([]);
  });

  it('gives each region its own ids', () => {
    const state = smallAccount();
    state.detectors.west = { detectorId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', region: 'us-west-2', status: 'ENABLED', exists: true };
    const { technique, outcomes } = play('enumerate-ec2', { raw: { accessKey: DEPLOY_KEY, region: 'us-west-2' } });
    const iam = play('attach-admin-policy');

    const findings = detectFindingsInAccount({ technique, outcomes: [...outcomes, ...iam.outcomes], state, context: accountContext });
    const ids = findings.map((item) => item.finding.Id);

    expect(findings.filter((item) => item.finding.Type === 'UnauthorizedAccess:IAMUser/TorIPCaller')).toHaveLength(2);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
