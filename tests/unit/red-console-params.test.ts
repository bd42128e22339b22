import { describe, expect, it } from 'vitest';
import type { RedMoveView, RedTargets, TechniqueParamView, TechniqueView } from '../../shared/red-blue.js';
import { collectParams, formOrder, paramNameOfField, paramOptions, paramPlaceholder, preselectSingleChoices } from '../../client/src/redcell/move-params.js';
import { describeOutcome, newestFirst, teamLabel, upsertMove } from '../../client/src/redcell/move-status.js';
import { groupByTactic } from '../../client/src/redcell/tactics.js';

const targets: RedTargets = {
  accessKeys: [
    { accessKeyId: 'AKIABZPUZDIKLNSTKRFZ', userName: 'dev-deploy' },
    { accessKeyId: 'AKIABZPUZDIKMX23YIPI', userName: 'bi-export' },
  ],
  users: ['dev-deploy', 'bi-export'],
  roles: ['ci-deployer'],
  policies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
  buckets: ['apexcorp-customer-data'],
  instances: ['i-0abc'],
  securityGroups: ['sg-0abc'],
  snapshots: ['snap-0abc'],
  trails: ['management-trail'],
  detectors: ['d1'],
  regions: ['us-east-1', 'eu-west-1'],
};

function param(overrides: Partial<TechniqueParamView> & Pick<TechniqueParamView, 'name' | 'kind'>): TechniqueParamView {
  return { label: overrides.name, required: false, ...overrides };
}

function technique(id: string, tactic: TechniqueView['tactic'], params: TechniqueParamView[] = []): TechniqueView {
  return {
    id,
    name: id,
    tactic,
    mitre: { id: 'T1098.001', name: 'Account Manipulation: Additional Cloud Credentials' },
    description: '',
    calls: ['iam:CreateAccessKey'],
    params,
    findingTypes: [],
  };
}

function move(id: string, requestedAt: string, status: RedMoveView['status'] = 'applied'): RedMoveView {
  return { id, techniqueId: 't', techniqueName: 't', mitreId: 'T1530', params: {}, teamId: null, status, requestedAt, scenarioTime: null, results: [] };
}

describe('red move params', () => {
  it('lists access keys with their user', () => {
    const options = paramOptions(param({ name: 'credentials', kind: 'accessKey' }), targets);

    expect(options).toEqual([
      { value: 'AKIABZPUZDIKLNSTKRFZ', label: 'AKIABZPUZDIKLNSTKRFZ (dev-deploy)' },
      { value: 'AKIABZPUZDIKMX23YIPI', label: 'AKIABZPUZDIKMX23YIPI (bi-export)' },
    ]);
  });

  it('offers every resource kind', () => {
    const kinds = ['user', 'role', 'policyArn', 'bucket', 'instance', 'securityGroup', 'snapshot', 'trail', 'detector', 'region'] as const;
    for (const kind of kinds) {
      expect(paramOptions(param({ name: kind, kind }), targets)?.length, kind).toBeGreaterThan(0);
    }
  });

  it('types in text, numbers and instance types', () => {
    for (const kind of ['text', 'number', 'instanceType'] as const) {
      expect(paramOptions(param({ name: kind, kind }), targets), kind).toBeNull();
    }
  });

  it('types the name of a user to create', () => {
    const newUser = param({ name: 'newUserName', kind: 'user', required: true, defaultValue: 'svc-backup-agent' });

    expect(paramOptions(newUser, targets)).toBeNull();
    expect(paramOptions(param({ name: 'userName', kind: 'user' }), targets)).not.toBeNull();
    expect(paramOptions(param({ name: 'newest', kind: 'user' }), targets)).not.toBeNull();
  });

  it('shows defaults as placeholders', () => {
    const defaults = { sourceIpAddress: '185.220.101.45', userAgent: 'aws-cli/1.32.84' };

    expect(paramPlaceholder(param({ name: 'count', kind: 'number', defaultValue: '4' }), defaults)).toBe('Default: 4');
    expect(paramPlaceholder(param({ name: 'sourceIpAddress', kind: 'text' }), defaults)).toBe('Default: 185.220.101.45');
    expect(paramPlaceholder(param({ name: 'userAgent', kind: 'text' }), defaults)).toBe('Default: aws-cli/1.32.84');
    expect(paramPlaceholder(param({ name: 'prefix', kind: 'text' }), defaults)).toBe('');
  });

  it('lists the disguise fields last', () => {
    const ordered = formOrder([
      param({ name: 'accessKey', kind: 'accessKey' }),
      param({ name: 'sourceIpAddress', kind: 'text' }),
      param({ name: 'userAgent', kind: 'text' }),
      param({ name: 'newUserName', kind: 'user' }),
    ]);

    expect(ordered.map((entry) => entry.name)).toEqual(['accessKey', 'newUserName', 'sourceIpAddress', 'userAgent']);
  });

  it('adds a default missing from the list', () => {
    const options = paramOptions(param({ name: 'region', kind: 'region', defaultValue: 'ap-south-1' }), targets);

    expect(options?.[0]).toEqual({ value: 'ap-south-1', label: 'ap-south-1' });
    expect(options).toHaveLength(3);
  });

  it('leaves empty fields to the server default', () => {
    const backdoor = technique('backdoor', 'persistence', [
      param({ name: 'credentials', kind: 'accessKey', required: true }),
      param({ name: 'userName', kind: 'user', required: true, defaultValue: 'dev-deploy' }),
      param({ name: 'note', kind: 'text' }),
    ]);

    const collected = collectParams(backdoor, { credentials: ' AKIABZPUZDIKLNSTKRFZ ', userName: '', note: '  ' });

    expect(collected).toEqual({ ok: true, params: { credentials: 'AKIABZPUZDIKLNSTKRFZ' } });
  });

  it('requires a value without default', () => {
    const backdoor = technique('backdoor', 'persistence', [
      param({ name: 'credentials', label: 'Credentials', kind: 'accessKey', required: true }),
      param({ name: 'newUser', label: 'New user name', kind: 'text', required: true }),
    ]);

    const collected = collectParams(backdoor, {});

    expect(collected.ok).toBe(false);
    if (!collected.ok) {
      expect(collected.errors.credentials).toBe('Credentials is required. Choose one from the list.');
      expect(collected.errors.newUser).toBe('New user name is required. Enter a value.');
    }
  });

  it('rejects a number field that is not one', () => {
    const mining = technique('mining', 'impact', [param({ name: 'count', label: 'Instances', kind: 'number' })]);

    const collected = collectParams(mining, { count: 'many' });

    expect(collected.ok).toBe(false);
    if (!collected.ok) {
      expect(collected.errors.count).toContain('"many"');
    }
    expect(collectParams(mining, { count: '4' })).toEqual({ ok: true, params: { count: '4' } });
  });

  it('preselects a single choice', () => {
    const deleteDetector = technique('delete-detector', 'defense-evasion', [
      param({ name: 'accessKey', kind: 'accessKey', required: true }),
      param({ name: 'detectorId', kind: 'detector', required: true }),
      param({ name: 'bucket', kind: 'bucket', required: true, defaultValue: 'apexcorp-logs' }),
      param({ name: 'role', kind: 'role' }),
      param({ name: 'newUserName', kind: 'user' }),
      param({ name: 'note', kind: 'text' }),
    ]);

    const values = preselectSingleChoices(deleteDetector, targets, {});

    // Two keys leave a choice, and a default or a typed field is left as it is.
    expect(values).toEqual({ detectorId: 'd1', role: 'ci-deployer' });
  });

  it('keeps a value already chosen', () => {
    const deleteDetector = technique('delete-detector', 'defense-evasion', [param({ name: 'detectorId', kind: 'detector', required: true })]);

    expect(preselectSingleChoices(deleteDetector, targets, { detectorId: 'typed' })).toEqual({ detectorId: 'typed' });
    expect(preselectSingleChoices(deleteDetector, { ...targets, detectors: [] }, {})).toEqual({});
  });

  it('maps server fields to params', () => {
    const backdoor = technique('backdoor', 'persistence', [param({ name: 'userName', kind: 'user' })]);

    expect(paramNameOfField('params.userName', backdoor)).toBe('userName');
    expect(paramNameOfField('userName', backdoor)).toBe('userName');
    expect(paramNameOfField('params.other', backdoor)).toBeNull();
    expect(paramNameOfField('teamId', backdoor)).toBeNull();
    expect(paramNameOfField(undefined, backdoor)).toBeNull();
  });
});

describe('red catalog grouping', () => {
  it('orders tactics as an attack runs', () => {
    const groups = groupByTactic([
      technique('wipe', 'impact'),
      technique('list-users', 'discovery'),
      technique('backdoor', 'persistence'),
      technique('list-buckets', 'discovery'),
    ]);

    expect(groups.map((group) => group.label)).toEqual(['Discovery', 'Persistence', 'Impact']);
    expect(groups[0]?.techniques.map((entry) => entry.id)).toEqual(['list-users', 'list-buckets']);
  });

  it('keeps an unknown tactic last', () => {
    const unknown = technique('odd', 'lateral-movement' as TechniqueView['tactic']);

    const groups = groupByTactic([unknown, technique('list-users', 'discovery')]);

    expect(groups.map((group) => group.label)).toEqual(['Discovery', 'lateral-movement']);
  });
});

describe('red move list', () => {
  it('replaces a move by id', () => {
    const waiting = move('m1', '2026-01-01T10:00:00.000Z', 'awaiting-approval');
    const list = upsertMove([waiting, move('m0', '2026-01-01T09:00:00.000Z')], { ...waiting, status: 'applied' });

    expect(list.map((entry) => [entry.id, entry.status])).toEqual([
      ['m1', 'applied'],
      ['m0', 'applied'],
    ]);
  });

  it('sorts newest first', () => {
    const list = newestFirst([move('old', '2026-01-01T09:00:00.000Z'), move('new', '2026-01-01T11:00:00.000Z')]);

    expect(list.map((entry) => entry.id)).toEqual(['new', 'old']);
  });

  it('summarises calls across teams', () => {
    const call = (action: string, errorCode: string | null) => ({ action, errorCode, eventId: null });
    const result = (teamId: string, calls: ReturnType<typeof call>[]) => ({ teamId, calls, findings: [], detectedAt: null, containedAt: null });
    const applied = move('m1', '2026-01-01T10:00:00.000Z');

    expect(describeOutcome({ ...applied, results: [result('blue', [call('CreateUser', null)]), result('green', [call('CreateUser', null)])] })).toBe(
      'Applied to 2 teams: 2 of 2 calls succeeded.',
    );
    expect(describeOutcome({ ...applied, results: [result('blue', [call('CreateAccessKey', 'LimitExceeded')])] })).toBe(
      'Applied to 1 team: 1 of 1 call failed (LimitExceeded).',
    );
    expect(
      describeOutcome({ ...applied, results: [result('blue', [call('GetUser', 'AccessDenied'), call('ListUsers', 'InvalidClientTokenId'), call('ListRoles', null)])] }),
    ).toBe('Applied to 1 team: 2 of 3 calls failed (AccessDenied, InvalidClientTokenId).');
    expect(describeOutcome({ ...applied, results: [result('blue', [])] })).toBe('Applied to 1 team: no call was made.');
    expect(describeOutcome(move('m2', '2026-01-01T10:00:00.000Z', 'rejected'))).toBe('Rejected by the facilitator; no call was made.');
  });

  it('names teams and all teams', () => {
    const teams = [{ id: 'blue', name: 'Blue' }];

    expect(teamLabel(null, teams)).toBe('All teams');
    expect(teamLabel('blue', teams)).toBe('Blue');
    expect(teamLabel('gone', teams)).toBe('gone');
  });
});
