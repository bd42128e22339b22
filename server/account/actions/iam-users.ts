import { ActionParams } from '../action-params.js';
import { defineAction, type ActionDefinition } from '../action-context.js';
import { groupArn, userArn } from '../arns.js';
import { AwsError, noSuchEntity } from '../aws-error.js';
import { hexIdFrom, iamIdFrom } from '../ids.js';
import { cloudTrailDate, requireUser, subjectUserName } from './common.js';

/**
 * IAM users, their access keys, console passwords and group membership. Messages and limits
 * follow IAM's: two access keys per user, and a user must lose its keys, password, policies and
 * groups before it can be deleted.
 */
const MaxKeysPerUser = 2;
const P = ActionParams.iam;

const userResource = (accountId: string, userName: string): { resource: string } => ({ resource: userArn(accountId, userName) });

export const iamUserActions: Record<string, ActionDefinition> = {
  CreateUser: defineAction(P.CreateUser, {
    readOnly: false,
    permission: (context, params) => ({ action: 'iam:CreateUser', ...userResource(context.state.accountId, params.userName) }),
    run(context, params) {
      if (Object.hasOwn(context.state.users, params.userName)) throw new AwsError('EntityAlreadyExists', `User with name ${params.userName} already exists.`);
      const user = {
        userName: params.userName,
        userId: context.preset.userId ?? iamIdFrom('AIDA', context.idSeed, 'userId'),
        arn: userArn(context.state.accountId, params.userName),
        createDate: context.at,
        groups: [],
        attachedPolicies: [],
        inlinePolicies: {},
        loginProfile: null,
        tags: [],
      };
      context.state.users[user.userName] = user;
      const view = { Path: '/', UserName: user.userName, UserId: user.userId, Arn: user.arn, CreateDate: user.createDate };
      return {
        response: { User: view },
        responseElements: { user: { path: '/', userName: user.userName, userId: user.userId, arn: user.arn, createDate: cloudTrailDate(context.at) } },
        changes: [`IAM user ${user.userName} was created.`],
      };
    },
  }),

  DeleteUser: defineAction(P.DeleteUser, {
    readOnly: false,
    permission: (context, params) => ({ action: 'iam:DeleteUser', ...userResource(context.state.accountId, params.userName) }),
    run(context, params) {
      const user = requireUser(context, params.userName);
      const conflict = (prerequisite: string): AwsError => new AwsError('DeleteConflict', `Cannot delete entity, must ${prerequisite} first.`);
      if (user.loginProfile) throw conflict('delete login profile');
      if (Object.values(context.state.accessKeys).some((key) => key.userName === user.userName)) throw conflict('delete access keys');
      if (user.attachedPolicies.length > 0 || Object.keys(user.inlinePolicies).length > 0) throw conflict('detach all policies');
      if (user.groups.length > 0) throw conflict('remove users from group');
      delete context.state.users[user.userName];
      return { response: {}, changes: [`IAM user ${user.userName} was deleted.`] };
    },
  }),

  CreateAccessKey: defineAction(P.CreateAccessKey, {
    readOnly: false,
    permission: (context, params) => ({ action: 'iam:CreateAccessKey', ...userResource(context.state.accountId, subjectUserName(context, params.userName)) }),
    run(context, params) {
      const user = requireUser(context, subjectUserName(context, params.userName));
      const owned = Object.values(context.state.accessKeys).filter((key) => key.userName === user.userName);
      if (owned.length >= MaxKeysPerUser) throw new AwsError('LimitExceeded', `Cannot exceed quota for AccessKeysPerUser: ${MaxKeysPerUser}`);
      const accessKeyId = context.preset.accessKeyId ?? iamIdFrom('AKIA', context.idSeed, 'accessKey');
      if (Object.hasOwn(context.state.accessKeys, accessKeyId)) throw new AwsError('EntityAlreadyExists', `Access key ${accessKeyId} already exists.`);
      context.state.accessKeys[accessKeyId] = { accessKeyId, userName: user.userName, status: 'Active', createDate: context.at };
      // The secret access key exists only in the API response, never in the model or CloudTrail.
      const secret = Buffer.from(hexIdFrom(context.idSeed, 'secretKey', 60), 'hex').toString('base64');
      return {
        response: { AccessKey: { UserName: user.userName, AccessKeyId: accessKeyId, Status: 'Active', SecretAccessKey: secret, CreateDate: context.at } },
        requestParameters: { userName: user.userName },
        responseElements: { accessKey: { accessKeyId, status: 'Active', userName: user.userName, createDate: cloudTrailDate(context.at) } },
        changes: [`Access key ${accessKeyId} was created for IAM user ${user.userName}.`],
      };
    },
  }),

  UpdateAccessKey: defineAction(P.UpdateAccessKey, {
    readOnly: false,
    permission: (context, params) => ({ action: 'iam:UpdateAccessKey', ...userResource(context.state.accountId, subjectUserName(context, params.userName)) }),
    run(context, params) {
      const userName = subjectUserName(context, params.userName);
      requireUser(context, userName);
      const key = ownedKey(context.state.accessKeys, params.accessKeyId, userName);
      const previous = key.status;
      key.status = params.status;
      const changes = previous === params.status ? [] : [`Access key ${key.accessKeyId} of IAM user ${userName} is now ${params.status}.`];
      return { response: {}, requestParameters: { userName, accessKeyId: params.accessKeyId, status: params.status }, changes };
    },
  }),

  DeleteAccessKey: defineAction(P.DeleteAccessKey, {
    readOnly: false,
    permission: (context, params) => ({ action: 'iam:DeleteAccessKey', ...userResource(context.state.accountId, subjectUserName(context, params.userName)) }),
    run(context, params) {
      const userName = subjectUserName(context, params.userName);
      requireUser(context, userName);
      const key = ownedKey(context.state.accessKeys, params.accessKeyId, userName);
      delete context.state.accessKeys[key.accessKeyId];
      return { response: {}, requestParameters: { userName, accessKeyId: params.accessKeyId }, changes: [`Access key ${key.accessKeyId} of IAM user ${userName} was deleted.`] };
    },
  }),

  CreateLoginProfile: defineAction(P.CreateLoginProfile, {
    readOnly: false,
    permission: (context, params) => ({ action: 'iam:CreateLoginProfile', ...userResource(context.state.accountId, params.userName) }),
    run(context, params) {
      const user = requireUser(context, params.userName);
      if (user.loginProfile) throw new AwsError('EntityAlreadyExists', `Login Profile for user ${user.userName} already exists.`);
      const passwordResetRequired = params.passwordResetRequired ?? false;
      user.loginProfile = { createDate: context.at, passwordResetRequired };
      return {
        response: { LoginProfile: { UserName: user.userName, CreateDate: context.at, PasswordResetRequired: passwordResetRequired } },
        requestParameters: { userName: user.userName, passwordResetRequired },
        responseElements: { loginProfile: { userName: user.userName, createDate: cloudTrailDate(context.at), passwordResetRequired } },
        changes: [`IAM user ${user.userName} now has a console password.`],
      };
    },
  }),

  UpdateLoginProfile: defineAction(P.UpdateLoginProfile, {
    readOnly: false,
    permission: (context, params) => ({ action: 'iam:UpdateLoginProfile', ...userResource(context.state.accountId, params.userName) }),
    run(context, params) {
      const user = requireUser(context, params.userName);
      if (!user.loginProfile) throw noSuchEntity(`Login Profile for User ${user.userName} cannot be found.`);
      if (params.passwordResetRequired !== undefined) user.loginProfile.passwordResetRequired = params.passwordResetRequired;
      return { response: {}, changes: [`The console password of IAM user ${user.userName} was changed.`] };
    },
  }),

  DeleteLoginProfile: defineAction(P.DeleteLoginProfile, {
    readOnly: false,
    permission: (context, params) => ({ action: 'iam:DeleteLoginProfile', ...userResource(context.state.accountId, params.userName) }),
    run(context, params) {
      const user = requireUser(context, params.userName);
      if (!user.loginProfile) throw noSuchEntity(`Login Profile for User ${user.userName} cannot be found.`);
      user.loginProfile = null;
      return { response: {}, changes: [`IAM user ${user.userName} no longer has a console password.`] };
    },
  }),

  AddUserToGroup: defineAction(P.AddUserToGroup, {
    readOnly: false,
    permission: (context, params) => ({ action: 'iam:AddUserToGroup', resource: groupArn(context.state.accountId, params.groupName) }),
    run(context, params) {
      if (!Object.hasOwn(context.state.groups, params.groupName)) throw noSuchEntity(`The group with name ${params.groupName} cannot be found.`);
      const user = requireUser(context, params.userName);
      if (user.groups.includes(params.groupName)) return { response: {}, changes: [] };
      user.groups.push(params.groupName);
      return { response: {}, changes: [`IAM user ${user.userName} was added to group ${params.groupName}.`] };
    },
  }),

  RemoveUserFromGroup: defineAction(P.RemoveUserFromGroup, {
    readOnly: false,
    permission: (context, params) => ({ action: 'iam:RemoveUserFromGroup', resource: groupArn(context.state.accountId, params.groupName) }),
    run(context, params) {
      if (!Object.hasOwn(context.state.groups, params.groupName)) throw noSuchEntity(`The group with name ${params.groupName} cannot be found.`);
      const user = requireUser(context, params.userName);
      if (!user.groups.includes(params.groupName)) throw noSuchEntity(`User ${user.userName} is not in group ${params.groupName}.`);
      user.groups = user.groups.filter((name) => name !== params.groupName);
      return { response: {}, changes: [`IAM user ${user.userName} was removed from group ${params.groupName}.`] };
    },
  }),
};

function ownedKey<K extends { userName: string; accessKeyId: string }>(keys: Record<string, K>, accessKeyId: string, userName: string): K {
  const key = Object.hasOwn(keys, accessKeyId) ? keys[accessKeyId] : undefined;
  if (!key || key.userName !== userName) throw noSuchEntity(`The Access Key with id ${accessKeyId} cannot be found.`);
  return key;
}
