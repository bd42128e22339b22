import { ActionParams } from '../action-params.js';
import { defineAction, type ActionDefinition } from '../action-context.js';
import { lastSegment } from '../arns.js';
import { AwsError } from '../aws-error.js';
import { hexIdFrom, iamIdFrom } from '../ids.js';
import { evaluateResourcePolicy } from '../policy-eval.js';

/**
 * STS: who the caller is, and assuming a role. Assuming a role needs sts:AssumeRole in the
 * caller's own policies, which `executeCall` checks, and a trust policy that allows the caller.
 */
// NOTE: IAM also lets a same-account caller assume a role whose trust policy names its ARN without an identity permission; the simulation always requires both.
const P = ActionParams.sts;
const SessionHours = 1;

export const stsActions: Record<string, ActionDefinition> = {
  GetCallerIdentity: defineAction(P.GetCallerIdentity, {
    readOnly: true,
    // GetCallerIdentity needs no permission: even an explicit deny does not block it.
    permission: () => null,
    run(context) {
      const principal = context.principal;
      const userId = principal.kind === 'user' ? principal.userId : `${principal.roleId}:${principal.sessionName}`;
      return { response: { UserId: userId, Account: principal.accountId, Arn: principal.arn }, requestParameters: null, changes: [] };
    },
  }),

  AssumeRole: defineAction(P.AssumeRole, {
    readOnly: true,
    permission: (_context, params) => ({ action: 'sts:AssumeRole', resource: params.roleArn }),
    run(context, params) {
      const roleName = lastSegment(params.roleArn);
      const role = Object.hasOwn(context.state.roles, roleName) ? context.state.roles[roleName] : undefined;
      const denied = new AwsError('AccessDenied', `User: ${context.principal.arn} is not authorized to perform: sts:AssumeRole on resource: ${params.roleArn}`);
      if (!role || role.arn !== params.roleArn) throw denied;
      const trust = evaluateResourcePolicy(role.trustPolicy, { action: 'sts:AssumeRole', resource: role.arn }, { arn: context.principal.arn, accountId: context.principal.accountId });
      if (trust !== 'allow') throw denied;

      const accessKeyId = iamIdFrom('ASIA', context.idSeed, 'sessionKey');
      const expiration = new Date(Date.parse(context.at) + SessionHours * 3_600_000).toISOString();
      const assumedRoleUser = { AssumedRoleId: `${role.roleId}:${params.roleSessionName}`, Arn: `arn:aws:sts::${context.state.accountId}:assumed-role/${role.roleName}/${params.roleSessionName}` };
      return {
        response: {
          Credentials: { AccessKeyId: accessKeyId, SecretAccessKey: hexIdFrom(context.idSeed, 'sessionSecret', 40), SessionToken: hexIdFrom(context.idSeed, 'sessionToken', 64), Expiration: expiration },
          AssumedRoleUser: assumedRoleUser,
        },
        responseElements: {
          credentials: { accessKeyId, sessionToken: '<sensitiveDataRemoved>', expiration: new Date(expiration).toUTCString() },
          assumedRoleUser: { assumedRoleId: assumedRoleUser.AssumedRoleId, arn: assumedRoleUser.Arn },
        },
        changes: [],
      };
    },
  }),
};
