import { NodeId, type IamModel, type InlinePolicies } from './iam-model.js';
import { grantsAdminAccess, isAdminManagedPolicy } from './policy-documents.js';

/**
 * Whether a managed policy grants administrator-like access: an AWS managed policy such as
 * AdministratorAccess, or a policy whose default version allows `*` or `iam:*`.
 */
export function isAdminPolicy(model: IamModel, policyArn: string): boolean {
  if (isAdminManagedPolicy(policyArn)) return true;
  const policy = model.policies.get(policyArn);
  if (!policy?.defaultVersion) return false;
  return grantsAdminAccess(policy.versions.get(policy.defaultVersion));
}

function hasAdminPolicy(model: IamModel, attached: Set<string>, inline: InlinePolicies): boolean {
  for (const arn of attached) if (isAdminPolicy(model, arn)) return true;
  for (const document of inline.values()) if (grantsAdminAccess(document)) return true;
  return false;
}

/**
 * Node ids of the users, groups and roles with administrator-like access, directly or, for
 * users, through a group.
 */
export function adminPrincipals(model: IamModel): Set<string> {
  const admins = new Set<string>();
  const adminGroups = new Set<string>();
  for (const group of model.groups.values()) {
    if (hasAdminPolicy(model, group.attached, group.inline)) {
      adminGroups.add(group.name);
      admins.add(NodeId.group(group.name));
    }
  }
  for (const user of model.users.values()) {
    const viaGroup = [...user.groups].some((name) => adminGroups.has(name));
    if (viaGroup || hasAdminPolicy(model, user.attached, user.inline)) admins.add(NodeId.user(user.name));
  }
  for (const role of model.roles.values()) {
    if (hasAdminPolicy(model, role.attached, role.inline)) admins.add(NodeId.role(role.name));
  }
  return admins;
}
