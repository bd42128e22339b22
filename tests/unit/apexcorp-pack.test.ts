import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateBackground } from '../../server/scenario/background/index.js';
import type { CloudTrailRecord } from '../../server/scenario/manifest.js';
import { Manifest } from '../../server/scenario/manifest.js';
import { buildAttackData } from '../../server/scenario/records/apexcorp/attack.js';
import { evidenceOf } from '../../server/scenario/checks/index.js';
import { formatCloudTrailFile, formatFindingsFile } from '../../server/scenario/pack/files.js';
import { buildFindings } from '../../server/scenario/records/apexcorp/findings.js';
import { buildStoryCast } from '../../server/scenario/records/apexcorp/story.js';

const PACK = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios', 'apexcorp-prod');
const ATTACKER_IP = '185.220.101.45';

/** Default severity level of each finding type in the pack, per the GuardDuty User Guide. */
const DEFAULT_SEVERITY: Record<string, 'HIGH' | 'MEDIUM' | 'LOW'> = {
  'UnauthorizedAccess:S3/TorIPCaller': 'HIGH',
  'Exfiltration:S3/AnomalousBehavior': 'HIGH',
  'CryptoCurrency:EC2/BitcoinTool.B!DNS': 'HIGH',
  'PrivilegeEscalation:IAMUser/AnomalousBehavior': 'MEDIUM',
  'Persistence:IAMUser/AnomalousBehavior': 'MEDIUM',
  'Recon:EC2/PortProbeUnprotectedPort': 'LOW',
};

type Finding = {
  Id: string;
  Arn: string;
  AccountId: string;
  Type: string;
  Severity: number;
  Region: string;
  CreatedAt: string;
  UpdatedAt: string;
  SchemaVersion: string;
  Partition: string;
  Title: string;
  Description: string;
  Resource: {
    ResourceType: string;
    AccessKeyDetails?: { AccessKeyId: string; UserName: string };
    InstanceDetails?: { InstanceId: string };
    S3BucketDetails?: { Name: string }[];
  };
  Service: {
    ServiceName: string;
    DetectorId: string;
    Archived: boolean;
    Count: number;
    EventFirstSeen: string;
    EventLastSeen: string;
    ResourceRole: string;
    Action: {
      ActionType: string;
      AwsApiCallAction?: { Api: string; ServiceName: string; RemoteIpDetails: { IpAddressV4: string; Country: unknown; City: unknown; Organization: { Asn: string } } };
      PortProbeAction?: { PortProbeDetails: { RemoteIpDetails: { IpAddressV4: string } }[] };
      DnsRequestAction?: { Domain: string };
    };
  };
};

type Identity = { accessKeyId?: string; userName?: string };

function readJson(relativePath: string): unknown {
  return JSON.parse(readFileSync(join(PACK, relativePath), 'utf8'));
}

function levelOf(severity: number): 'HIGH' | 'MEDIUM' | 'LOW' | 'OTHER' {
  if (severity >= 7 && severity < 9) return 'HIGH';
  if (severity >= 4 && severity < 7) return 'MEDIUM';
  if (severity >= 1 && severity < 4) return 'LOW';
  return 'OTHER';
}

/** Collects every string leaf of a JSON value, trimmed and lower-cased as the exact check compares values. */
function stringLeaves(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') {
    into.add(value.trim().toLowerCase());
  } else if (Array.isArray(value)) {
    value.forEach((item) => stringLeaves(item, into));
  } else if (value !== null && typeof value === 'object') {
    Object.values(value).forEach((item) => stringLeaves(item, into));
  }
  return into;
}

const manifest = Manifest.parse(parse(readFileSync(join(PACK, 'scenario.yaml'), 'utf8')));
const attack = (readJson('cloudtrail/attack.json') as { Records: CloudTrailRecord[] }).Records;
const findings = readJson('guardduty/findings.json') as Finding[];
const background = generateBackground({
  seed: manifest.data.background?.seed ?? 0,
  events: manifest.data.background?.events ?? 0,
  accountId: manifest.account.id,
  primaryRegion: manifest.primaryRegion,
  regions: manifest.regions,
  window: manifest.window,
});
const allRecords = [...attack, ...background];
const windowStart = Date.parse(manifest.window.start);
const windowEnd = Date.parse(manifest.window.end);
const findingById = new Map(findings.map((finding) => [finding.Id, finding]));

function exactAccept(objectiveId: string): string[] {
  const check = manifest.objectives.find((item) => item.id === objectiveId)!.check;
  return check.kind === 'exact' ? check.accept : [];
}

function attackerCalls(eventName: string): CloudTrailRecord[] {
  return attack.filter((record) => record.eventName === eventName && record.sourceIPAddress === ATTACKER_IP);
}

describe('apexcorp-prod pack files', () => {
  it('parses with the Manifest schema', () => {
    expect(manifest.id).toBe('apexcorp-prod');
    expect(manifest.account).toEqual({ id: '123456789012', alias: 'apexcorp-prod' });
    expect(manifest.primaryRegion).toBe('us-east-1');
    expect(manifest.regions).toContain('us-west-2');
    expect(manifest.window).toEqual({ start: '2026-05-07T00:00:00Z', end: '2026-05-08T06:00:00Z' });
    expect(manifest.data.background).toEqual({ seed: 20260507, events: 25_000 });
  });

  it('matches what the build script generates', () => {
    const story = buildStoryCast();
    const data = buildAttackData(story);
    const expectedAttack = formatCloudTrailFile(data.records);
    const expectedFindings = formatFindingsFile(buildFindings(story, data));
    expect(readFileSync(join(PACK, 'cloudtrail/attack.json'), 'utf8')).toBe(expectedAttack);
    expect(readFileSync(join(PACK, 'guardduty/findings.json'), 'utf8')).toBe(expectedFindings);
  });

  it('describes the environment in the brief', () => {
    const rows = new Map(manifest.brief.environment.map((row) => [row.resource, row.detail]));
    expect([...rows.keys()]).toEqual(['Account', 'Region', 'Alert time', 'IAM user', 'Normal IP', 'Alert IP']);
    expect(rows.get('Alert IP')).toBe(ATTACKER_IP);
    expect(rows.get('Normal IP')).toContain('10.10.14.0/24');
    expect(manifest.brief.workflow).toHaveLength(6);
  });
});

describe('apexcorp-prod CloudTrail data', () => {
  it('sorts attack records by eventTime', () => {
    for (let i = 1; i < attack.length; i++) {
      expect(attack[i - 1]!.eventTime <= attack[i]!.eventTime, `record ${i} is out of order`).toBe(true);
    }
  });

  it('keeps every record inside the window', () => {
    for (const record of allRecords) {
      const time = Date.parse(record.eventTime);
      expect(time, `${record.eventID} at ${record.eventTime}`).toBeGreaterThanOrEqual(windowStart);
      expect(time, `${record.eventID} at ${record.eventTime}`).toBeLessThanOrEqual(windowEnd);
    }
  });

  it('gives unique eventIDs across attack and background', () => {
    const ids = allRecords.map((record) => record.eventID);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('writes the common CloudTrail fields on attack records', () => {
    for (const record of attack) {
      expect(['1.08', '1.09'], record.eventID).toContain(record.eventVersion);
      expect(record.recipientAccountId, record.eventID).toBe(manifest.account.id);
      expect(typeof record.userIdentity, record.eventID).toBe('object');
      expect(typeof record.sourceIPAddress, record.eventID).toBe('string');
      expect(typeof record.userAgent, record.eventID).toBe('string');
      expect(record, record.eventID).toHaveProperty('requestParameters');
      expect(record, record.eventID).toHaveProperty('responseElements');
      expect(typeof record.readOnly, record.eventID).toBe('boolean');
      expect(['Management', 'Data'], record.eventID).toContain(record.eventCategory);
      if (record.eventType === 'AwsApiCall') {
        expect(typeof record.requestID, record.eventID).toBe('string');
      }
    }
  });

  it('starts the attack with GetCallerIdentity at 01:5x', () => {
    const fromAttacker = attack.filter((record) => record.sourceIPAddress === ATTACKER_IP);
    const first = fromAttacker[0]!;
    expect(first.eventName).toBe('GetCallerIdentity');
    expect(first.eventTime).toMatch(/^2026-05-08T01:5\d:\d{2}Z$/);
    expect((first.userIdentity as Identity).userName).toBe('dev-deploy');
  });

  it('denies some discovery calls with the AWS wording', () => {
    const denied = attack.filter((record) => record.sourceIPAddress === ATTACKER_IP && record.errorCode === 'AccessDenied');
    expect(denied.length).toBeGreaterThanOrEqual(2);
    const listRoles = denied.find((record) => record.eventName === 'ListRoles');
    expect(listRoles?.errorMessage).toMatch(/^User: arn:aws:iam::123456789012:user\/dev-deploy is not authorized to perform: iam:ListRoles/);
  });

  it('records failed console sign-in against people from the attacker IP', () => {
    const failures = attackerCalls('ConsoleLogin').filter(
      (record) => (record.responseElements as { ConsoleLogin?: string }).ConsoleLogin === 'Failure',
    );
    const targets = new Set(failures.map((record) => (record.userIdentity as Identity).userName));
    expect(targets).toEqual(new Set(['alice.chen', 'bob.martinez', 'dana.whitfield']));
    for (const record of failures) {
      expect(record.eventSource).toBe('signin.amazonaws.com');
      expect(record.errorMessage).toBe('Failed authentication');
      expect(record.awsRegion).toBe('us-east-1');
    }
  });

  it('escalates dev-deploy to AdministratorAccess', () => {
    const attach = attackerCalls('AttachUserPolicy');
    const toSelf = attach.find((record) => (record.requestParameters as { userName?: string }).userName === 'dev-deploy');
    expect(toSelf?.requestParameters).toEqual({ userName: 'dev-deploy', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    expect(toSelf?.errorCode).toBeUndefined();
    expect(toSelf?.responseElements).toBeNull();
  });

  it('creates a backdoor key and the svc-backup user', () => {
    const created = attackerCalls('CreateAccessKey').map((record) => record.requestParameters as { userName: string });
    expect(created.map((parameters) => parameters.userName)).toEqual(['dev-deploy', 'svc-backup']);
    for (const eventName of ['CreateUser', 'CreateLoginProfile']) {
      expect(attackerCalls(eventName), eventName).toHaveLength(1);
    }
  });

  it('downloads objects from the customer data bucket as data events', () => {
    const downloads = attackerCalls('GetObject');
    expect(downloads.length).toBeGreaterThanOrEqual(40);
    for (const record of downloads) {
      const resources = record.resources as { type: string; ARN: string }[];
      expect(record.eventCategory).toBe('Data');
      expect(record.managementEvent).toBe(false);
      expect((record.requestParameters as { bucketName: string }).bucketName).toBe('apexcorp-customer-data');
      expect(resources.map((resource) => resource.type)).toEqual(['AWS::S3::Object', 'AWS::S3::Bucket']);
      expect((record.additionalEventData as { bytesTransferredOut: number }).bytesTransferredOut).toBeGreaterThan(0);
    }
  });

  it('launches large instances in two regions', () => {
    const launches = attackerCalls('RunInstances');
    expect(new Set(launches.map((record) => record.awsRegion))).toEqual(new Set(['us-east-1', 'us-west-2']));
    for (const record of launches) {
      const items = (record.responseElements as { instancesSet: { items: { instanceId: string; instanceType: string; keyName: string }[] } })
        .instancesSet.items;
      for (const item of items) {
        expect(item.instanceId).toMatch(/^i-[0-9a-f]{17}$/);
        expect(['c5.4xlarge', 'p3.2xlarge']).toContain(item.instanceType);
        expect(item.keyName).toBe('backup-ops-key');
      }
    }
    const ingress = attackerCalls('AuthorizeSecurityGroupIngress');
    expect(JSON.stringify(ingress)).toContain('0.0.0.0/0');
  });

  it('stops one trail and fails to delete the organization trail', () => {
    const stop = attackerCalls('StopLogging');
    expect(stop).toHaveLength(1);
    expect(stop[0]!.errorCode).toBeUndefined();
    expect((stop[0]!.requestParameters as { name: string }).name).toMatch(/trail\/apexcorp-mgmt-trail$/);
    const remove = attackerCalls('DeleteTrail');
    expect(remove).toHaveLength(1);
    expect(remove[0]!.errorCode).toBe('AccessDenied');
  });

  it('contains the decoys of the day before', () => {
    const dayBefore = attack.filter((record) => record.eventTime.startsWith('2026-05-07'));
    const byAdmin = dayBefore.filter((record) => (record.userIdentity as Identity).userName === 'dana.whitfield');
    expect(byAdmin.map((record) => record.eventName)).toEqual(expect.arrayContaining(['CreateAccessKey', 'AttachUserPolicy']));
    const typo = dayBefore.find(
      (record) => record.eventName === 'ConsoleLogin' && (record.responseElements as { ConsoleLogin: string }).ConsoleLogin === 'Failure',
    );
    expect(typo?.sourceIPAddress).toMatch(/^203\.0\.113\./);
  });
});

describe('apexcorp-prod GuardDuty findings', () => {
  it('has three HIGH, two MEDIUM and one LOW finding', () => {
    const levels = findings.map((finding) => levelOf(finding.Severity)).sort();
    expect(levels).toEqual(['HIGH', 'HIGH', 'HIGH', 'LOW', 'MEDIUM', 'MEDIUM']);
  });

  it('uses real types at their default severity', () => {
    for (const finding of findings) {
      expect(DEFAULT_SEVERITY[finding.Type], finding.Type).toBe(levelOf(finding.Severity));
    }
  });

  it('has the GetFindings shape', () => {
    for (const finding of findings) {
      expect(finding.Id).toMatch(/^[0-9a-f]{32}$/);
      expect(finding.Arn).toBe(`arn:aws:guardduty:${finding.Region}:${finding.AccountId}:detector/${finding.Service.DetectorId}/finding/${finding.Id}`);
      expect(finding.AccountId).toBe(manifest.account.id);
      expect(finding.SchemaVersion).toBe('2.0');
      expect(finding.Partition).toBe('aws');
      expect(finding.Service.ServiceName).toBe('guardduty');
      expect(finding.Service.Archived).toBe(false);
      expect(finding.Service.Count).toBeGreaterThan(0);
      expect(finding.Title.length).toBeGreaterThan(0);
      expect(finding.Description.length).toBeGreaterThan(0);
      expect(['AccessKey', 'S3Bucket', 'Instance']).toContain(finding.Resource.ResourceType);
    }
  });

  it('keeps every finding time inside the window and in order', () => {
    for (const finding of findings) {
      const first = Date.parse(finding.Service.EventFirstSeen);
      const last = Date.parse(finding.Service.EventLastSeen);
      const created = Date.parse(finding.CreatedAt);
      const updated = Date.parse(finding.UpdatedAt);
      for (const time of [first, last, created, updated]) {
        expect(time, finding.Id).toBeGreaterThanOrEqual(windowStart);
        expect(time, finding.Id).toBeLessThanOrEqual(windowEnd);
      }
      expect(first, `${finding.Id} first seen`).toBeLessThanOrEqual(last);
      expect(last, `${finding.Id} last seen`).toBeLessThanOrEqual(created);
      expect(created, `${finding.Id} created`).toBeLessThanOrEqual(updated);
    }
  });

  it('ties API-call findings to the CloudTrail data', () => {
    const apiFindings = findings.filter((finding) => finding.Service.Action.ActionType === 'AWS_API_CALL');
    expect(apiFindings.length).toBeGreaterThanOrEqual(4);
    for (const finding of apiFindings) {
      const action = finding.Service.Action.AwsApiCallAction!;
      const keyId = finding.Resource.AccessKeyDetails!.AccessKeyId;
      const ip = action.RemoteIpDetails.IpAddressV4;
      const first = Date.parse(finding.Service.EventFirstSeen);
      const last = Date.parse(finding.Service.EventLastSeen);
      expect(action.RemoteIpDetails.Country, finding.Id).toBeDefined();
      expect(action.RemoteIpDetails.City, finding.Id).toBeDefined();
      expect(action.RemoteIpDetails.Organization.Asn, finding.Id).toMatch(/^\d+$/);
      expect(allRecords.some((record) => (record.userIdentity as Identity).accessKeyId === keyId), keyId).toBe(true);
      expect(allRecords.some((record) => record.sourceIPAddress === ip), ip).toBe(true);

      const matching = allRecords.filter((record) => {
        const time = Date.parse(record.eventTime);
        return (
          (record.userIdentity as Identity).accessKeyId === keyId &&
          record.sourceIPAddress === ip &&
          record.eventSource === action.ServiceName &&
          time >= first &&
          time <= last
        );
      });
      expect(matching.length, `${finding.Type} Count`).toBe(finding.Service.Count);
      expect(matching.some((record) => record.eventName === action.Api), `${finding.Type} Api`).toBe(true);
      expect(matching.some((record) => Date.parse(record.eventTime) === first), `${finding.Type} first seen`).toBe(true);
      expect(matching.some((record) => Date.parse(record.eventTime) === last), `${finding.Type} last seen`).toBe(true);
      expect(finding.Resource.AccessKeyDetails!.UserName).toBe('dev-deploy');
    }
  });

  it('names instances that appear in the CloudTrail data', () => {
    const text = JSON.stringify(allRecords);
    for (const finding of findings.filter((item) => item.Resource.InstanceDetails)) {
      expect(text.includes(finding.Resource.InstanceDetails!.InstanceId), finding.Type).toBe(true);
    }
  });

  it('includes noise from a host outside the CloudTrail data', () => {
    const probe = findings.find((finding) => finding.Service.Action.ActionType === 'PORT_PROBE');
    const scanner = probe?.Service.Action.PortProbeAction?.PortProbeDetails[0]?.RemoteIpDetails.IpAddressV4;
    expect(scanner).toBeDefined();
    expect(allRecords.some((record) => record.sourceIPAddress === scanner)).toBe(false);
  });
});

describe('apexcorp-prod phases and objectives', () => {
  const released = manifest.phases.flatMap((phase) => phase.findings);

  it('opens with triage at 02:20 and the 02:17 HIGH finding', () => {
    const triage = manifest.phases[0]!;
    expect(manifest.phases.length).toBeGreaterThanOrEqual(4);
    expect(triage.id).toBe('triage');
    expect(triage.horizon).toBe('2026-05-08T02:20:00Z');
    expect(triage.findings).toHaveLength(1);
    const alert = findingById.get(triage.findings[0]!)!;
    expect(levelOf(alert.Severity)).toBe('HIGH');
    expect(alert.CreatedAt).toMatch(/^2026-05-08T02:17:/);
    expect(triage.objectives).toEqual(['compromised-user']);
  });

  it('ends with the horizon at the end of the window', () => {
    expect(manifest.phases[manifest.phases.length - 1]!.horizon).toBe(manifest.window.end);
    for (let i = 1; i < manifest.phases.length; i++) {
      expect(Date.parse(manifest.phases[i]!.horizon)).toBeGreaterThan(Date.parse(manifest.phases[i - 1]!.horizon));
    }
  });

  it('releases every finding exactly once, after it exists', () => {
    expect(new Set(released).size).toBe(released.length);
    expect(new Set(released)).toEqual(new Set(findings.map((finding) => finding.Id)));
    for (const phase of manifest.phases) {
      for (const id of phase.findings) {
        const finding = findingById.get(id);
        expect(finding, id).toBeDefined();
        expect(Date.parse(finding!.CreatedAt), id).toBeLessThanOrEqual(Date.parse(phase.horizon));
      }
    }
  });

  it('unlocks each objective once', () => {
    const unlocked = manifest.phases.flatMap((phase) => phase.objectives);
    expect(new Set(unlocked).size).toBe(unlocked.length);
    expect(new Set(unlocked)).toEqual(new Set(manifest.objectives.map((objective) => objective.id)));
  });

  it('defines the compromised-user objective as specified', () => {
    const objective = manifest.objectives.find((item) => item.id === 'compromised-user');
    expect(objective).toMatchObject({
      title: 'Identify the compromised IAM user',
      answerHint: 'IAM user name',
      points: 100,
      penalty: 10,
      check: { kind: 'exact', accept: ['dev-deploy'] },
    });
  });

  it('shows every accepted answer by the phase that unlocks it', () => {
    manifest.phases.forEach((phase, index) => {
      const horizon = Date.parse(phase.horizon);
      const visibleFindings = manifest.phases
        .slice(0, index + 1)
        .flatMap((item) => item.findings)
        .map((id) => findingById.get(id));
      const visible = stringLeaves(visibleFindings, new Set());
      stringLeaves(
        allRecords.filter((record) => Date.parse(record.eventTime) <= horizon),
        visible,
      );
      for (const objectiveId of phase.objectives) {
        const objective = manifest.objectives.find((item) => item.id === objectiveId)!;
        for (const values of evidenceOf(objective.check)) {
          const shown = values.some((value) => visible.has(value.trim().toLowerCase()));
          expect(shown, `${objectiveId}: ${values.join(' or ')} by ${phase.id}`).toBe(true);
        }
      }
    });
  });

  it('accepts the eventID of the malicious AttachUserPolicy', () => {
    const accept = exactAccept('privilege-escalation');
    const attach = attackerCalls('AttachUserPolicy').find(
      (record) => (record.requestParameters as { userName: string }).userName === 'dev-deploy',
    );
    expect(accept).toEqual([attach!.eventID, 'AttachUserPolicy']);
  });

  it('accepts the backdoor key that CreateAccessKey returned', () => {
    const accept = exactAccept('backdoor-access-key');
    const create = attackerCalls('CreateAccessKey').find(
      (record) => (record.requestParameters as { userName: string }).userName === 'dev-deploy',
    );
    const keyId = (create!.responseElements as { accessKey: { accessKeyId: string } }).accessKey.accessKeyId;
    expect(accept).toEqual([keyId]);
    expect(keyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    const exfiltrationKeys = new Set(attackerCalls('GetObject').map((record) => (record.userIdentity as Identity).accessKeyId));
    expect(exfiltrationKeys).toEqual(new Set([keyId]));
  });

  it('expects every instance the attacker launched', () => {
    const check = manifest.objectives.find((item) => item.id === 'unauthorized-ec2')!.check;
    const launched = attackerCalls('RunInstances').flatMap((record) =>
      (record.responseElements as { instancesSet: { items: { instanceId: string }[] } }).instancesSet.items.map((item) => item.instanceId),
    );
    expect(check.kind).toBe('set');
    expect(check.kind === 'set' ? [...check.items].sort() : []).toEqual([...launched].sort());
    expect(launched).toHaveLength(5);
  });

  it('measures the exfiltration from the data events', () => {
    const check = manifest.objectives.find((item) => item.id === 's3-exfiltration')!.check;
    const downloads = attackerCalls('GetObject');
    const bytes = downloads.reduce((sum, record) => sum + (record.additionalEventData as { bytesTransferredOut: number }).bytesTransferredOut, 0);
    expect(check.kind === 'fields' ? check.fields.map((field) => ('value' in field ? field.value : field.accept[0])) : []).toEqual([
      'apexcorp-customer-data',
      downloads.length,
      bytes,
    ]);
    expect(downloads.length).toBeGreaterThan(1000);
    expect(bytes).toBeGreaterThan(2 ** 30);
  });
});
