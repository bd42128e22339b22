import { ActionParams } from '../action-params.js';
import { defineAction, type ActionDefinition, type ActionContext } from '../action-context.js';
import { roleArn, userArn } from '../arns.js';
import { AwsError, noSuchEntity } from '../aws-error.js';
import { iamIdFrom } from '../ids.js';
import { awsManagedPolicyDocument, isAwsManagedArn } from '../managed-policies.js';
import type { ManagedPolicyState } from '../state.js';
import { cloudTrailDate, documentText, requireRole, requireUser } from './common.js';

/**
 * Policies of users and roles: attaching managed policies, inline policies, role trust and
 * managed policy versions. IAM keeps at most five versions of a managed policy.
 */
const MaxPolicyVersions = 5;
const P = ActionParams.iam;

/** Find an attachable managed policy, adding a known AWS managed one to the model on first use. */
function attachablePolicy(context: ActionContext, policyArn: string): ManagedPolicyState {
  const known = Object.hasOwn(context.state.policies, policyArn) ? context.state.policies[policyArn] : undefined;
  if (known) return known;
  if (isAwsManagedArn(policyArn) && awsManagedPolicyDocument(policyArn)) {
    const policy: ManagedPolicyState = { arn: policyArn, policyName: policyArn.slice(policyArn.lastIndexOf('/') + 1), customerManaged: false, defaultVersionId: 'v1', versions: {} };
    context.state.policies[policyArn] = policy;
    return policy;
  }
  throw noSuchEntity(`Policy ${policyArn} does not exist or is not attachable.`);
}

function customerPolicy(context: ActionContext, policyArn: string): ManagedPolicyState {
  const policy = Object.hasOwn(context.state.policies, policyArn) ? context.state.policies[policyArn] : undefined;
  if (!policy) throw noSuchEntity(`Policy ${policyArn} was not found.`);
  if (!policy.customerManaged) throw new AwsError('AccessDenied', `Policy ${policyArn} is an AWS managed policy and cannot be changed.`);
  return policy;
}

function attach(list: string[], policyArn: string): boolean {
  if (list.includes(policyArn)) return false;
  list.push(policyArn);
  return true;
}

function detach(list: string[], policyArn: string): string[] {
  if (!list.includes(policyArn)) throw noSuchEntity(`Policy ${policyArn} was not found.`);
  return list.filter((arn) => arn !== policyArn);
}

export const iamPolicyActions: Record<string, ActionDefinition> = {
  AttachUserPolicy: defineAction(P.AttachUserPolicy, {
    readOnly: false,
    permission: (context, params) => ({ action: 'iam:AttachUserPolicy', resource: userArn(context.state.accountId, params.userName) }),
    run(context, params) {
      const user = requireUser(context, params.userName);
      attachablePolicy(context, params.policyArn);
      const added = attach(user.attachedPolicies, params.policyArn);
      return { response: {}, changes: added ? [`Policy ${params.policyArn} was attached to IAM user ${user.userName}.`] : [] };
    },
  }),

  DetachUserPolicy: defineAction(P.DetachUserPolicy, {
    readOnly: false,
    permission: (context, params) => ({ action: 'iam:DetachUserPolicy', resource: userArn(context.state.accountId, params.userName) }),
    run(context, params) {
      const user = requireUser(context, params.userName);
      user.attachedPolicies = detach(user.attachedPolicies, params.policyArn);
      return { response: {}, changes: [`Policy ${params.policyArn} was detached from IAM user ${user.userName}.`] };
    },
  }),

  PutUserPolicy: defineAction(P.PutUserPolicy, {
    readOnly: false,
    permission: (context, params) => ({ action: 'iam:PutUserPolicy', resource: userArn(context.state.accountId, params.userName) }),
    requestParameters: (_context, params) => ({ userName: params.userName, policyName: params.policyName, policyDocument: documentText(params.policyDocument) }),
    run(context, params) {
      const user = requireUser(context, params.userName);
      user.inlinePolicies[params.policyName] = params.policyDocument;
      return {
        response: {},
        changes: [`Inline policy ${params.policyName} of IAM user ${user.userName} was set.`],
      };
    },
  }),

  DeleteUserPolicy: defineAction(P.DeleteUserPolicy, {
    readOnly: false,
    permission: (context, params) => ({ action: 'iam:DeleteUserPolicy', resource: userArn(context.state.accountId, params.userName) }),
    run(context, params) {
      const user = requireUser(context, params.userName);
      if (!Object.hasOwn(user.inlinePolicies, params.policyName)) throw noSuchEntity(`The user policy with name ${params.policyName} cannot be found.`);
      delete user.inlinePolicies[params.policyName];
      return { response: {}, changes: [`Inline policy ${params.policyName} of IAM user ${user.userName} was deleted.`] };
    },
  }),

  AttachRolePolicy: defineAction(P.AttachRolePolicy, {
    readOnly: false,
    permission: (context, params) => ({ action: 'iam:AttachRolePolicy', resource: roleArn(context.state.accountId, params.roleName) }),
    run(context, params) {
      const role = requireRole(context, params.roleName);
      attachablePolicy(context, params.policyArn);
      const added = attach(role.attachedPolicies, params.policyArn);
      return { response: {}, changes: added ? [`Policy ${params.policyArn} was attached to role ${role.roleName}.`] : [] };
    },
  }),

  DetachRolePolicy: defineAction(P.DetachRolePolicy, {
    readOnly: false,
    permission: (context, params) => ({ action: 'iam:DetachRolePolicy', resource: roleArn(context.state.accountId, params.roleName) }),
    run(context, params) {
      const role = requireRole(context, params.roleName);
      role.attachedPolicies = detach(role.attachedPolicies, params.policyArn);
      return { response: {}, changes: [`Policy ${params.policyArn} was detached from role ${role.roleName}.`] };
    },
  }),

  PutRolePolicy: defineAction(P.PutRolePolicy, {
    readOnly: false,
    permission: (context, params) => ({ action: 'iam:PutRolePolicy', resource: roleArn(context.state.accountId, params.roleName) }),
    requestParameters: (_context, params) => ({ roleName: params.roleName, policyName: params.policyName, policyDocument: documentText(params.policyDocument) }),
    run(context, params) {
      const role = requireRole(context, params.roleName);
      role.inlinePolicies[params.policyName] = params.policyDocument;
      return {
        response: {},
        changes: [`Inline policy ${params.policyName} of role ${role.roleName} was set.`],
      };
    },
  }),

  DeleteRolePolicy: defineAction(P.DeleteRolePolicy, {
    readOnly: false,
    permission: (context, params) => ({ action: 'iam:DeleteRolePolicy', resource: roleArn(context.state.accountId, params.roleName) }),
    run(context, params) {
      const role = requireRole(context, params.roleName);
      if (!Object.hasOwn(role.inlinePolicies, params.policyName)) throw noSuchEntity(`The role policy with name ${params.policyName} cannot be found.`);
      delete role.inlinePolicies[params.policyName];
      return { response: {}, changes: [`Inline policy ${params.policyName} of role ${role.roleName} was deleted.`] };
    },
  }),

  CreateRole: defineAction(P.CreateRole, {
    readOnly: false,
    permission: (context, params) => ({ action: 'iam:CreateRole', resource: roleArn(context.state.accountId, params.roleName) }),
    requestParameters: (_context, params) => ({ roleName: params.roleName, assumeRolePolicyDocument: documentText(params.assumeRolePolicyDocument) }),
    run(context, params) {
      if (Object.hasOwn(context.state.roles, params.roleName)) throw new AwsError('EntityAlreadyExists', `Role with name ${params.roleName} already exists.`);
      const role = {
        roleName: params.roleName,
        roleId: context.preset.roleId ?? iamIdFrom('AROA', context.idSeed, 'roleId'),
        arn: roleArn(context.state.accountId, params.roleName),
        createDate: context.at,
        trustPolicy: params.assumeRolePolicyDocument,
        attachedPolicies: [],
        inlinePolicies: {},
      };
      context.state.roles[role.roleName] = role;
      return {
        response: { Role: { Path: '/', RoleName: role.roleName, RoleId: role.roleId, Arn: role.arn, CreateDate: role.createDate, AssumeRolePolicyDocument: role.trustPolicy } },
        responseElements: { role: { path: '/', roleName: role.roleName, roleId: role.roleId, arn: role.arn, createDate: cloudTrailDate(context.at), assumeRolePolicyDocument: encodeURIComponent(documentText(role.trustPolicy)) } },
        changes: [`Role ${role.roleName} was created.`],
      };
    },
  }),

  UpdateAssumeRolePolicy: defineAction(P.UpdateAssumeRolePolicy, {
    readOnly: false,
    permission: (context, params) => ({ action: 'iam:UpdateAssumeRolePolicy', resource: roleArn(context.state.accountId, params.roleName) }),
    requestParameters: (_context, params) => ({ roleName: params.roleName, policyDocument: documentText(params.policyDocument) }),
    run(context, params) {
      const role = requireRole(context, params.roleName);
      role.trustPolicy = params.policyDocument;
      return { response: {}, changes: [`The trust policy of role ${role.roleName} was replaced.`] };
    },
  }),

  CreatePolicyVersion: defineAction(P.CreatePolicyVersion, {
    readOnly: false,
    permission: (_context, params) => ({ action: 'iam:CreatePolicyVersion', resource: params.policyArn }),
    requestParameters: (_context, params) => ({ policyArn: params.policyArn, policyDocument: documentText(params.policyDocument), setAsDefault: params.setAsDefault ?? false }),
    run(context, params) {
      const policy = customerPolicy(context, params.policyArn);
      if (Object.keys(policy.versions).length >= MaxPolicyVersions) {
        throw new AwsError('LimitExceeded', `A managed policy can have up to ${MaxPolicyVersions} versions. Before you create a new version, you must delete an existing version.`);
      }
      const numbers = Object.keys(policy.versions).map((id) => Number(id.slice(1))).filter(Number.isFinite);
      const versionId = `v${Math.max(0, ...numbers) + 1}`;
      const setAsDefault = params.setAsDefault ?? false;
      policy.versions[versionId] = params.policyDocument;
      if (setAsDefault) policy.defaultVersionId = versionId;
      return {
        response: { PolicyVersion: { VersionId: versionId, IsDefaultVersion: setAsDefault, CreateDate: context.at } },
        responseElements: { policyVersion: { versionId, isDefaultVersion: setAsDefault, createDate: cloudTrailDate(context.at) } },
        changes: [`Policy ${params.policyArn} has a new version ${versionId}${setAsDefault ? ', now its default' : ''}.`],
      };
    },
  }),

  SetDefaultPolicyVersion: defineAction(P.SetDefaultPolicyVersion, {
    readOnly: false,
    permission: (_context, params) => ({ action: 'iam:SetDefaultPolicyVersion', resource: params.policyArn }),
    run(context, params) {
      const policy = customerPolicy(context, params.policyArn);
      if (!Object.hasOwn(policy.versions, params.versionId)) throw noSuchEntity(`Policy ${params.policyArn} version ${params.versionId} does not exist.`);
      const changed = policy.defaultVersionId !== params.versionId;
      policy.defaultVersionId = params.versionId;
      return { response: {}, changes: changed ? [`Version ${params.versionId} is now the default of policy ${params.policyArn}.`] : [] };
    },
  }),

  DeletePolicyVersion: defineAction(P.DeletePolicyVersion, {
    readOnly: false,
    permission: (_context, params) => ({ action: 'iam:DeletePolicyVersion', resource: params.policyArn }),
    run(context, params) {
      const policy = customerPolicy(context, params.policyArn);
      if (!Object.hasOwn(policy.versions, params.versionId)) throw noSuchEntity(`Policy ${params.policyArn} version ${params.versionId} does not exist.`);
      if (policy.defaultVersionId === params.versionId) throw new AwsError('DeleteConflict', 'Cannot delete the default version of a policy.');
      delete policy.versions[params.versionId];
      return { response: {}, changes: [`Version ${params.versionId} of policy ${params.policyArn} was deleted.`] };
    },
  }),
};
