import { ActionParams } from '../action-params.js';
import { defineAction, type ActionDefinition } from '../action-context.js';
import { userArn } from '../arns.js';
import type { UserState } from '../state.js';
import { iamPathResource, requireUser, subjectUserName } from './common.js';

/** Read-only IAM calls, served from the model in the shapes the CLI prints. */
const P = ActionParams.iam;

function userView(user: UserState): Record<string, unknown> {
  return { Path: '/', UserName: user.userName, UserId: user.userId, Arn: user.arn, CreateDate: user.createDate };
}

export const iamReadActions: Record<string, ActionDefinition> = {
  ListUsers: defineAction(P.ListUsers, {
    readOnly: true,
    permission: (context) => ({ action: 'iam:ListUsers', resource: iamPathResource(context, 'user') }),
    run: (context) => ({ response: { Users: Object.values(context.state.users).map(userView) }, requestParameters: null, changes: [] }),
  }),

  GetUser: defineAction(P.GetUser, {
    readOnly: true,
    permission: (context, params) => ({ action: 'iam:GetUser', resource: userArn(context.state.accountId, subjectUserName(context, params.userName)) }),
    run(context, params) {
      const user = requireUser(context, subjectUserName(context, params.userName));
      return { response: { User: userView(user) }, requestParameters: params.userName === undefined ? null : params, changes: [] };
    },
  }),

  ListRoles: defineAction(P.ListRoles, {
    readOnly: true,
    permission: (context) => ({ action: 'iam:ListRoles', resource: iamPathResource(context, 'role') }),
    run(context) {
      const roles = Object.values(context.state.roles).map((role) => ({
        Path: '/',
        RoleName: role.roleName,
        RoleId: role.roleId,
        Arn: role.arn,
        CreateDate: role.createDate,
        AssumeRolePolicyDocument: role.trustPolicy,
      }));
      return { response: { Roles: roles }, requestParameters: null, changes: [] };
    },
  }),

  ListPolicies: defineAction(P.ListPolicies, {
    readOnly: true,
    permission: (context) => ({ action: 'iam:ListPolicies', resource: iamPathResource(context, 'policy') }),
    run(context) {
      const policies = Object.values(context.state.policies).map((policy) => ({
        PolicyName: policy.policyName,
        Arn: policy.arn,
        DefaultVersionId: policy.defaultVersionId,
        AttachmentCount: attachmentCount(context.state, policy.arn),
        IsAttachable: true,
      }));
      return { response: { Policies: policies }, requestParameters: null, changes: [] };
    },
  }),

  ListAccessKeys: defineAction(P.ListAccessKeys, {
    readOnly: true,
    permission: (context, params) => ({ action: 'iam:ListAccessKeys', resource: userArn(context.state.accountId, subjectUserName(context, params.userName)) }),
    run(context, params) {
      const userName = subjectUserName(context, params.userName);
      requireUser(context, userName);
      const keys = Object.values(context.state.accessKeys)
        .filter((key) => key.userName === userName)
        .map((key) => ({ UserName: key.userName, AccessKeyId: key.accessKeyId, Status: key.status, CreateDate: key.createDate }));
      return { response: { AccessKeyMetadata: keys }, requestParameters: { userName }, changes: [] };
    },
  }),

  ListAttachedUserPolicies: defineAction(P.ListAttachedUserPolicies, {
    readOnly: true,
    permission: (context, params) => ({ action: 'iam:ListAttachedUserPolicies', resource: userArn(context.state.accountId, params.userName) }),
    run(context, params) {
      const user = requireUser(context, params.userName);
      const attached = user.attachedPolicies.map((arn) => ({ PolicyName: arn.slice(arn.lastIndexOf('/') + 1), PolicyArn: arn }));
      return { response: { AttachedPolicies: attached }, changes: [] };
    },
  }),

  ListUserPolicies: defineAction(P.ListUserPolicies, {
    readOnly: true,
    permission: (context, params) => ({ action: 'iam:ListUserPolicies', resource: userArn(context.state.accountId, params.userName) }),
    run: (context, params) => ({ response: { PolicyNames: Object.keys(requireUser(context, params.userName).inlinePolicies) }, changes: [] }),
  }),

  ListGroupsForUser: defineAction(P.ListGroupsForUser, {
    readOnly: true,
    permission: (context, params) => ({ action: 'iam:ListGroupsForUser', resource: userArn(context.state.accountId, params.userName) }),
    run(context, params) {
      const user = requireUser(context, params.userName);
      const groups = user.groups.flatMap((name) => {
        const group = context.state.groups[name];
        return group ? [{ Path: '/', GroupName: group.groupName, GroupId: group.groupId, Arn: group.arn }] : [];
      });
      return { response: { Groups: groups }, changes: [] };
    },
  }),

  GetAccountAuthorizationDetails: defineAction(P.GetAccountAuthorizationDetails, {
    readOnly: true,
    permission: () => ({ action: 'iam:GetAccountAuthorizationDetails', resource: '*' }),
    run(context) {
      const state = context.state;
      const inline = (policies: Record<string, unknown>) => Object.entries(policies).map(([PolicyName, PolicyDocument]) => ({ PolicyName, PolicyDocument }));
      const attached = (arns: string[]) => arns.map((PolicyArn) => ({ PolicyName: PolicyArn.slice(PolicyArn.lastIndexOf('/') + 1), PolicyArn }));
      const response = {
        UserDetailList: Object.values(state.users).map((user) => ({ ...userView(user), GroupList: user.groups, UserPolicyList: inline(user.inlinePolicies), AttachedManagedPolicies: attached(user.attachedPolicies) })),
        GroupDetailList: Object.values(state.groups).map((group) => ({ Path: '/', GroupName: group.groupName, GroupId: group.groupId, Arn: group.arn, GroupPolicyList: inline(group.inlinePolicies), AttachedManagedPolicies: attached(group.attachedPolicies) })),
        RoleDetailList: Object.values(state.roles).map((role) => ({ Path: '/', RoleName: role.roleName, RoleId: role.roleId, Arn: role.arn, CreateDate: role.createDate, AssumeRolePolicyDocument: role.trustPolicy, RolePolicyList: inline(role.inlinePolicies), AttachedManagedPolicies: attached(role.attachedPolicies) })),
        Policies: Object.values(state.policies).filter((policy) => policy.customerManaged).map((policy) => ({
          PolicyName: policy.policyName,
          Arn: policy.arn,
          DefaultVersionId: policy.defaultVersionId,
          PolicyVersionList: Object.entries(policy.versions).map(([VersionId, Document]) => ({ VersionId, Document, IsDefaultVersion: VersionId === policy.defaultVersionId })),
        })),
      };
      return { response, requestParameters: null, changes: [] };
    },
  }),
};

function attachmentCount(state: { users: Record<string, UserState>; roles: Record<string, { attachedPolicies: string[] }>; groups: Record<string, { attachedPolicies: string[] }> }, arn: string): number {
  const holders = [...Object.values(state.users), ...Object.values(state.roles), ...Object.values(state.groups)];
  return holders.filter((holder) => holder.attachedPolicies.includes(arn)).length;
}
